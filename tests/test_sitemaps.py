"""/sitemap.xml is an index of paginated sections: bounded pages, lastmod everywhere."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ilo_office import sitemaps
from newsroom.models import Article
from tests.factories import (
    ArticleFactory,
    EventFactory,
    OfficePageFactory,
    OpportunityFactory,
    PartnerFactory,
    ProgrammeFactory,
    PublicationFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return ET.fromstring(response.content)  # noqa: S314 - our own sitemap, in a test


def index(client):
    """(location, lastmod) of each sitemap the index names."""
    return [
        (node.find("s:loc", NS).text.removeprefix("http://testserver"), node.find("s:lastmod", NS))
        for node in xml(client, "/sitemap.xml").findall("s:sitemap", NS)
    ]


@pytest.fixture
def site():
    """One of everything, and an event that is over, so that every list has an item."""
    EventFactory(start_date=datetime.date(2020, 1, 1))
    return [
        ArticleFactory(),
        EventFactory(),
        ProgrammeFactory(),
        ThemeFactory(),
        PartnerFactory(),
        OfficePageFactory(),
        OpportunityFactory(),
        PublicationFactory(),
    ]


def test_index_lists_every_section_and_page_with_lastmod(site, client, monkeypatch):
    """Each section's pages appear in the index, each with its lastmod."""
    monkeypatch.setattr(sitemaps.SITEMAPS["news"], "limit", 2)
    ArticleFactory.create_batch(4)  # 5 articles: 3 pages of 2
    entries = index(client)
    expected = ["/sitemap-news.xml", "/sitemap-news.xml?p=2", "/sitemap-news.xml?p=3"]
    expected += [f"/sitemap-{section}.xml" for section in sitemaps.SITEMAPS if section != "news"]
    assert sorted(loc for loc, _lastmod in entries) == sorted(expected)
    for loc, lastmod in entries:
        assert lastmod is not None and lastmod.text, loc
        datetime.datetime.fromisoformat(lastmod.text)
    for loc, _lastmod in entries:
        assert xml(client, loc).findall("s:url", NS), loc


def test_every_url_has_lastmod_and_hreflang_alternates(site, client):
    """Every <url> of every page says when it changed and links en, vi and x-default."""
    for loc, _lastmod in index(client):
        for url in xml(client, loc).findall("s:url", NS):
            where = url.find("s:loc", NS).text
            assert url.find("s:lastmod", NS) is not None, where
            links = {link.get("hreflang") for link in url.findall("x:link", NS)}
            assert links == {"en", "vi", "x-default"}, where


def test_list_pages_are_dated_by_their_newest_item(client):
    """/news/ has the lastmod of the newest published article, not of a draft."""
    ArticleFactory(publish_at=timezone.now() - datetime.timedelta(days=400))
    Article.objects.update(updated_at=timezone.now() - datetime.timedelta(days=400))
    ArticleFactory(draft=True)
    newest = Article.objects.published().get()
    root = xml(client, "/sitemap-pages.xml")
    # Lists with nothing in them (no events here) have no date to give.
    dates = {
        url.find("s:loc", NS).text: getattr(url.find("s:lastmod", NS), "text", None)
        for url in root.findall("s:url", NS)
    }
    assert dates["http://testserver/news/"] == timezone.localdate(newest.updated_at).isoformat()


def test_scheduled_item_is_dated_when_it_goes_live(client):
    """An item saved before its publish time is dated by its publish time."""
    article = ArticleFactory(slug="went-live")
    live = timezone.now() - datetime.timedelta(minutes=5)
    Article.objects.filter(pk=article.pk).update(
        updated_at=live - datetime.timedelta(days=10), publish_at=live
    )
    (url,) = xml(client, "/sitemap-news.xml").findall("s:url", NS)[:1]
    assert url.find("s:lastmod", NS).text == timezone.localdate(live).isoformat()


def test_hidden_items_appear_on_no_page(client, monkeypatch):
    """Drafts, scheduled and expired items never appear, whatever the page size."""
    monkeypatch.setattr(sitemaps.PublishedSitemap, "limit", 1)
    past = timezone.now() - datetime.timedelta(days=2)
    hidden = []
    for factory in (ArticleFactory, EventFactory, ProgrammeFactory, OfficePageFactory):
        factory()
        hidden += [
            factory(draft=True),
            factory(scheduled=True),
            factory(publish_at=past, unpublish_at=past + datetime.timedelta(days=1)),
        ]
    text = " ".join(
        loc.text
        for page, _lastmod in index(client)
        for loc in xml(client, page).findall("s:url/s:loc", NS)
    )
    for item in hidden:
        assert item.get_absolute_url() not in text, item


@pytest.mark.parametrize("page", ["0", "-1", "abc", "1.5", "", "3", "99999", "9" * 30, "9" * 5000])
def test_page_out_of_range_or_junk_is_not_found(client, page):
    """?p= beyond the last page, zero, or not a number is a 404, never a 500."""
    ArticleFactory()
    assert client.get("/sitemap-news.xml", {"p": page}).status_code == 404


def test_unknown_section_is_not_found(client):
    """A section that does not exist is a 404."""
    assert client.get("/sitemap-nothing.xml").status_code == 404


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_a_page_costs_the_same_queries_at_any_size(client, monkeypatch):
    """A section page, and the index, run as many queries with 3 items as with 30."""
    monkeypatch.setattr(sitemaps.BilingualSitemap, "limit", 5)
    urls = ["/sitemap.xml", "/sitemap-pages.xml", "/sitemap-news.xml", "/sitemap-news.xml?p=2"]
    urls += ["/sitemap-events.xml", "/sitemap-partners.xml", "/sitemap-areas-of-work.xml"]
    for factory in (ArticleFactory, EventFactory, PartnerFactory, ThemeFactory):
        factory.create_batch(6)
    small = {url: count_queries(client, url) for url in urls}
    for factory in (ArticleFactory, EventFactory, PartnerFactory, ThemeFactory):
        factory.create_batch(24)
    assert {url: count_queries(client, url) for url in urls} == small
    # A content page is one query: no count, no whole-table list.
    assert small["/sitemap-news.xml?p=2"] == 1


def test_robots_txt_still_names_the_index(client):
    """robots.txt points at /sitemap.xml, which is the index."""
    assert "Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").content.decode()
    assert xml(client, "/sitemap.xml").tag == f"{{{NS['s']}}}sitemapindex"
