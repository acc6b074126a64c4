import django_filters
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from events.models import Event
from ilo_office.filtering import years_with
from ilo_office.fragments import once_per_generation
from programmes.filters import partner_filter, place_filter, programme_filter, theme_filter


def event_years(request=None):
    """Years that have published events, newest first."""
    years = years_with(Event.objects.published(), "start_date")
    return [(str(year), str(year)) for year in years]


class EventFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        choices=Event.Kind.choices, label=_("Kind"), empty_label=_("Any kind")
    )
    programme = programme_filter()
    theme = theme_filter()
    partner = partner_filter(
        label=_("Organiser or partner"), empty_label=_("All organisers and partners")
    )
    place = place_filter()
    year = django_filters.ChoiceFilter(
        field_name="start_date",
        lookup_expr="year",
        choices=event_years,
        label=_("Year"),
        empty_label=_("Any year"),
    )
    month = django_filters.ChoiceFilter(
        field_name="start_date",
        lookup_expr="month",
        choices=[(str(n), name) for n, name in MONTHS.items()],
        label=_("Month"),
        empty_label=_("Any month"),
    )
    format = django_filters.ChoiceFilter(
        method="filter_format",
        choices=[("online", _("Online")), ("in-person", _("In person"))],
        label=_("Format"),
        empty_label=_("Any format"),
    )

    class Meta:
        model = Event
        fields = ["kind", "programme", "theme", "partner", "place", "year", "month", "format"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A list, not the callable: validating and rendering the form would each query it.
        # Computed once per content generation: a save or a scheduled publication moves it on.
        self.filters["year"].extra["choices"] = once_per_generation(
            "event-years", event_years, request=self.request, by_language=False
        )

    def filter_format(self, queryset, name, value):
        return queryset.online() if value == "online" else queryset.in_person_only()
