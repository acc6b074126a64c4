"""Opportunities: vacancies, internships, procurement notices and calls for proposals.

One type, because readers look for all of them in one place and each is the same
thing: a notice that is open until a closing date and time, then kept in an archive.
"Open" is a rule at query time (`closes_at > now`), like the publishing rule: a call
leaves the open list by itself at its closing minute, without cron, and the content
generation moves on then too (`SCHEDULE_COLUMNS`, read by ilo_office.cache).
"""

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ilo_office.publishing import Publishable, PublishingQuerySet
from opportunities.documents import validate_pdf


def to_minute(moment):
    return moment.replace(second=0, microsecond=0)


class OpportunityQuerySet(PublishingQuerySet):
    # No ordering here: search reads these as subqueries and orders them itself.
    def open(self, now=None):
        """Published and still taking applications: the closing time has not come."""
        now = now or timezone.now()
        return self.published(now).filter(closes_at__gt=now)

    def closed(self, now=None):
        """Published, and past their closing time: the archive."""
        now = now or timezone.now()
        return self.published(now).filter(closes_at__lte=now)

    def for_listing(self):
        """What a list or card needs (not the long texts)."""
        return self.without_search_copies().defer(
            *(f"{name}_{code}" for name in ("description", "how_to_apply") for code in ("en", "vi"))
        )


class Opportunity(Publishable):
    """A vacancy, an internship, a procurement notice or a call for proposals."""

    RICH_TEXT = ("description",)
    SEARCH_FIELDS = {
        "title": ("title",),
        "summary": ("summary", "reference"),
        "body": ("description", "duty_station", "grade"),
    }
    # Moments at which what the public sees changes without a save (ilo_office.cache).
    SCHEDULE_COLUMNS = ("publish_at", "unpublish_at", "closes_at")

    class Kind(models.TextChoices):
        VACANCY = "vacancy", _("Vacancy")
        INTERNSHIP = "internship", _("Internship")
        PROCUREMENT = "procurement", _("Procurement")
        CALL_FOR_PROPOSALS = "call_for_proposals", _("Call for proposals")

    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.VACANCY, db_index=True
    )
    reference = models.CharField(
        _("reference number"),
        max_length=100,
        blank=True,
        help_text=_("As applicants must quote it, e.g. ILO/HAN/2026/05."),
    )
    duty_station = models.CharField(
        _("duty station"),
        max_length=200,
        blank=True,
        help_text=_(
            "Where the work is done, e.g. Hanoi, Viet Nam. Leave empty if it does not apply."
        ),
    )
    grade = models.CharField(
        _("grade or contract type"),
        max_length=100,
        blank=True,
        help_text=_("For vacancies and internships, e.g. NO-B, G5, or Service contract."),
    )
    opens_at = models.DateTimeField(
        _("opening date and time"),
        default=timezone.now,
        help_text=_("Hanoi time. When applications or offers are accepted from."),
    )
    closes_at = models.DateTimeField(
        _("closing date and time"),
        db_index=True,
        help_text=_(
            "Hanoi time. At this minute the notice leaves the open list by itself and "
            "moves to the archive of closed ones."
        ),
    )
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("Formatted text; scripts and styles are removed.")
    )
    how_to_apply = models.TextField(
        _("how to apply"),
        blank=True,
        help_text=_("What to send, to whom and how, e.g. an e-mail address."),
    )
    terms_of_reference = models.FileField(
        _("terms of reference (PDF)"),
        upload_to="opportunities/%Y/",
        blank=True,
        max_length=255,
        validators=[FileExtensionValidator(["pdf"]), validate_pdf],
        help_text=_("A PDF file; it is checked to be a real PDF and not too large."),
    )
    programmes = models.ManyToManyField(
        "programmes.Programme",
        verbose_name=_("programmes"),
        related_name="opportunities",
        blank=True,
    )
    themes = models.ManyToManyField(
        "programmes.Theme",
        verbose_name=_("areas of work"),
        related_name="opportunities",
        blank=True,
    )

    objects = OpportunityQuerySet.as_manager()

    class Meta(Publishable.Meta):
        ordering = ["-closes_at"]
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        indexes = [
            # The open list (soonest closing first) and the archive (latest closed first).
            models.Index(
                fields=["closes_at", "publish_at", "unpublish_at"],
                name="opportunity_published_idx",
                condition=Q(status="published"),
            ),
        ]
        constraints = [
            *Publishable.Meta.constraints,
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")),
                name="opportunity_closes_after_opening",
                violation_error_message=_("The closing time must come after the opening time."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("opportunities:opportunity_detail", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        # Calls open and close on a minute (what the form and the pages show); seconds
        # would also make the pages' <time datetime> invalid HTML.
        for name in ("opens_at", "closes_at"):
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, to_minute(value))
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if (
            self.opens_at
            and self.closes_at
            and to_minute(self.closes_at) <= to_minute(self.opens_at)
        ):
            raise ValidationError(
                {"closes_at": _("The closing time must come after the opening time.")}
            )

    def is_open(self, now=None):
        return self.closes_at > (now or timezone.now())

    @property
    def is_vacancy(self):
        return self.kind in (self.Kind.VACANCY, self.Kind.INTERNSHIP)
