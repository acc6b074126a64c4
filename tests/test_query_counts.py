"""Every public page, feed, calendar and sitemap runs the same, pinned queries at any size.

The table of pages and counts is tests.public_urls.PAGES; the site is built in bulk
(tests.bulk_site.fill), once small and once ten times larger.
"""

import pytest

from ilo_office.cache import bump
from newsroom.models import Article
from tests.bulk_site import fill
from tests.public_urls import (
    count_cold_queries,
    count_queries,
    expected_counts,
    page_urls,
    uncovered_patterns,
)

pytestmark = pytest.mark.django_db

SMALL = {"articles": 30, "events": 20, "programmes": 6, "partners": 10}


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Count the queries a page runs, not a cache hit (when the page cache exists)."""
    settings.PAGE_CACHE = False


def measure(client):
    return {name: count_queries(client, url) for name, (_n, url) in page_urls().items()}


def measure_cold(client):
    return {name: count_cold_queries(client, url) for name, (_n, url) in page_urls().items()}


def test_every_public_url_pattern_has_a_row_in_the_table():
    """A new public page is measured too: its URL name must have a row in PAGES."""
    assert uncovered_patterns() == []


def test_query_counts_do_not_grow_tenfold_and_stay_pinned(client):
    """Each page runs the same queries with a small site and one ten times larger, as pinned."""
    fill(**SMALL)
    small = measure(client)
    fill(**{kind: n * 9 for kind, n in SMALL.items()}, seed=2)
    bump()  # bulk writes send no signal: their writer moves the content generation on
    assert Article.objects.count() > 10 * SMALL["articles"] * 0.9
    large = measure(client)
    grew = {name: (small[name], large[name]) for name in small if small[name] != large[name]}
    assert grew == {}, "query counts grew with the site (small, large)"
    assert large == expected_counts(), f"measured: {large}"


def test_cold_query_counts_do_not_grow_tenfold_and_stay_small(client):
    """The first request after a change (every fragment rendered again) is bounded too."""
    fill(**SMALL)
    small = measure_cold(client)
    fill(**{kind: n * 9 for kind, n in SMALL.items()}, seed=2)
    large = measure_cold(client)
    grew = {name: (small[name], large[name]) for name in small if small[name] != large[name]}
    assert grew == {}, "cold query counts grew with the site (small, large)"
    lists = ("home", "news", "events", "past events", "programmes", "partners", "sitemap")
    # Hubs list an item's news, events and publications as well as the item.
    lists += ("programme", "area of work", "partner", "publications", "search")
    too_many = {
        name: count
        for name, count in large.items()
        if count > (20 if name.startswith(lists) else 15)
    }
    assert too_many == {}, f"measured: {large}"


def test_counts_stay_small():
    """At most 15 queries for a single item's page, 20 for a list."""
    counts = expected_counts()
    assert max(counts.values()) <= 20
    lists = ("home", "news", "events", "past events", "programmes", "partners", "sitemap")
    assert all(count <= 15 for name, count in counts.items() if not name.startswith(lists))
