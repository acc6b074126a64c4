from django.urls import path

from newsroom import feeds, views

app_name = "newsroom"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="article_list"),
    path("feed/rss/", feeds.NewsFeed(), name="feed_rss"),
    path("feed/atom/", feeds.atom(feeds.NewsFeed)(), name="feed_atom"),
    path("feed/press-releases/rss/", feeds.PressReleaseFeed(), name="press_feed_rss"),
    path(
        "feed/press-releases/atom/",
        feeds.atom(feeds.PressReleaseFeed)(),
        name="press_feed_atom",
    ),
    path(
        "feed/programme/<slug:slug>/rss/",
        feeds.ProgrammeNewsFeed(),
        name="programme_feed_rss",
    ),
    path(
        "feed/programme/<slug:slug>/atom/",
        feeds.atom(feeds.ProgrammeNewsFeed)(),
        name="programme_feed_atom",
    ),
    path("feed/theme/<slug:slug>/rss/", feeds.ThemeNewsFeed(), name="theme_feed_rss"),
    path(
        "feed/theme/<slug:slug>/atom/",
        feeds.atom(feeds.ThemeNewsFeed)(),
        name="theme_feed_atom",
    ),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="article_detail"),
    path("<slug:slug>/read/", views.record_read, name="record_read"),
]
