from django.urls import path, register_converter

from events import feeds, views
from events.models import Event
from ilo_office.slugs import follow_slug_history
from programmes.models import Programme


class YearConverter:
    """A four-digit year, so that /events/calendar/2019.ics never reads as a programme."""

    regex = "[0-9]{4}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{value:04d}"


register_converter(YearConverter, "year")

app_name = "events"

urlpatterns = [
    path("", views.UpcomingEventListView.as_view(), name="event_list"),
    path("past/", views.PastEventListView.as_view(), name="past_event_list"),
    path("feed/rss/", feeds.EventFeed(), name="feed_rss"),
    path("feed/atom/", feeds.EventAtomFeed(), name="feed_atom"),
    path("calendar.ics", views.calendar_feed, name="calendar"),
    # Yearly archives; before the programme calendar, which a four-digit slug would match.
    path("calendar/<year:year>.ics", views.calendar_archive, name="calendar_archive"),
    path(
        "calendar/<slug:programme_slug>/<year:year>.ics",
        follow_slug_history(views.calendar_archive, Programme.objects.published, "programme_slug"),
        name="programme_calendar_archive",
    ),
    path(
        "calendar/<slug:programme_slug>.ics",
        follow_slug_history(views.calendar_feed, Programme.objects.published, "programme_slug"),
        name="programme_calendar",
    ),
    path(
        "<slug:slug>.ics",
        follow_slug_history(views.event_ics, Event.objects.for_calendar),
        name="event_ics",
    ),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="event_detail"),
]
