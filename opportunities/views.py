from django.conf import settings
from django.utils import timezone
from django.views.generic import DetailView, ListView

from ilo_office.filtering import FilteredListMixin
from ilo_office.preview import PreviewableMixin
from ilo_office.slugs import SlugRedirectMixin
from opportunities.filters import OpportunityFilter
from opportunities.models import Opportunity
from programmes.models import published_programmes


class OpenOpportunityListView(FilteredListMixin, ListView):
    """Open calls, the soonest closing first."""

    template_name = "opportunities/opportunity_list.html"
    context_object_name = "opportunities"
    extra_context = {"is_closed": False}
    filterset_class = OpportunityFilter

    def get_paginate_by(self, queryset):
        return settings.PAGE_SIZE

    def get_queryset(self):
        return self.filter_queryset(
            Opportunity.objects.open().for_listing().order_by("closes_at", "pk")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(now=timezone.now(), **kwargs)


class ClosedOpportunityListView(OpenOpportunityListView):
    """The archive: closed calls, the latest closed first."""

    extra_context = {"is_closed": True}

    def get_queryset(self):
        return self.filter_queryset(
            Opportunity.objects.closed().for_listing().order_by("-closes_at", "-pk")
        )


class OpportunityDetailView(SlugRedirectMixin, PreviewableMixin, DetailView):
    """One call, open or closed (a closed one says so and keeps its address)."""

    template_name = "opportunities/opportunity_detail.html"
    context_object_name = "opportunity"

    def get_queryset(self):
        return self.visible(Opportunity.objects.without_search_copies()).prefetch_related(
            published_programmes(), "themes"
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(now=timezone.now(), **kwargs)
