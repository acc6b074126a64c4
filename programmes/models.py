"""The hub of the shared model: programmes, areas of work (themes), partners and places.

This app never imports newsroom or events: a programme reaches its news and
events through the reverse relations they declare (`programme.articles`,
`programme.events`), always through their `published()` rule.

Organisations and provinces change: ministries merge (MOLISA's functions passed
to the Ministry of Home Affairs on 1 March 2025) and Viet Nam merged 63 provinces
into 34 on 1 July 2025. Content keeps the partner or place it was written with;
the old record points to its successor, so a page can say what it is today.
"""

from decimal import Decimal

from django.db import models
from django.db.models import F, Prefetch, Q
from django.urls import reverse
from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ilo_office.models import KeepsSlugHistory
from ilo_office.publishing import (
    DeclaredFields,
    Publishable,
    PublishingQuerySet,
    Searchable,
    SearchableQuerySet,
)

PHOTO_HELP = _("Choose from the photo library; every photo there has its alternative text.")


def _photo_field(verbose_name, help_text=PHOTO_HELP):
    return models.ForeignKey(
        "ilo_office.Photo",
        verbose_name=verbose_name,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=help_text,
    )


def _successor_constraints(prefix):
    """The rules for a "replaced by" link: never itself, and a date only with a successor."""
    return [
        models.CheckConstraint(
            condition=~Q(successor=F("pk")),
            name=f"{prefix}_successor_not_itself",
            violation_error_message=_("An item cannot be its own successor."),
        ),
        models.CheckConstraint(
            condition=Q(successor__isnull=False) | Q(successor_since__isnull=True),
            name=f"{prefix}_successor_date_needs_successor",
            violation_error_message=_("Give the date only together with the successor."),
        ),
    ]


class Theme(DeclaredFields, KeepsSlugHistory, Searchable):
    """An area of work: one of the strategic areas, or a cross-cutting theme.

    Every area of work is public (there is no draft), and site search finds it.
    """

    SLUG_SOURCE = ("name",)
    RICH_TEXT = ("description",)
    SEARCH_FIELDS = {"title": ("name",), "summary": ("summary",), "body": ("description",)}

    objects = SearchableQuerySet.as_manager()

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
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One sentence, shown in lists and under the title.")
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_(
            "What the ILO does in this area. Formatted text; scripts and styles are removed."
        ),
    )
    photo = _photo_field(
        _("photo"),
        _(
            "Choose from the photo library. The Areas of work page shows the photo of the "
            "first area (in the order above) that has one."
        ),
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )
    # The sitemap's lastmod and the page cache's validators read it.
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["is_cross_cutting", "order", "name"]
        verbose_name = _("area of work")
        verbose_name_plural = _("areas of work")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programmes:theme_detail", kwargs={"slug": self.slug})


