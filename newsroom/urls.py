from django.urls import path

from ilo_office.feeds import atom
from ilo_office.slugs import follow_slug_history
from newsroom import feeds, views
from programmes.models import Programme, Theme


# Feeds of a programme or a theme follow its former slugs, like its page does.
def programme_feed(feed):
    return follow_slug_history(feed, Programme.objects.published)


def theme_feed(feed):
    return follow_slug_history(feed, Theme.objects.all)


app_name = "newsroom"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="article_list"),
    path("feed/rss/", feeds.NewsFeed(), name="feed_rss"),
    path("feed/atom/", atom(feeds.NewsFeed)(), name="feed_atom"),
    # The press-release feed's names came first; the address is its kind's like any other.
    path(
        "feed/press-releases/rss/",
        feeds.KindNewsFeed(),
        {"kind": "press-releases"},
        name="press_feed_rss",
    ),
    path(
        "feed/press-releases/atom/",
        atom(feeds.KindNewsFeed)(),
        {"kind": "press-releases"},
        name="press_feed_atom",
    ),
    path("feed/<slug:kind>/rss/", feeds.KindNewsFeed(), name="kind_feed_rss"),
    path("feed/<slug:kind>/atom/", atom(feeds.KindNewsFeed)(), name="kind_feed_atom"),
    path(
        "feed/programme/<slug:slug>/rss/",
        programme_feed(feeds.ProgrammeNewsFeed()),
        name="programme_feed_rss",
    ),
    path(
        "feed/programme/<slug:slug>/atom/",
        programme_feed(atom(feeds.ProgrammeNewsFeed)()),
        name="programme_feed_atom",
    ),
    path("feed/theme/<slug:slug>/rss/", theme_feed(feeds.ThemeNewsFeed()), name="theme_feed_rss"),
    path(
        "feed/theme/<slug:slug>/atom/",
        theme_feed(atom(feeds.ThemeNewsFeed)()),
        name="theme_feed_atom",
    ),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="article_detail"),
    path("<slug:slug>/read/", views.record_read, name="record_read"),
]
