"""RSS and Atom feeds: valid, published-only, with stable GUIDs and credited images."""

import datetime
from xml.etree import ElementTree

import feedparser
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsroom.models import Article
from tests.factories import (
    ArticleFactory,
    PhotoFactory,
    ProgrammeFactory,
    ThemeFactory,
    jpeg_bytes,
)

pytestmark = pytest.mark.django_db

MEDIA = {"media": "http://search.yahoo.com/mrss/"}


@pytest.fixture
def newsroom():
    programme = ProgrammeFactory(name="Better Work Viet Nam", slug="better-work")
    theme = ThemeFactory(name="Gender", slug="gender")
    hero = PhotoFactory(
        image=SimpleUploadedFile("h.jpg", jpeg_bytes(1200, 600), "image/jpeg"),
        alt_text="Women at sewing machines in a garment factory",
        caption="Garment workers",
        credit="© ILO/A.Santos",
    )
    links = {"programmes": [programme], "themes": [theme]}
    release = ArticleFactory(
        title="ILO Office opens in Hanoi",
        kind=Article.Kind.PRESS_RELEASE,
        hero=hero,
        publish_at=timezone.now() - datetime.timedelta(days=2),
        **links,
    )
    ArticleFactory(title="A news story", **links)
    ArticleFactory(title="Secret draft", draft=True, **links)
    ArticleFactory(title="Secret scheduled", scheduled=True, **links)
    return {"programme": programme, "theme": theme, "release": release}


def feed_urls():
    urls = []
    for fmt in ("rss", "atom"):
        urls += [
            f"/news/feed/{fmt}/",
            f"/news/feed/press-releases/{fmt}/",
            f"/news/feed/programme/better-work/{fmt}/",
            f"/news/feed/theme/gender/{fmt}/",
        ]
    return urls


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, f"{url}: {parsed.get('bozo_exception')}"
    return response, parsed


@pytest.mark.parametrize("url", feed_urls())
def test_every_feed_parses_and_hides_unpublished(newsroom, client, url):
    """Each feed is valid for feedparser and carries no draft or scheduled article."""
    _response, parsed = parse(client, url)
    titles = [entry.title for entry in parsed.entries]
    assert "ILO Office opens in Hanoi" in titles
    assert not [t for t in titles if "Secret" in t]


def test_press_release_feed_holds_press_releases_only(newsroom, client):
    """The press-release feed leaves out news stories."""
    _response, parsed = parse(client, "/news/feed/press-releases/rss/")
    assert [e.title for e in parsed.entries] == ["ILO Office opens in Hanoi"]


@pytest.mark.parametrize("url", ["/news/feed/rss/", "/news/feed/atom/"])
def test_items_carry_guid_date_summary_and_categories(newsroom, client, url):
    """Items have a stable GUID, an aware date, the standfirst and their categories."""
    release = newsroom["release"]
    _response, parsed = parse(client, url)
    entry = next(e for e in parsed.entries if e.title == release.title)
    assert entry.id == f"tag:ilo.org,2003:vietnam/article/{release.pk}"
    assert entry.link.endswith(release.get_absolute_url())
    assert entry.summary == release.standfirst
    published = datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.UTC)
    assert published == release.publish_at.replace(microsecond=0)
    terms = {tag.term for tag in entry.tags}
    assert {"Press release", "Gender", "Better Work Viet Nam"} <= terms


def test_guid_survives_a_change_of_slug(newsroom, client):
    """Renaming an article's address does not make subscribers see it twice."""
    release = newsroom["release"]
    _r, before = parse(client, "/news/feed/rss/")
    release.slug = "a-new-address"
    release.save()
    _r, after = parse(client, "/news/feed/rss/")
    ids = lambda p: {e.id for e in p.entries}  # noqa: E731
    assert ids(before) == ids(after)


@pytest.mark.parametrize("url", ["/news/feed/rss/", "/news/feed/atom/"])
def test_hero_photo_is_an_enclosure_with_alt_text_and_credit(newsroom, client, url):
    """The hero image travels with its own description and credit, not the title."""
    response, parsed = parse(client, url)
    entry = next(e for e in parsed.entries if e.title == "ILO Office opens in Hanoi")
    enclosure = entry.enclosures[0]
    assert enclosure.type == "image/jpeg"
    assert enclosure.href.startswith("http://testserver/media/photos/renditions/")
    assert int(enclosure.length) > 0
    assert entry.summary == newsroom["release"].standfirst
    feed = ElementTree.fromstring(response.content)  # noqa: S314 - our own output
    media = feed.find(".//media:content", MEDIA)
    assert media.get("url") == enclosure.href
    assert media.find("media:description", MEDIA).text == (
        "Women at sewing machines in a garment factory"
    )
    assert media.find("media:credit", MEDIA).text == "© ILO/A.Santos"


def test_feeds_of_unknown_programme_or_theme_are_not_found(client):
    """A feed for a programme or theme that does not exist answers 404."""
    assert client.get("/news/feed/programme/nothing/rss/").status_code == 404
    assert client.get("/news/feed/theme/nothing/atom/").status_code == 404


def test_feed_of_a_draft_programme_is_not_found(client):
    """A programme not yet published has no public feed."""
    ProgrammeFactory(slug="in-preparation", draft=True)
    assert client.get("/news/feed/programme/in-preparation/rss/").status_code == 404


@pytest.mark.parametrize("url", feed_urls())
def test_feed_query_count_does_not_grow(newsroom, client, url):
    """A feed costs the same number of queries with 4 or 40 articles."""

    def count():
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        return len(ctx.captured_queries)

    small = count()
    links = {"programmes": [newsroom["programme"]], "themes": [newsroom["theme"]]}
    hero = newsroom["release"].hero
    for _ in range(36):
        ArticleFactory(kind=Article.Kind.PRESS_RELEASE, hero=hero, **links)
    assert count() == small
