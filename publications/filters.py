import django_filters
from django.utils.translation import gettext_lazy as _

from ilo_office.filtering import SearchableFilterSet, years_with
from programmes.filters import programme_filter, theme_filter
from publications.models import Language, Publication, PublicationFile


def publication_years(request=None):
    """Years of publication that published items have, newest first."""
    years = years_with(Publication.objects.published(), "published_on")
    return [(str(year), str(year)) for year in years]


class PublicationFilter(SearchableFilterSet):
    kind = django_filters.ChoiceFilter(
        choices=Publication.Kind.choices, label=_("Kind"), empty_label=_("Any kind")
    )
    year = django_filters.ChoiceFilter(
        field_name="published_on",
        lookup_expr="year",
        choices=publication_years,
        label=_("Year"),
        empty_label=_("Any year"),
    )
    programme = programme_filter()
    theme = theme_filter()
    language = django_filters.ChoiceFilter(
        choices=Language.choices,
        method="in_language",
        label=_("Language"),
        empty_label=_("Any language"),
    )

    years = ("publication-years", publication_years)

    class Meta:
        model = Publication
        fields = ["q", "kind", "year", "programme", "theme", "language"]

    def in_language(self, queryset, name, value):
        # A subquery: a publication with two files in the language is listed once.
        files = PublicationFile.objects.filter(language=value)
        return queryset.filter(pk__in=files.values("publication_id"))
