from django.urls import path

from ilo_office.feeds import atom
from ilo_office.slugs import follow_slug_history
from programmes.models import Programme, Theme
from publications import feeds, views


# Feeds of a programme or an area of work follow its former slugs, like its page does.
def programme_feed(feed):
    return follow_slug_history(feed, Programme.objects.published)


def theme_feed(feed):
    return follow_slug_history(feed, Theme.objects.all)


app_name = "publications"

urlpatterns = [
    path("", views.PublicationListView.as_view(), name="publication_list"),
    path("feed/rss/", feeds.PublicationFeed(), name="feed_rss"),
    path("feed/atom/", atom(feeds.PublicationFeed)(), name="feed_atom"),
    path(
        "feed/programme/<slug:slug>/rss/",
        programme_feed(feeds.ProgrammePublicationFeed()),
        name="programme_feed_rss",
    ),
    path(
        "feed/programme/<slug:slug>/atom/",
        programme_feed(atom(feeds.ProgrammePublicationFeed)()),
        name="programme_feed_atom",
    ),
    path(
        "feed/theme/<slug:slug>/rss/",
        theme_feed(feeds.ThemePublicationFeed()),
        name="theme_feed_rss",
    ),
    path(
        "feed/theme/<slug:slug>/atom/",
        theme_feed(atom(feeds.ThemePublicationFeed)()),
        name="theme_feed_atom",
    ),
    path("<slug:slug>/", views.PublicationDetailView.as_view(), name="publication_detail"),
]