class Partner(DeclaredFields, KeepsSlugHistory, Searchable):
    """An organisation the office works with; public, and found by site search."""

    SLUG_SOURCE = ("acronym", "name")
    # `name` is translated: its English and Vietnamese columns are both searched.
    SEARCH_FIELDS = {"title": ("name", "acronym"), "summary": ("summary",)}

    objects = SearchableQuerySet.as_manager()

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("Government")
        EMPLOYERS = "employers", _("Employers' organisation")
        WORKERS = "workers", _("Workers' organisation")
        UN_AGENCY = "un_agency", _("UN agency")
        DONOR = "donor", _("Donor")
        RESEARCH = "research", _("Research or civil society")
        OTHER = "other", _("Other")

    # The ILO's tripartite constituents, in the order the ILO names them.
    TRIPARTITE = (Kind.GOVERNMENT, Kind.EMPLOYERS, Kind.WORKERS)

    name = models.CharField(
        _("name"),
        max_length=250,
        help_text=_("In English and, if it has one, in Vietnamese."),
    )
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    website = models.URLField(_("website"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    logo = _photo_field(_("logo"))
    successor = models.ForeignKey(
        "self",
        verbose_name=_("replaced by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="predecessors",
        help_text=_(
            "If this organisation was renamed or merged, the organisation that carries out "
            "its work today. Keep this one: older news still names it."
        ),
    )
    successor_since = models.DateField(
        _("replaced on"),
        null=True,
        blank=True,
        help_text=_("The date the change took effect, e.g. 1 March 2025."),
    )
    successor_note = models.CharField(
        _("note on the change"),
        max_length=300,
        blank=True,
        help_text=_("One sentence for readers, e.g. which of its functions moved where."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = _successor_constraints("partner")

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self):
        return reverse("programmes:partner_detail", kwargs={"slug": self.slug})

    @property
    def short_name(self):
        return self.acronym or self.name

    @property
    def name_in_other_language(self):
        """(language, name) of the name a reader of this page may also know it by, or None.

        English pages add the Vietnamese name, Vietnamese pages the English one; a
        partner with one name only (an international agency) has nothing to add.
        """
        if not self.name_vi or self.name_vi == self.name_en:
            return None
        if get_language() == "vi":
            return {"lang": "en", "name": self.name_en}
        return {"lang": "vi", "name": self.name_vi}

    @property
    def is_tripartite(self):
        return self.kind in self.TRIPARTITE


class Place(DeclaredFields, models.Model):
    """A province or centrally-run city of Viet Nam, as a programme names it.

    Places are never deleted when provinces merge: the old one keeps its name
    and points to the one it became part of.
    """

    SLUG_SOURCE = ("name",)

    class Kind(models.TextChoices):
        PROVINCE = "province", _("Province")
        CITY = "city", _("Centrally-run city")

    # North, Central and South rather than the six socio-economic regions: several of the
    # provinces merged on 1 July 2025 straddle two of the six (Quang Ngai took in Kon Tum
    # of the Central Highlands, Tay Ninh took in Long An of the Mekong Delta), while each
    # of the 34 falls plainly in one of the three that readers name.
    class Region(models.TextChoices):
        NORTH = "north", _("North")
        CENTRAL = "central", _("Central")
        SOUTH = "south", _("South")

    name = models.CharField(_("name"), max_length=100, help_text=_("E.g. Ho Chi Minh City."))
    vietnamese_name = models.CharField(
        _("name in Vietnamese"),
        max_length=100,
        blank=True,
        help_text=_("E.g. Thành phố Hồ Chí Minh."),
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PROVINCE)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("now part of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="predecessors",
        help_text=_(
            "If this province was merged or renamed, the province or city it belongs to "
            "today. Keep this one: older content still names it."
        ),
    )
    successor_since = models.DateField(
        _("since"),
        null=True,
        blank=True,
        help_text=_("The date the merger took effect, e.g. 1 July 2025."),
    )
    region = models.CharField(
        _("region"),
        max_length=10,
        choices=Region.choices,
        blank=True,
        help_text=_(
            "Where the Where we work page lists a current province or city. Leave empty "
            "for a former province: it is listed under the one it became part of."
        ),
    )
    # The sitemap's lastmod of the place's page.
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")
        constraints = _successor_constraints("place")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programmes:place_detail", kwargs={"slug": self.slug})

    @property
    def display_name(self):
        """The Vietnamese name on Vietnamese pages when staff gave one, else the English."""
        if get_language() == "vi" and self.vietnamese_name:
            return self.vietnamese_name
        return self.name

    @property
    def name_in_other_language(self):
        """(language, name) of the place's name in the page's other language, or None."""
        if not self.vietnamese_name or self.vietnamese_name == self.name:
            return None
        if get_language() == "vi":
            return {"lang": "en", "name": self.name}
        return {"lang": "vi", "name": self.vietnamese_name}


def places_today(places):
    """[{"place", "former", "former_names", "since"}]: `places` under today's names.

    A programme that worked in Binh Duong before 1 July 2025 works in what is now
    Ho Chi Minh City: readers look for the current name, and the former one is noted
    so that older reports still make sense. Places listed together with the one they
    merged into are shown once. The programme page selects each place's successor, so
    this runs no query there (a second merger of the same place would add one).
    """
    today = {}
    for place in places:
        now, seen = place, {place.pk}
        while now.successor_id and now.successor_id not in seen:
            now = now.successor
            seen.add(now.pk)
        entry = today.setdefault(now.pk, {"place": now, "former": [], "since": None})
        if now is not place:
            entry["former"].append(place)
            if place.successor_since and (
                entry["since"] is None or place.successor_since > entry["since"]
            ):
                entry["since"] = place.successor_since
    for entry in today.values():
        entry["former_names"] = [place.display_name for place in entry["former"]]
    return sorted(today.values(), key=lambda entry: entry["place"].display_name)


class ProgrammeQuerySet(PublishingQuerySet):
    def for_listing(self):
        return self.select_related("photo").without_search_copies()


class Programme(Publishable):
    """A programme or project of the office, e.g. Better Work Viet Nam."""

    SLUG_SOURCE = ("name",)
    RICH_TEXT = ("description",)
    SEARCH_FIELDS = {
        "title": ("name", "acronym"),
        "summary": ("tagline", "summary"),
        "body": ("description",),
    }

    class Stage(models.TextChoices):
        PIPELINE = "pipeline", _("In preparation")
        ACTIVE = "active", _("Active")
        CLOSED = "closed", _("Closed")

    name = models.CharField(_("name"), max_length=250)
    acronym = models.CharField(_("short name"), max_length=50, blank=True)
    tagline = models.CharField(
        _("tagline"),
        max_length=200,
        blank=True,
        help_text=_(
            "A few words under the name, e.g. “Improving working conditions in garment factories”."
        ),
    )
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
    logo = _photo_field(_("logo"))
    photo = _photo_field(_("photo"))
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
    places = models.ManyToManyField(
        Place,
        verbose_name=_("places covered"),
        related_name="programmes",
        blank=True,
        help_text=_("The provinces and cities where the programme works."),
    )

    objects = ProgrammeQuerySet.as_manager()

    class Meta(Publishable.Meta):
        ordering = ["name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [
            *Publishable.Meta.constraints,
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="programme_end_not_before_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]

    def places_today(self):
        """The places covered, under today's names (see `places_today`)."""
        return places_today(self.places.all())

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programmes:programme_detail", kwargs={"slug": self.slug})


def published_programmes(lookup="programmes"):
    """A prefetch of the programmes content links to, as the public may see them.

    Staff link articles and events to programmes still in draft, in review, scheduled
    or taken down; a published page or feed must not name those (or link to their
    404). Every public page and feed that shows an item's programmes prefetches them
    through this, so the rule is the published one and the count stays one query.
    """
    return Prefetch(lookup, queryset=Programme.objects.published().without_search_copies())


class ProgrammePartner(models.Model):
    """A partner's role in a programme; one partner may hold several roles."""

    class Role(models.TextChoices):
        FUNDING = "funding", _("Funding partner")
        IMPLEMENTING = "implementing", _("Implementing partner")
        COUNTERPART = "counterpart", _("National counterpart")
        SIGNATORY = "signatory", _("Signing partner")
        PARTNER = "partner", _("Partner")

    # How the programme page groups them, in this order.
    ROLE_ORDER = [Role.FUNDING, Role.IMPLEMENTING, Role.COUNTERPART, Role.SIGNATORY, Role.PARTNER]
    ROLE_HEADINGS = {
        Role.FUNDING: _("Funding partners"),
        Role.IMPLEMENTING: _("Implementing partners"),
        Role.COUNTERPART: _("National counterparts"),
        Role.SIGNATORY: _("Signed the programme agreement with the ILO"),
        Role.PARTNER: _("Other partners"),
    }

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE)
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, verbose_name=_("partner"))
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=Role.choices,
        default=Role.PARTNER,
        help_text=_(
            "“Signing partner”: signed the programme's agreement (e.g. a memorandum of "
            "understanding) with the ILO. Add a partner once per role it holds."
        ),
    )

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


class ProgrammePhase(models.Model):
    """A period of a programme with its own dates and focus, e.g. Better Work 2023-2027."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="phases", verbose_name=_("programme")
    )
    name = models.CharField(_("name"), max_length=200, help_text=_("E.g. “Phase 2023-2027”."))
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave empty if the phase is open-ended.")
    )
    focus = models.TextField(
        _("focus"), blank=True, help_text=_("What the phase concentrates on, in a few sentences.")
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    class Meta:
        ordering = ["order", "start_date", "pk"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="phase_end_not_before_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]

    def __str__(self):
        return self.name


class KeyFigure(models.Model):
    """A number that tells a programme's reach, with the date it was true and its source."""

    class Qualifier(models.TextChoices):
        MORE_THAN = "more_than", _("more than")
        ABOUT = "about", _("about")
        UP_TO = "up_to", _("up to")
        LESS_THAN = "less_than", _("less than")

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="key_figures",
        verbose_name=_("programme"),
    )
    label = models.CharField(
        _("label"),
        max_length=200,
        help_text=_("What is counted, e.g. “Participating garment and footwear factories”."),
    )
    value = models.DecimalField(
        _("value"),
        max_digits=15,
        decimal_places=2,
        help_text=_("The number only, without separators: 750000, not 750,000."),
    )
    qualifier = models.CharField(
        _("qualifier"),
        max_length=10,
        choices=Qualifier.choices,
        blank=True,
        help_text=_("Leave empty when the figure is exact."),
    )
    unit = models.CharField(
        _("unit"), max_length=60, blank=True, help_text=_("E.g. factories, workers, %.")
    )
    as_of = models.DateField(_("as of"), help_text=_("The date the figure was true."))
    source = models.CharField(
        _("source"), max_length=250, help_text=_("Where the figure comes from, as readers see it.")
    )
    source_url = models.URLField(_("source link"), max_length=500, blank=True)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")

    def __str__(self):
        return f"{self.formatted_value} {self.unit}".strip()

    @property
    def number(self):
        """The value in the reader's language: 750,000 in English, 750.000 in Vietnamese."""
        value = self.value if isinstance(self.value, Decimal) else Decimal(str(self.value))
        # normalize() drops the trailing ".00" of a whole number; :f undoes its exponent.
        plain = Decimal(f"{value.normalize():f}")
        # Django's Vietnamese locale has the separators (750.000) but no grouping size,
        # so that figures would print ungrouped: both languages group by thousands.
        return numberformat.format(
            plain,
            get_format("DECIMAL_SEPARATOR"),
            grouping=get_format("NUMBER_GROUPING") or 3,
            thousand_sep=get_format("THOUSAND_SEPARATOR"),
            force_grouping=True,
        )

    @property
    def formatted_value(self):
        """The number with its qualifier: "440+", "about 29", "750,000"."""
        if self.qualifier == self.Qualifier.MORE_THAN:
            return f"{self.number}+"
        if self.qualifier:
            return f"{self.get_qualifier_display()} {self.number}"
        return self.number


class ProgrammeContact(models.Model):
    """Whom to contact about a programme."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("programme")
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(
        _("role"), max_length=200, blank=True, help_text=_("E.g. Programme Manager.")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(
        _("telephone"), max_length=50, blank=True, help_text=_("E.g. +84 24 3734 0902.")
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return self.name
