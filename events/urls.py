from django.urls import path

from events import feeds, views
from events.models import Event
from ilo_office.slugs import follow_slug_history
from programmes.models import Programme

app_name = "events"

urlpatterns = [
    path("", views.UpcomingEventListView.as_view(), name="event_list"),
    path("past/", views.PastEventListView.as_view(), name="past_event_list"),
    path("feed/rss/", feeds.EventFeed(), name="feed_rss"),
    path("feed/atom/", feeds.EventAtomFeed(), name="feed_atom"),
    path("calendar.ics", views.calendar_feed, name="calendar"),
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
