from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("", views.UpcomingEventListView.as_view(), name="event_list"),
    path("past/", views.PastEventListView.as_view(), name="past_event_list"),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="event_detail"),
]
