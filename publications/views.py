from django.conf import settings
from django.db.models import F, Prefetch
from django.views.generic import DetailView, ListView

from ilo_office.filtering import FilteredListMixin
from ilo_office.fragments import PagePartsMixin
from ilo_office.preview import PreviewableMixin
from ilo_office.slugs import SlugRedirectMixin
from programmes.models import Partner, Theme, published_programmes
from publications.filters import PublicationFilter
from publications.models import Publication, PublicationFile

RELATED_SIZE = 4
# By the date printed on them; those whose date is not known last, on every database.
NEWEST_FIRST = F("published_on").desc(nulls_last=True)


class PublicationListView(FilteredListMixin, ListView):
    template_name = "publications/publication_list.html"
    context_object_name = "publications"
    filterset_class = PublicationFilter

    def get_paginate_by(self, queryset):
        return settings.PAGE_SIZE

    def get_queryset(self):
        return self.filter_queryset(
            Publication.objects.published().for_listing().order_by(NEWEST_FIRST, "-pk")
        )


class PublicationDetailView(SlugRedirectMixin, PreviewableMixin, PagePartsMixin, DetailView):
    template_name = "publications/publication_detail.html"
    context_object_name = "publication"
    # Shown only in the fragments kept per content generation (PagePartsMixin).
    parts_prefetch = (
        published_programmes(),
        Prefetch("themes", queryset=Theme.objects.without_search_copies()),
        Prefetch("partners", queryset=Partner.objects.without_search_copies()),
        Prefetch("files", queryset=PublicationFile.objects.defer("text")),
    )

    def get_queryset(self):
        return self.visible(Publication.objects.without_search_copies())

    def get_parts(self):
        others = (
            Publication.objects.published()
            .without_search_copies()
            .exclude(pk=self.object.pk)
            .order_by(NEWEST_FIRST, "-pk")
        )
        return {"other_publications": list(others[:RELATED_SIZE])}
