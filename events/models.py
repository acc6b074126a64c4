"""Events: meetings, workshops, webinars, study visits and the rest of the calendar."""

import datetime
import uuid
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ilo_office.filtering import years_with
from ilo_office.publishing import Publishable, PublishingQuerySet, office_today
from programmes.models import published_programmes

OFFICE_ZONE = settings.TIME_ZONE


def validate_time_zone(value):
    # A validator, not field choices: the zone list comes from tzdata, and choices
    # would make every tzdata release look like a model change needing a migration.
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a time zone name."), params={"value": value})


def time_zone_choices():
    """The IANA zones as form choices, the office's zone first (most events use it)."""
    zones = sorted(zoneinfo.available_timezones() - {OFFICE_ZONE, "localtime", "Factory"})
    return [(OFFICE_ZONE, OFFICE_ZONE), *((zone, zone) for zone in zones)]


# Changes to these fields are what a subscriber's calendar must pick up: each one
# that reaches the public raises the event's iCalendar SEQUENCE.
# Translated fields are named per language: a Vietnamese title changed alone is
# still a change for subscribers of the Vietnamese calendar.
CALENDAR_FIELDS = (
    "title_en", "title_vi", "start_date", "end_date", "start_time", "end_time", "time_zone",
    "precision", "event_status", "summary_en", "summary_vi", "venue_en", "venue_vi",
    "city_en", "city_vi", "country_en", "country_vi", "is_online", "online_url",
    "show_online_link", "status", "publish_at", "unpublish_at", "slug",
)  # fmt: skip


