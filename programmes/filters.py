import django_filters
from django.utils.translation import gettext_lazy as _

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


def partner_filter(field_name="partners", label=None, empty_label=None, **kwargs):
    return django_filters.ModelChoiceFilter(
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
