from django.conf import settings
from django.views.generic import DetailView, ListView

from events.models import Event, office_today


class UpcomingEventListView(ListView):
    """Upcoming and ongoing events, soonest first, under month headings."""

    template_name = "events/event_list.html"
    context_object_name = "events"
    extra_context = {"is_past": False}

    def get_paginate_by(self, queryset):
        return settings.PAGE_SIZE

    def get_queryset(self):
        return Event.objects.upcoming().for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(today=office_today(), **kwargs)


class PastEventListView(UpcomingEventListView):
    """Past events, newest first, under month headings."""

    extra_context = {"is_past": True}

    def get_queryset(self):
        return Event.objects.past().for_listing()


class EventDetailView(DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return (
            Event.objects.published()
            .select_related("photo")
            .prefetch_related("programmes", "themes", "partners")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(today=office_today(), **kwargs)
