from django.urls import path

from opportunities import feeds, views

app_name = "opportunities"

urlpatterns = [
    path("", views.OpenOpportunityListView.as_view(), name="opportunity_list"),
    path("closed/", views.ClosedOpportunityListView.as_view(), name="closed_list"),
    path("feed/rss/", feeds.OpenOpportunityFeed(), name="feed_rss"),
    path("feed/atom/", feeds.OpenOpportunityAtomFeed(), name="feed_atom"),
    path("<slug:slug>/", views.OpportunityDetailView.as_view(), name="opportunity_detail"),
]
