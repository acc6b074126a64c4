import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from ilo_office.filtering import years_with
from ilo_office.fragments import once_per_generation
from ilo_office.search import Query, matching
from newsroom.models import Article
from programmes.filters import partner_filter, place_filter, programme_filter, theme_filter

SEARCH_MAX_LENGTH = 200


class SearchField(forms.CharField):
    """Free text as typed, less what no one types: control and format characters.

    A NUL byte (?q=%00) would otherwise make the whole search invalid, and
    PostgreSQL refuses it in a query; an overlong query is cut rather than refused.
    """

    def to_python(self, value):
        value = super().to_python(value)
        kept = (" " if ch.isspace() else ch for ch in value if ch.isprintable() or ch.isspace())
        return "".join(kept).strip()[:SEARCH_MAX_LENGTH]


class SearchFilter(django_filters.CharFilter):
    field_class = SearchField


def article_years(request=None):
    """Years that have published articles, newest first: the choices of the year filter."""
    years = years_with(Article.objects.published(), "publish_at")
    return [(str(year), str(year)) for year in years]


class ArticleFilter(django_filters.FilterSet):
    q = SearchFilter(method="search", label=_("Search"))
    kind = django_filters.ChoiceFilter(
        choices=Article.Kind.choices, label=_("Kind"), empty_label=_("Any kind")
    )
    theme = theme_filter()
    programme = programme_filter()
    partner = partner_filter()
    place = place_filter()
    year = django_filters.ChoiceFilter(
        field_name="publish_at",
        lookup_expr="year",
        choices=article_years,
        label=_("Year"),
        empty_label=_("Any year"),
    )

    class Meta:
        model = Article
        fields = ["q", "kind", "theme", "programme", "partner", "place", "year"]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and "q" in data:
            # The search box shows back what was searched, not the control characters
            # or the 5000 characters that came in the URL.
            data = data.copy()
            data["q"] = SearchField(required=False).clean(data["q"])
        super().__init__(data, *args, **kwargs)
        # A list, not the callable: validating and rendering the form would each query it.
        # Computed once per content generation: a save or a scheduled publication moves it on.
        self.filters["year"].extra["choices"] = once_per_generation(
            "article-years", article_years, request=self.request, by_language=False
        )

    def search(self, queryset, name, value):
        """Every word, folded ("viet nam" finds "Việt Nam"), through the search indexes."""
        if not value:
            return queryset
        return matching(queryset, Query.parse(value))
