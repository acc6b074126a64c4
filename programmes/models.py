"""The hub of the shared model: programmes, areas of work (themes) and partners.

This app never imports newsroom or events: a programme reaches its news and
events through the reverse relations they declare (`programme.articles`,
`programme.events`), always through their `published()` rule.
"""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ilo_office.markup import clean_html
from ilo_office.publishing import Publishable, PublishingQuerySet, unique_slug


class Theme(models.Model):
    """An area of work: one of the strategic areas, or a cross-cutting theme."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True)
    is_cross_cutting = models.BooleanField(
        _("cross-cutting"),
        default=False,
        help_text=_(
            "Tick for a theme mainstreamed in every strategic area (social dialogue, "
            "international labour standards, gender); leave empty for a strategic area."
        ),
    )
    summary = models.TextField(_("summary"), blank=True)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    class Meta:
        ordering = ["is_cross_cutting", "order", "name"]
        verbose_name = _("area of work")
        verbose_name_plural = _("areas of work")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("programmes:theme_detail", kwargs={"slug": self.slug})


class Partner(models.Model):
    """An organisation the office works with."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("Government")
        EMPLOYERS = "employers", _("Employers' organisation")
        WORKERS = "workers", _("Workers' organisation")
        UN_AGENCY = "un_agency", _("UN agency")
        DONOR = "donor", _("Donor")
        RESEARCH = "research", _("Research or civil society")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=250)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    website = models.URLField(_("website"), blank=True)
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.acronym or self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("programmes:partner_detail", kwargs={"slug": self.slug})

    @property
    def short_name(self):
        return self.acronym or self.name


class ProgrammeQuerySet(PublishingQuerySet):
    def for_listing(self):
        return self.select_related("photo")


class Programme(Publishable):
    """A programme or project of the office, e.g. Better Work Viet Nam."""

    SLUG_SOURCE = "name"

    class Stage(models.TextChoices):
        PIPELINE = "pipeline", _("In preparation")
        ACTIVE = "active", _("Active")
        CLOSED = "closed", _("Closed")

    name = models.CharField(_("name"), max_length=250)
    acronym = models.CharField(_("short name"), max_length=50, blank=True)
    summary = models.TextField(_("summary"), help_text=_("One or two sentences for lists."))
    description = models.TextField(
        _("description"), blank=True, help_text=_("Formatted text; scripts and styles are removed.")
    )
    stage = models.CharField(
        _("programme status"),
        max_length=20,
        choices=Stage.choices,
        default=Stage.ACTIVE,
        db_index=True,
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    photo = models.ForeignKey(
        "ilo_office.Photo",
        verbose_name=_("photo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("areas of work"), related_name="programmes", blank=True
    )
    partners = models.ManyToManyField(
        Partner,
        verbose_name=_("partners"),
        through="ProgrammePartner",
        related_name="programmes",
        blank=True,
    )

    objects = ProgrammeQuerySet.as_manager()

    class Meta(Publishable.Meta):
        ordering = ["name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="programme_end_not_before_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programmes:programme_detail", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        self.description = clean_html(self.description)
        super().save(*args, **kwargs)


class ProgrammePartner(models.Model):
    """A partner's role in a programme: funding, implementing, or constituent."""

    class Role(models.TextChoices):
        FUNDING = "funding", _("Funding partner")
        IMPLEMENTING = "implementing", _("Implementing partner")
        COUNTERPART = "counterpart", _("National counterpart")
        PARTNER = "partner", _("Partner")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE)
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, verbose_name=_("partner"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PARTNER)

    class Meta:
        ordering = ["role", "partner__name"]
        verbose_name = _("programme partner")
        verbose_name_plural = _("programme partners")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "partner", "role"], name="programme_partner_role_unique"
            )
        ]

    def __str__(self):
        return f"{self.partner}: {self.get_role_display()}"
