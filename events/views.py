import datetime
import zoneinfo

from django.conf import settings
from django.core.cache import cache
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from events import ical
from events.filters import EventFilter
from events.models import OFFICE_ZONE, Event, office_today
from ilo_office.filtering import FilteredListMixin
from ilo_office.fragments import (
    TIMEOUT,
    PagePartsMixin,
    current_generation,
    local_copies,
    once_per_generation,
)
from ilo_office.preview import PreviewableMixin
from ilo_office.slugs import SlugRedirectMixin
from programmes.models import Partner, Programme, Theme, published_programmes
from publications.models import Publication


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


class EventDetailView(SlugRedirectMixin, PreviewableMixin, PagePartsMixin, DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"
    # Shown only in the event's fragment, kept per content generation (PagePartsMixin).
    parts_prefetch = (
        published_programmes(),
        Prefetch("themes", queryset=Theme.objects.without_search_copies()),
        Prefetch("partners", queryset=Partner.objects.without_search_copies()),
        # The publications it launched or announced, as the public may see them.
        Prefetch(
            "publications",
            queryset=Publication.objects.published()
            .without_search_copies()
            .order_by("-publish_at", "pk"),
        ),
    )

    def get_queryset(self):
        return self.visible(Event.objects.without_search_copies()).select_related("photo")

    def get_parts(self):
        event = self.object
        # The newest events sharing a programme: a semi-join on the through table (no
        # DISTINCT over the joined rows), so the published index is walked newest first
        # and the query stops at five. The programmes come from the prefetch cache.
        programme_ids = [programme.pk for programme in event.programmes.all()]
        sharing = Event.programmes.through.objects.filter(programme_id__in=programme_ids)
        related = (
            Event.objects.published()
            .without_search_copies()
            .filter(pk__in=sharing.values("event_id"))
            .exclude(pk=event.pk)
            .order_by("-start_date")[:5]
            if programme_ids
            else Event.objects.none()
        )
        return {"related_events": related}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            today=office_today(),
            office_zone=zoneinfo.ZoneInfo(OFFICE_ZONE),
            show_office_time=self.object.time_zone != OFFICE_ZONE,
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
    """The calendar file of `events` (None if there are none), each VEVENT written once
    per content generation.

    A subscription calendar holds hundreds of events; writing each one's lines was most
    of its cost, and reading each row into a model the rest (profiled). Their lines
    depend only on the event, the language (title, address) and the site's address, all
    in the key, and any change moves the generation on: so only the events' keys are read
    (one narrow query), and whole rows only for the events not written yet.
    """
    generation = current_generation(request)
    if generation is None:
        events = list(events)
        return ical.calendar(events, request.build_absolute_uri, name=name) if events else None
    pks = list(events.values_list("pk", flat=True))
    if not pks:
        return None
    site = request.build_absolute_uri("/")
    language = translation.get_language() or ""
    # (Not the "vevent:" keys of earlier releases, which held the lines alone: a deploy
    # must not read an entry of another shape from the shared cache.)
    keys = {pk: f"ics-entry:{generation}:{language}:{site}:{pk}" for pk in pks}
    entries = {pk: local_copies.get(key) for pk, key in keys.items()}
    wanted = [keys[pk] for pk, found in entries.items() if found is None]
    if wanted:
        shared = cache.get_many(wanted)
        entries.update({pk: shared[keys[pk]] for pk in pks if keys[pk] in shared})
    missing = [pk for pk, found in entries.items() if found is None]
    if missing:
        written = {}
        for event in events.filter(pk__in=missing):
            entries[event.pk] = written[keys[event.pk]] = ical.entry(
                event, request.build_absolute_uri
            )
        cache.set_many(written, TIMEOUT)
    # (An event deleted between the two queries has no entry: it is left out.)
    entries = {pk: found for pk, found in entries.items() if found is not None}
    for pk, found in entries.items():
        local_copies.set(keys[pk], found)
    return ical.assemble([entries[pk] for pk in pks if pk in entries], name=name)


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
    # An empty window is still a calendar: subscribers keep their subscription.
    return _ics_response(_calendar(request, events, name) or ical.assemble([], name=name))


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
    payload = _calendar(request, events, name)
    if payload is None:
        # No empty files for every year from 1000 to 9999 for crawlers to fetch.
        raise Http404
    return _ics_response(payload, filename=filename)
