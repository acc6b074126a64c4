import django_filters
from django.utils.translation import gettext_lazy as _
from django_filters.constants import EMPTY_VALUES

from ilo_office.fragments import once_per_generation
from programmes.models import Partner, Programme, ProgrammePartner, Theme


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
