import datetime
import zoneinfo

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from events import ical
from events.filters import EventFilter
from events.models import OFFICE_ZONE, Event, office_today
from ilo_office.filtering import FilteredListMixin
from ilo_office.fragments import TIMEOUT, current_generation, once_per_generation
from ilo_office.preview import PreviewableMixin
from ilo_office.slugs import SlugRedirectMixin
from programmes.models import Programme


class UpcomingEventListView(FilteredListMixin, ListView):
    """Upcoming and ongoing events, soonest first, under month headings."""

    template_name = "events/event_list.html"
    context_object_name = "events"
    extra_context = {"is_past": False}
    filterset_class = EventFilter

    def get_paginate_by(self, queryset):
        return settings.PAGE_SIZE

    def get_queryset(self):
        return self.filter_queryset(Event.objects.upcoming().for_listing())

    def get_context_data(self, **kwargs):
        return super().get_context_data(today=office_today(), **kwargs)


class PastEventListView(UpcomingEventListView):
    """Past events, newest first, under month headings."""

    extra_context = {"is_past": True}

    def get_queryset(self):
        return self.filter_queryset(Event.objects.past().for_listing())

    def get_context_data(self, **kwargs):
        # The yearly calendar files, for events older than the subscription holds.
        years = once_per_generation(
            "calendar-years", Event.objects.calendar_years, request=self.request, by_language=False
        )
        return super().get_context_data(calendar_years=years, **kwargs)


class EventDetailView(SlugRedirectMixin, PreviewableMixin, DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return self.visible(Event.objects.all()).select_related("photo").with_public_links()

    def get_context_data(self, **kwargs):
        event = self.object
        # The newest events sharing a programme: a semi-join on the through table (no
        # DISTINCT over the joined rows), so the published index is walked newest first
        # and the query stops at five. The programmes come from the prefetch cache.
        programme_ids = [programme.pk for programme in event.programmes.all()]
        sharing = Event.programmes.through.objects.filter(programme_id__in=programme_ids)
        related = (
            Event.objects.published()
            .filter(pk__in=sharing.values("event_id"))
            .exclude(pk=event.pk)
            .order_by("-start_date")[:5]
            if programme_ids
            else Event.objects.none()
        )
        return super().get_context_data(
            today=office_today(),
            related_events=related,
            office_zone=zoneinfo.ZoneInfo(OFFICE_ZONE),
            show_office_time=event.time_zone != OFFICE_ZONE,
            **kwargs,
        )


def _ics_response(payload, filename=None):
    response = HttpResponse(payload, content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_ics(request, slug):
    """One event as an .ics file, for "add to calendar"."""
    event = get_object_or_404(Event.objects.for_calendar(), slug=slug)
    payload = ical.calendar([event], request.build_absolute_uri)
    return _ics_response(payload, filename=f"{event.slug}.ics")


def _calendar(request, events, name):
    """The calendar file of `events`, each VEVENT written once per content generation.

    A subscription calendar holds hundreds of events; writing each one's lines was most
    of its cost (profiled). They depend only on the event, the language (title, address)
    and the site's address, all in the key, and any change moves the generation on.
    """
    events = list(events)
    generation = current_generation(request)
    if generation is None:
        return ical.calendar(events, request.build_absolute_uri, name=name)
    site = request.build_absolute_uri("/")
    language = translation.get_language() or ""
    keys = {event.pk: f"vevent:{generation}:{language}:{site}:{event.pk}" for event in events}
    found = cache.get_many(list(keys.values()))
    lines, missing = {}, {}
    for event in events:
        key = keys[event.pk]
        lines[event.pk] = found.get(key)
        if lines[event.pk] is None:
            lines[event.pk] = missing[key] = ical.event_lines(event, request.build_absolute_uri)
    if missing:
        cache.set_many(missing, TIMEOUT)
    return ical.calendar(events, request.build_absolute_uri, name=name, lines=lines)


def _programme_calendar(events, programme_slug):
    """`events` narrowed to a published programme's, and that programme (404 if none)."""
    programme = get_object_or_404(Programme.objects.published(), slug=programme_slug)
    return events.filter(programmes=programme), programme


def calendar_feed(request, programme_slug=None):
    """The subscription feed: events not over and those of the last 12 months (see
    `EventQuerySet.in_calendar_window`), of all events or of one programme's."""
    events = Event.objects.in_calendar_window()
    name = _("ILO in Viet Nam: events")
    if programme_slug:
        events, programme = _programme_calendar(events, programme_slug)
        name = _("ILO in Viet Nam: events of %(name)s") % {"name": programme.name}
    return _ics_response(_calendar(request, events, name))


def calendar_archive(request, year, programme_slug=None):
    """The events of one year as an .ics file; a year without events is not found."""
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        raise Http404
    events = Event.objects.in_calendar_year(year)
    name = _("ILO in Viet Nam: events of %(year)s") % {"year": year}
    filename = f"ilo-viet-nam-events-{year}.ics"
    if programme_slug:
        events, programme = _programme_calendar(events, programme_slug)
        name = _("ILO in Viet Nam: events of %(name)s in %(year)s") % {
            "name": programme.name,
            "year": year,
        }
        filename = f"{programme.slug}-events-{year}.ics"
    events = list(events)
    if not events:
        # No empty files for every year from 1000 to 9999 for crawlers to fetch.
        raise Http404
    return _ics_response(_calendar(request, events, name), filename=filename)
