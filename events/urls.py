from django.urls import path

from events import feeds, views

app_name = "events"

urlpatterns = [
    path("", views.UpcomingEventListView.as_view(), name="event_list"),
    path("past/", views.PastEventListView.as_view(), name="past_event_list"),
    path("feed/rss/", feeds.EventFeed(), name="feed_rss"),
    path("feed/atom/", feeds.EventAtomFeed(), name="feed_atom"),
    path("calendar.ics", views.calendar_feed, name="calendar"),
    path(
        "calendar/<slug:programme_slug>.ics",
        views.calendar_feed,
        name="programme_calendar",
    ),
    path("<slug:slug>.ics", views.event_ics, name="event_ics"),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="event_detail"),
]
