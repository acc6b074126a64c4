import django_filters
from django.utils.translation import gettext_lazy as _

from programmes.models import Partner, Programme, ProgrammePartner, Theme


class ProgrammeFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        field_name="stage",
        choices=Programme.Stage.choices,
        label=_("Status"),
        empty_label=_("Any status"),
    )
    theme = django_filters.ModelChoiceFilter(
        field_name="themes",
        queryset=Theme.objects.all(),
        to_field_name="slug",
        label=_("Area of work"),
        empty_label=_("All areas of work"),
    )
    partner = django_filters.ModelChoiceFilter(
        method="filter_partner",
        queryset=Partner.objects.all(),
        to_field_name="slug",
        label=_("Partner"),
        empty_label=_("All partners"),
    )

    class Meta:
        model = Programme
        fields = ["status", "theme", "partner"]

    def filter_partner(self, queryset, name, value):
        # A subquery, not a join: a partner with two roles must not list a programme twice.
        roles = ProgrammePartner.objects.filter(partner=value).values("programme_id")
        return queryset.filter(pk__in=roles)
