"""Feeds per kind of article: every kind has RSS and Atom, advertised on its filtered list."""

import feedparser
import pytest

from newsroom.models import Article
from tests.factories import ArticleFactory, ProgrammeFactory, ThemeFactory

pytestmark = pytest.mark.django_db

KINDS = {
    "news": Article.Kind.NEWS,
    "press-releases": Article.Kind.PRESS_RELEASE,
    "features": Article.Kind.FEATURE,
    "statements-and-speeches": Article.Kind.STATEMENT,
    "in-the-media": Article.Kind.COVERAGE,
}


@pytest.fixture
def one_of_each():
    for kind in Article.Kind:
        ArticleFactory(title=f"Published {kind.label}", kind=kind)
        ArticleFactory(title=f"Secret {kind.label}", kind=kind, draft=True)


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, f"{url}: {parsed.get('bozo_exception')}"
    return parsed


@pytest.mark.parametrize("fmt", ["rss", "atom"])
@pytest.mark.parametrize("slug", KINDS)
def test_every_kind_has_a_feed_of_its_own_articles(one_of_each, client, slug, fmt):
    """/news/feed/features/rss/ holds the published features, and nothing else."""
    parsed = parse(client, f"/news/feed/{slug}/{fmt}/")
    assert [e.title for e in parsed.entries] == [f"Published {KINDS[slug].label}"]


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_a_kind_with_no_items_yet_keeps_a_valid_empty_feed(client, fmt):
    """A reader can subscribe to statements before the first one is published."""
    ArticleFactory(kind=Article.Kind.NEWS)
    ArticleFactory(kind=Article.Kind.STATEMENT, draft=True)
    parsed = parse(client, f"/news/feed/statements-and-speeches/{fmt}/")
    assert parsed.entries == []
    assert parsed.feed.title == "ILO in Viet Nam: statements and speeches"


def test_an_unknown_kind_has_no_feed(client):
    """A made-up kind answers 404, not an empty feed or a 500."""
    assert client.get("/news/feed/gossip/rss/").status_code == 404
    assert client.get("/news/feed/press_release/atom/").status_code == 404


@pytest.mark.parametrize("slug", KINDS)
def test_the_filtered_list_advertises_and_links_its_kind_feed(client, slug):
    """/news/?kind=feature has <link rel=alternate> and a visible link to the features feed."""
    kind = KINDS[slug]
    ArticleFactory(kind=kind)
    html = client.get(f"/news/?kind={kind}").content.decode()
    for fmt, mime in (("rss", "application/rss+xml"), ("atom", "application/atom+xml")):
        href = f"/news/feed/{slug}/{fmt}/"
        assert f'<link rel="alternate" type="{mime}"' in html
        assert f'href="{href}"' in html.split("</head>")[0]
        assert f'<a href="{href}" type="{mime}">' in html.split("</head>")[1]


def test_the_unfiltered_list_advertises_no_kind_feed(client):
    """Without a kind, the list shows only the site-wide newsroom feeds."""
    ArticleFactory()
    html = client.get("/news/").content.decode()
    assert "/news/feed/features/" not in html


def test_an_empty_kind_list_invites_subscribing(client):
    """A kind with nothing published says so, and offers its feed."""
    ArticleFactory(kind=Article.Kind.NEWS)
    html = client.get("/news/?kind=coverage").content.decode()
    assert "No items of the kind “In the media” yet: subscribe to its feed" in html
    assert 'href="/news/feed/in-the-media/rss/"' in html


def test_empty_programme_and_area_pages_keep_their_feeds_and_say_so(client):
    """A programme or area of work with no news yet points to its (valid, empty) feed."""
    programme = ProgrammeFactory(slug="new-programme")
    theme = ThemeFactory(slug="new-area")
    html = client.get(programme.get_absolute_url()).content.decode()
    assert "No news of this programme yet: subscribe" in html
    assert 'href="/news/feed/programme/new-programme/rss/"' in html
    html = client.get(theme.get_absolute_url()).content.decode()
    assert "No news in this area yet: subscribe to be told of the first." in html
    assert 'href="/news/feed/theme/new-area/rss/"' in html
    for url in ("/news/feed/programme/new-programme/atom/", "/news/feed/theme/new-area/rss/"):
        assert parse(client, url).entries == []


def test_vietnamese_readers_get_the_kind_feed_in_vietnamese(client):
    """On /vi/ the features list advertises the Vietnamese feed, titled in Vietnamese."""
    ArticleFactory(kind=Article.Kind.FEATURE)
    html = client.get("/vi/news/?kind=feature").content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="ILO tại Việt Nam: phóng sự (RSS)"'
        ' href="/vi/news/feed/features/rss/">'
    ) in html
    assert parse(client, "/vi/news/feed/features/rss/").feed.title == "ILO tại Việt Nam: phóng sự"
