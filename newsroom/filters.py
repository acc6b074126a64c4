import django_filters
from django.utils.translation import gettext_lazy as _

from ilo_office.filtering import SearchableFilterSet, years_with
from newsroom.models import Article
from programmes.filters import partner_filter, place_filter, programme_filter, theme_filter


def article_years(request=None):
    """Years that have published articles, newest first: the choices of the year filter."""
    years = years_with(Article.objects.published(), "publish_at")
    return [(str(year), str(year)) for year in years]


class ArticleFilter(SearchableFilterSet):
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

    years = ("article-years", article_years)

    class Meta:
        model = Article
        fields = ["q", "kind", "theme", "programme", "partner", "place", "year"]
