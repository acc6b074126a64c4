import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from django_filters.constants import EMPTY_VALUES

from ilo_office.fragments import once_per_generation
from programmes.models import Partner, Place, Programme, ProgrammePartner, Theme
from programmes.places import programmes_in, successions


# The hub's filters, shared by the news and events lists: each list filters its
# items by the programmes, themes and partners they are linked to, by slug.
def published_programmes(request=None):
    return Programme.objects.published()


def programme_filter(field_name="programmes"):
    """Filter by a published programme's slug (a draft programme is not a choice)."""
    return django_filters.ModelChoiceFilter(
        field_name=field_name,
        queryset=published_programmes,
        to_field_name="slug",
        label=_("Programme"),
        empty_label=_("All programmes"),
    )


def theme_filter(field_name="themes"):
    return django_filters.ModelChoiceFilter(
        field_name=field_name,
        queryset=Theme.objects.all(),
        to_field_name="slug",
        label=_("Area of work"),
        empty_label=_("All areas of work"),
    )


def former_partners(partner, request=None):
    """[(pk, name)] of the organisations `partner` replaced, over every generation.

    MOLISA's work passed to the Ministry of Home Affairs on 1 March 2025: news and
    events tagged with MOLISA are about the Ministry of Home Affairs' work too. The
    map of successions is read once per content generation and language (names are
    translated), so a filtered list runs the same number of queries as before.
    """

    def compute():
        by_successor = {}
        for old in Partner.objects.filter(successor__isnull=False).order_by("name"):
            by_successor.setdefault(old.successor_id, []).append((old.pk, str(old)))
        return by_successor

    by_successor = once_per_generation("partner-successions", compute, request=request)
    found, pending, seen = [], [partner.pk], {partner.pk}
    while pending:
        for pk, name in by_successor.get(pending.pop(0), []):
            if pk not in seen:  # a mistaken cycle in the data must not loop forever
                seen.add(pk)
                found.append((pk, name))
                pending.append(pk)
    return found


class PartnerFilter(django_filters.ModelChoiceFilter):
    """A partner and the organisations it replaced: filtering by the Ministry of Home
    Affairs also finds what was tagged with MOLISA, and says so (`former_partner_names`
    on the filter set, shown above the list)."""

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        former = former_partners(value, request=getattr(self.parent, "request", None))
        self.parent.former_partner_names = [name for _pk, name in former]
        if not former:
            return super().filter(qs, value)
        field = qs.model._meta.get_field(self.field_name)
        links = field.remote_field.through._default_manager.filter(
            **{f"{field.m2m_reverse_field_name()}__in": [value.pk, *(pk for pk, _n in former)]}
        )
        # A subquery, not a join: an item tagged with both names is listed once.
        return qs.filter(pk__in=links.values(field.m2m_field_name()))


def partner_filter(field_name="partners", label=None, empty_label=None, **kwargs):
    return PartnerFilter(
        field_name=field_name,
        queryset=Partner.objects.all(),
        to_field_name="slug",
        label=label or _("Partner"),
        empty_label=empty_label or _("All partners"),
        **kwargs,
    )


class PlaceChoiceIterator(forms.models.ModelChoiceIterator):
    """The choices in one query: Django's iterator counts them first, then reads them.

    The menu is built once per content generation (ilo_office.filtering.filter_choices),
    but that first build is part of a list page's cold cost.
    """

    def __len__(self):
        return len(self.queryset) + (1 if self.field.empty_label is not None else 0)

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


class PlaceChoiceField(forms.ModelChoiceField):
    """A place is named in the reader's language in the menu too."""

    iterator = PlaceChoiceIterator

    def label_from_instance(self, obj):
        return obj.display_name


class PlaceFilter(django_filters.ModelChoiceFilter):
    """Items of the published programmes that work in a province or city.

    News and events are linked to programmes, not to places: filtering by Ho Chi Minh
    City lists what is linked to a published programme that names Ho Chi Minh City or
    a province merged into it (Binh Duong, Ba Ria - Vung Tau). A draft programme's
    places never select anything. The choices are today's provinces and cities.
    """

    field_class = PlaceChoiceField

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        former = successions(request=getattr(self.parent, "request", None)).get(value.pk, [])
        field = qs.model._meta.get_field(self.field_name)
        links = field.remote_field.through._default_manager.filter(
            **{f"{field.m2m_reverse_field_name()}__in": programmes_in([value.pk, *former])}
        )
        # A subquery, not a join: an item of two programmes there is listed once.
        return qs.filter(pk__in=links.values(field.m2m_field_name()))


def place_filter(field_name="programmes"):
    return PlaceFilter(
        field_name=field_name,
        queryset=Place.objects.filter(successor__isnull=True),
        to_field_name="slug",
        label=_("Province or city"),
        empty_label=_("All provinces and cities"),
    )


class ProgrammeFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        field_name="stage",
        choices=Programme.Stage.choices,
        label=_("Status"),
        empty_label=_("Any status"),
    )
    theme = theme_filter()
    partner = partner_filter(field_name=None, method="filter_partner")

    class Meta:
        model = Programme
        fields = ["status", "theme", "partner"]

    def filter_partner(self, queryset, name, value):
        # A subquery, not a join: a partner with two roles must not list a programme twice.
        roles = ProgrammePartner.objects.filter(partner=value).values("programme_id")
        return queryset.filter(pk__in=roles)
