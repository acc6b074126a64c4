"""Events: meetings, workshops, webinars, study visits and the rest of the calendar."""

import datetime

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ilo_office.markup import clean_html
from ilo_office.publishing import Publishable, PublishingQuerySet


def office_today() -> datetime.date:
    """Today in the office's time zone (Asia/Ho_Chi_Minh), not the server's."""
    return timezone.localdate()


class EventQuerySet(PublishingQuerySet):
    def with_last_day(self):
        return self.annotate(last_day=Coalesce("end_date", "start_date"))

    def upcoming(self, today=None):
        """Published events not yet over: future ones and those under way today."""
        today = today or office_today()
        return (
            self.published()
            .with_last_day()
            .filter(last_day__gte=today)
            .order_by("start_date", "last_day", "pk")
        )

    def past(self, today=None):
        """Published events whose last day is before today, newest first."""
        today = today or office_today()
        return (
            self.published()
            .with_last_day()
            .filter(last_day__lt=today)
            .order_by("-start_date", "last_day", "pk")
        )

    def for_listing(self):
        return self.prefetch_related("programmes")


class Event(Publishable):
    """Something on the office's calendar, on one day or over a range of days."""

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

    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.MEETING, db_index=True
    )
    start_date = models.DateField(_("first day"), db_index=True)
    end_date = models.DateField(
        _("last day"),
        null=True,
        blank=True,
        help_text=_("Leave empty for a one-day event. Never before the first day."),
    )
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("Formatted text; scripts and styles are removed.")
    )
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    is_online = models.BooleanField(_("online"), default=False)
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
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="event_end_not_before_start",
                violation_error_message=_("The last day cannot be before the first day."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:event_detail", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        self.description = clean_html(self.description)
        super().save(*args, **kwargs)

    @property
    def last_date(self):
        return self.end_date or self.start_date

    def is_ongoing(self, today=None):
        today = today or office_today()
        return self.start_date < today <= self.last_date

    @property
    def place(self):
        return ", ".join(part for part in (self.venue, self.city, self.country) if part)