def one_year_before(day):
    """The same day a year earlier; 29 February gives 28 February."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def last_day_of_period(day, precision):
    """The last day of the month, or of the quarter, that `day` falls in."""
    months = 3 if precision == Event.Precision.QUARTER else 1
    first_month = day.month if months == 1 else (day.month - 1) // 3 * 3 + 1
    next_month = first_month + months
    year, month = day.year + (next_month - 1) // 12, (next_month - 1) % 12 + 1
    return datetime.date(year, month, 1) - datetime.timedelta(days=1)


# Anyone can take part from afar: an online event, or one moved online.
TAKES_PLACE_ONLINE = Q(is_online=True) | Q(event_status="moved_online")


class EventQuerySet(PublishingQuerySet):
    def with_last_day(self):
        return self.annotate(last_day=Coalesce("end_date", "start_date"))

    def not_over(self, today=None):
        """Events whose last day is today or later: future ones and those under way."""
        return self.with_last_day().filter(last_day__gte=today or office_today())

    def over(self, today=None):
        """Events whose last day is before today."""
        return self.with_last_day().filter(last_day__lt=today or office_today())

    def online(self):
        return self.filter(TAKES_PLACE_ONLINE)

    def in_person_only(self):
        return self.exclude(TAKES_PLACE_ONLINE)

    def upcoming(self, today=None):
        """Published events not yet over: future ones and those under way today."""
        return self.published().not_over(today).order_by("start_date", "last_day", "pk")

    def past(self, today=None):
        """Published events whose last day is before today, newest first."""
        return self.published().over(today).order_by("-start_date", "last_day", "pk")

    def for_listing(self):
        """What a list or card needs (not the description)."""
        return (
            # Cards name the programmes: published ones only.
            self.prefetch_related(published_programmes())
            .without_search_copies()
            .defer(*(f"description_{code}" for code, _name in settings.LANGUAGES))
        )

    def for_calendar(self):
        """Published events with exact dates: the ones a calendar can place on a day."""
        return (
            self.published()
            .filter(precision=Event.Precision.EXACT)
            .without_search_copies()
            # Calendars carry the summary, not the description.
            .defer(*(f"description_{code}" for code, _name in settings.LANGUAGES))
            .order_by("start_date", "pk")
        )

    def in_calendar_window(self, today=None):
        """What the subscription calendars hold: events not over, and those of the last 12 months.

        Older events are in the yearly archives (`in_calendar_year()`): a subscription
        that grows for decades makes every calendar app poll a file of every event ever.
        """
        return self.for_calendar().not_over(one_year_before(today or office_today()))

    def in_calendar_year(self, year):
        """The calendar archive of one year: exact-date events that start in `year`."""
        return self.for_calendar().filter(start_date__year=year)

    def calendar_years(self):
        """The years that have an archive, newest first (index probes, not a table scan)."""
        return years_with(self.for_calendar(), "start_date")


class Event(Publishable):
    """Something on the office's calendar, on one day or over a range of days."""

    RICH_TEXT = ("description",)
    SEARCH_FIELDS = {
        "title": ("title",),
        "summary": ("summary",),
        "body": ("description", "venue", "city", "country"),
    }

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        WORKSHOP = "workshop", _("Workshop")
        WEBINAR = "webinar", _("Webinar")
        TRAINING = "training", _("Training")
        CONSULTATION = "consultation", _("Consultation")
        CONFERENCE = "conference", _("Conference")
        STUDY_VISIT = "study_visit", _("Study visit")
        BOOK_LAUNCH = "book_launch", _("Book launch")
        SURVEY = "survey", _("Survey or field work")
        CAMPAIGN = "campaign", _("Campaign")
        OTHER = "other", _("Other")

    class Precision(models.TextChoices):
        EXACT = "exact", _("Exact dates")
        MONTH = "month", _("Month only")
        QUARTER = "quarter", _("Quarter only")
        TBC = "tbc", _("To be confirmed")

    class EventStatus(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")
        MOVED_ONLINE = "moved_online", _("Moved online")

    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.MEETING, db_index=True
    )
    event_status = models.CharField(
        _("event status"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_("Shown to readers and sent to subscribed calendars."),
    )
    start_date = models.DateField(_("first day"), db_index=True)
    end_date = models.DateField(
        _("last day"),
        null=True,
        blank=True,
        help_text=_("Leave empty for a one-day event. Never before the first day."),
    )
    start_time = models.TimeField(
        _("start time"),
        null=True,
        blank=True,
        help_text=_("Leave empty for an all-day event."),
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=OFFICE_ZONE,
        validators=[validate_time_zone],
        help_text=_(
            "The zone the times are given in. Hanoi time unless, for example, a webinar "
            "is organised from Bangkok or Geneva; readers then see both. "
            "Write it as a zone name, e.g. Asia/Bangkok or Europe/Zurich."
        ),
    )
    precision = models.CharField(
        _("date precision"),
        max_length=10,
        choices=Precision.choices,
        default=Precision.EXACT,
        help_text=_(
            'For an event known only as "March 2020" or "early next year": choose how '
            "exact the dates are, and give the first day of that month or quarter."
        ),
    )
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("Formatted text; scripts and styles are removed.")
    )
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    is_online = models.BooleanField(
        _("online"), default=False, help_text=_("Tick for webinars and events with online access.")
    )
    online_url = models.URLField(_("online link"), max_length=500, blank=True)
    show_online_link = models.BooleanField(
        _("show the online link to the public"),
        default=False,
        help_text=_("Leave unticked to keep the meeting link for registered participants only."),
    )
    registration = models.TextField(
        _("registration and contact"),
        blank=True,
        help_text=_("How to register or whom to ask, e.g. an e-mail address."),
    )
    uid = models.UUIDField(
        _("calendar identifier"), default=uuid.uuid4, unique=True, editable=False
    )
    sequence = models.PositiveIntegerField(
        _("calendar revision"),
        default=0,
        editable=False,
        help_text=_("Raised at every public change so that subscribed calendars update."),
    )
    photo = models.ForeignKey(
        "ilo_office.Photo",
        verbose_name=_("photo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    programmes = models.ManyToManyField(
        "programmes.Programme", verbose_name=_("programmes"), related_name="events", blank=True
    )
    themes = models.ManyToManyField(
        "programmes.Theme", verbose_name=_("areas of work"), related_name="events", blank=True
    )
    partners = models.ManyToManyField(
        "programmes.Partner",
        verbose_name=_("organisers and partners"),
        related_name="events",
        blank=True,
    )

    objects = EventQuerySet.as_manager()

    class Meta(Publishable.Meta):
        ordering = ["-start_date"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            # Past events, newest first, related events, the year filter and its choices.
            # Partial: published only. end_date, publish_at and unpublish_at make the
            # past list's count an index-only scan.
            models.Index(
                fields=["-start_date", "end_date", "publish_at", "unpublish_at"],
                name="event_published_start_idx",
                condition=Q(status="published"),
            ),
            # Upcoming and ongoing events: those whose last day is today or later.
            models.Index(
                Coalesce("end_date", "start_date"),
                name="event_published_last_day_idx",
                condition=Q(status="published"),
            ),
            # Calendars and their yearly archives (exact dates only): the years that have one.
            models.Index(
                fields=["start_date", "publish_at", "unpublish_at"],
                name="event_calendar_idx",
                condition=Q(status="published", precision="exact"),
            ),
            # The sitemap's count and newest change (ilo_office.sitemaps), from the index alone.
            models.Index(
                fields=["publish_at", "unpublish_at", "updated_at"],
                name="event_sitemap_idx",
                condition=Q(status="published"),
            ),
            # The next scheduled take-down (ilo_office.cache.next_scheduled_change).
            models.Index(
                fields=["unpublish_at"],
                name="event_unpublish_idx",
                condition=Q(status="published", unpublish_at__isnull=False),
            ),
        ]
        constraints = [
            *Publishable.Meta.constraints,
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="event_end_not_before_start",
                violation_error_message=_("The last day cannot be before the first day."),
            ),
            models.CheckConstraint(
                condition=Q(end_time__isnull=True) | Q(start_time__isnull=False),
                name="event_end_time_needs_start_time",
                violation_error_message=_("Give a start time as well as an end time."),
            ),
            models.CheckConstraint(
                # SQL CHECK passes on NULL, so spell out the one-day case (end_date NULL).
                condition=Q(end_time__isnull=True)
                | Q(end_date__isnull=False, end_date__gt=F("start_date"))
                | Q(end_time__gte=F("start_time")),
                name="event_end_time_not_before_start_time",
                violation_error_message=_(
                    "On a one-day event the end time cannot be before the start."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:event_detail", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        if self.end_date is None and self.precision in (
            self.Precision.MONTH,
            self.Precision.QUARTER,
        ):
            # An event "in March" may happen on any day of March: it stays upcoming
            # until the month (or quarter) is over, and upcoming()/past() read that
            # window from end_date, like any range.
            self.end_date = last_day_of_period(self.start_date, self.precision)
        if self.pk and self._calendar_changed():
            self.sequence += 1
        super().save(*args, **kwargs)

    def _calendar_changed(self):
        old = type(self)._default_manager.filter(pk=self.pk).values(*CALENDAR_FIELDS).first()
        return old is not None and any(getattr(self, name) != value for name, value in old.items())

    def clean(self):
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first day.")})
        if self.end_time and not self.start_time:
            raise ValidationError({"start_time": _("Give a start time as well as an end time.")})
        if self.is_online and self.show_online_link and not self.online_url:
            raise ValidationError({"online_url": _("Give the link you want to show.")})

    @property
    def last_date(self):
        return self.end_date or self.start_date

    @property
    def is_all_day(self):
        return self.start_time is None

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def starts_at(self):
        """Aware start of a timed event, None for an all-day one."""
        if self.start_time is None:
            return None
        return datetime.datetime.combine(self.start_date, self.start_time, tzinfo=self.zone)

    @property
    def ends_at(self):
        if self.start_time is None:
            return None
        end_time = self.end_time or self.start_time
        return datetime.datetime.combine(self.last_date, end_time, tzinfo=self.zone)

    @property
    def daily_days(self):
        """How many days a timed event over several days repeats its hours, else None.

        "1 - 3 March, 09:00 - 17:00" means those hours on each day, not one 56-hour
        block. An end time before (or at) the start time on a later day reads as one
        continuous span instead (an overnight event, Friday 18:00 to Sunday 12:00).
        """
        if self.start_time is None or self.end_date is None or self.end_date <= self.start_date:
            return None
        if self.end_time is not None and self.end_time <= self.start_time:
            return None
        return (self.end_date - self.start_date).days + 1

    @property
    def first_day_ends_at(self):
        """The end of the first day's hours of a daily-hours event (None without an end time)."""
        if self.end_time is None:
            return None
        return datetime.datetime.combine(self.start_date, self.end_time, tzinfo=self.zone)

    def is_ongoing(self, today=None):
        """Started before today and not over: only said of events with exact dates."""
        today = today or office_today()
        return self.precision == self.Precision.EXACT and self.start_date < today <= self.last_date

    def is_past(self, today=None):
        """Its last day is before today (the same rule as `EventQuerySet.over()`)."""
        return self.last_date < (today or office_today())

    @property
    def takes_place_online(self):
        """Online, or moved online (the same rule as `EventQuerySet.online()`)."""
        return self.is_online or self.event_status == self.EventStatus.MOVED_ONLINE

    @property
    def attendance(self):
        """ "online", "mixed" (a place and online) or "in_person": for feeds, iCalendar, JSON-LD.

        Moved online means the place no longer counts; online without a place is online only.
        """
        if self.event_status == self.EventStatus.MOVED_ONLINE or (
            self.is_online and not self.place
        ):
            return "online"
        return "mixed" if self.is_online else "in_person"

    @property
    def place(self):
        return ", ".join(part for part in (self.venue, self.city, self.country) if part)
