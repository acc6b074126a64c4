"""Every public URL of the site, for the query-count and the query-plan tests.

One table, `PAGES`: a row per page, feed, calendar and sitemap page, with the number of
SQL queries it runs once warm (pinned: a change is a change in what every request costs;
the filter menus, the year choices and the footer's About menu are kept once per content
generation, ilo_office.fragments, so a warm page runs none of theirs). The addresses
point at the rows that `tests.bulk_site.fill()` names, so the same table serves a small
site and a large one.

`count_queries()` and `count_cold_queries()` are the one way tests count a page's
queries (warm, and after a change of content).

`uncovered_patterns()` walks the URLconf: a public URL pattern with no row here (and not
in `NOT_PAGES`) fails the query-count test, so a new page cannot be forgotten.
"""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from ilo_office.fragments import local_copies
from tests.bulk_site import SLUGS

# URL names that are no public GET page: the back office, previews, the read beacon (POST),
# the load balancer's health and readiness checks.
NOT_PAGES = {
    "health",
    "ready",
    "preview",
    "signed_preview",
    "newsroom:record_read",
    # E-mail subscriptions: pages opened from a signed link in a mail (never cached, one
    # subscriber each; tests/test_subscriptions.py), and the mail provider's bounce hook (POST).
    "subscriptions:confirm",
    "subscriptions:manage",
    "subscriptions:unsubscribe",
    "subscriptions:bounce",
}
NOT_PAGE_NAMESPACES = {"admin"}

# Their queries are being rewritten on other branches: they are measured and printed,
# but a change of their counts or plans is expected there (the lead adapts at merge).
EXPECTED_TO_CHANGE = {}


def _kwargs():
    return {
        "article": {"slug": SLUGS["article"]},
        "event": {"slug": SLUGS["event"]},
        "programme": {"slug": SLUGS["programme"]},
        "theme": {"slug": SLUGS["theme"]},
        "partner": {"slug": SLUGS["partner"]},
        "office_page": {"slug": SLUGS["office_page"]},
        "kind": {"kind": "features"},
        "opportunity": {"slug": SLUGS["opportunity"]},
        "publication": {"slug": SLUGS["publication"]},
        "place": {"slug": SLUGS["place"]},
    }


# (row name, URL name, kwargs key, query string, Vietnamese, pinned query count)
PAGES = [
    # Home: the blocks staff chose are kept per content generation (cold: the block rows,
    # featured, latest news, events and their programmes, programmes, areas of work; see
    # tests/test_home.py, and the plan test reads them cold).
    ("home", "home", None, "", False, 0),
    ("home vi", "home", None, "", True, 0),
    # News: the page (its count is kept per content generation, ilo_office.filtering; the
    # side blocks, featured and most read, are kept per generation
    # and ten minutes); a filter adds the chosen item's lookup.
    ("news", "newsroom:article_list", None, "", False, 1),
    ("news vi", "newsroom:article_list", None, "", True, 1),
    ("news filtered", "newsroom:article_list", None, "?kind=news&programme={programme}&year={year}",
     False, 2),
    # Every filter and words: the chosen theme, programme and partner looked up, and the
    # page (its count is kept per content generation).
    ("news filtered by all", "newsroom:article_list", None,
     "?kind=news&programme={programme}&theme={theme}&partner={partner}&year={year}&q=decent",
     False, 4),
    ("news page 2", "newsroom:article_list", None, "?page=2", False, 1),
    # By place: the place looked up (its former provinces are kept per generation).
    ("news by place", "newsroom:article_list", None, "?place={place}", False, 2),
    # Article: the article. What only its fragments show (its programmes, themes, partners,
    # photos; related stories) is loaded when they are rendered, once per content generation
    # (test_query_counts measures those cold counts too).
    ("article", "newsroom:article_detail", "article", "", False, 1),
    ("article vi", "newsroom:article_detail", "article", "", True, 1),
    # Feeds: the items' keys; each item's XML is kept per generation (rows read once then).
    ("news rss", "newsroom:feed_rss", None, "", False, 1),
    ("news atom", "newsroom:feed_atom", None, "", False, 1),
    ("press rss", "newsroom:press_feed_rss", None, "", False, 1),
    ("press atom", "newsroom:press_feed_atom", None, "", False, 1),
    ("kind rss", "newsroom:kind_feed_rss", "kind", "", False, 1),
    ("kind atom", "newsroom:kind_feed_atom", "kind", "", False, 1),
    ("programme news rss", "newsroom:programme_feed_rss", "programme", "", False, 2),
    ("programme news atom", "newsroom:programme_feed_atom", "programme", "", False, 2),
    ("theme news rss", "newsroom:theme_feed_rss", "theme", "", False, 2),
    ("theme news atom", "newsroom:theme_feed_atom", "theme", "", False, 2),
    # Events: the page, its count kept per generation (their programmes only for cards not
    # yet kept for this generation).
    ("events", "events:event_list", None, "", False, 1),
    ("events vi", "events:event_list", None, "", True, 1),
    ("events by place", "events:event_list", None, "?place={place}", False, 2),
    # Past events: the same (the years that have a calendar archive are kept per generation).
    ("past events", "events:past_event_list", None, "", False, 1),
    ("past events vi", "events:past_event_list", None, "", True, 1),
    # Event: the event (its programmes, themes, partners and related events: per generation).
    ("event", "events:event_detail", "event", "", False, 1),
    ("event vi", "events:event_detail", "event", "", True, 1),
    ("event ics", "events:event_ics", "event", "", False, 1),
    ("calendar", "events:calendar", None, "", False, 1),
    ("programme calendar", "events:programme_calendar", "programme_slug", "", False, 2),
    ("calendar archive", "events:calendar_archive", "year", "", False, 1),
    ("programme calendar archive", "events:programme_calendar_archive", "programme_year", "", False,
     2),
    ("events rss", "events:feed_rss", None, "", False, 1),
    ("events atom", "events:feed_atom", None, "", False, 1),
    # Vacancies and calls: the page, its count kept per generation (open ones; closed ones
    # in the archive).
    ("opportunities", "opportunities:opportunity_list", None, "", False, 1),
    ("opportunities vi", "opportunities:opportunity_list", None, "", True, 1),
    ("closed opportunities", "opportunities:closed_list", None, "", False, 1),
    # Opportunity: the call, and its published programmes and themes.
    ("opportunity", "opportunities:opportunity_detail", "opportunity", "", False, 3),
    ("opportunity vi", "opportunities:opportunity_detail", "opportunity", "", True, 3),
    ("opportunities rss", "opportunities:feed_rss", None, "", False, 1),
    ("opportunities atom", "opportunities:feed_atom", None, "", False, 1),
    # Contact: the office's details, the media contacts. Press: those and the latest releases.
    ("contact", "contact:contact", None, "", False, 2),
    ("contact vi", "contact:contact", None, "", True, 2),
    ("press", "contact:press", None, "", False, 3),
    ("press vi", "contact:press", None, "", True, 3),
    # Publications: the page, its count kept per generation (the files' languages only for
    # cards not yet kept).
    ("publications", "publications:publication_list", None, "", False, 1),
    ("publications vi", "publications:publication_list", None, "", True, 1),
    ("publications filtered", "publications:publication_list", None,
     "?kind=report&programme={programme}&year={year}&language=en", False, 2),
    # Publication: the publication (files, relations, others: per generation).
    ("publication", "publications:publication_detail", "publication", "", False, 1),
    ("publication vi", "publications:publication_detail", "publication", "", True, 1),
    ("publications rss", "publications:feed_rss", None, "", False, 1),
    ("publications atom", "publications:feed_atom", None, "", False, 1),
    ("programme publications rss", "publications:programme_feed_rss", "programme", "", False, 2),
    ("programme publications atom", "publications:programme_feed_atom", "programme", "", False,
     2),
    ("theme publications rss", "publications:theme_feed_rss", "theme", "", False, 2),
    ("theme publications atom", "publications:theme_feed_atom", "theme", "", False, 2),
    # E-mail sign-up: the public programmes and the areas of work to choose from.
    ("subscribe", "subscriptions:subscribe", None, "", False, 2),
    ("subscribe vi", "subscriptions:subscribe", None, "", True, 2),
    ("subscribe check inbox", "subscriptions:check_inbox", None, "", False, 0),
    ("subscribe confirmed", "subscriptions:confirmed", None, "", False, 0),
    ("subscribe unsubscribed", "subscriptions:unsubscribed", None, "", False, 0),
    ("programmes", "programmes:programme_list", None, "", False, 1),
    # Programme hub: the programme (its relations, news and events: per generation).
    ("programme", "programmes:programme_detail", "programme", "", False, 1),
    ("programme vi", "programmes:programme_detail", "programme", "", True, 1),
    ("areas of work", "programmes:theme_list", None, "", False, 1),
    # Area of work: 8, and its latest publications (the page is not kept per generation).
    ("area of work", "programmes:theme_detail", "theme", "", False, 9),
    ("partners", "programmes:partner_list", None, "", False, 1),
    ("partner", "programmes:partner_detail", "partner", "", False, 8),
    # Where we work: the list is one fragment per generation (cold: places, programmes,
    # their places). A place: the place (its programmes, news and events: per generation).
    ("where we work", "programmes:where_we_work", None, "", False, 0),
    ("where we work vi", "programmes:where_we_work", None, "", True, 0),
    ("place", "programmes:place_detail", "place", "", False, 1),
    ("place vi", "programmes:place_detail", "place", "", True, 1),
    ("about", "pages:office_landing", None, "", False, 2),
    ("about page", "pages:office_page", "office_page", "", False, 2),
    ("about page vi", "pages:office_page", "office_page", "", True, 2),
    # Search: a search asked before is kept per content generation, like the fragments
    # (cold, its own queries are counted by tests/test_search.py and the cold limit).
    ("search", "search", None, "?q=decent+work", False, 0),
    # The index and the list pages: each section's count and newest change, kept per content
    # generation (cold: one index-only aggregate per section).
    ("sitemap", "sitemap", None, "", False, 0),
    ("sitemap pages", "sitemap_section", "sitemap_pages", "", False, 0),
    ("sitemap news", "sitemap_section", "sitemap_news", "", False, 1),
    ("sitemap events", "sitemap_section", "sitemap_events", "", False, 1),
    ("sitemap opportunities", "sitemap_section", "sitemap_opportunities", "", False, 1),
    ("sitemap publications", "sitemap_section", "sitemap_publications", "", False, 1),
    ("sitemap programmes", "sitemap_section", "sitemap_programmes", "", False, 1),
    ("sitemap areas of work", "sitemap_section", "sitemap_areas-of-work", "", False, 1),
    ("sitemap partners", "sitemap_section", "sitemap_partners", "", False, 1),
    ("sitemap about", "sitemap_section", "sitemap_about", "", False, 1),
    ("sitemap where we work", "sitemap_section", "sitemap_where-we-work", "", False, 1),
    ("robots", "robots_txt", None, "", False, 0),
]  # fmt: skip


def page_urls(year=None):
    """{row name: (URL name, address)} for every row of PAGES."""
    from django.utils import translation

    year = year or timezone.localdate().year
    kwargs = _kwargs()
    kwargs["programme_slug"] = {"programme_slug": SLUGS["programme"]}
    # A year that has events at both sizes: the fill spreads them over 25 years.
    kwargs["year"] = {"year": year - 1}
    kwargs["programme_year"] = {"programme_slug": SLUGS["programme"], "year": year - 1}
    # Every sitemap section (the registered types' and the static pages').
    from ilo_office.sitemaps import SITEMAPS

    for section in SITEMAPS:
        kwargs[f"sitemap_{section}"] = {"section": section}
    urls = {}
    for name, url_name, key, query, vietnamese, _count in PAGES:
        with translation.override("vi" if vietnamese else "en"):
            path = reverse(url_name, kwargs=kwargs[key] if key else None)
        query = query.format(
            programme=SLUGS["programme"],
            theme=SLUGS["theme"],
            partner=SLUGS["partner"],
            place=SLUGS["place"],
            year=year,
        )
        urls[name] = (url_name, path + query)
    return urls


def _read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    b"".join(response) if response.streaming else response.content
    return response


def count_queries(client, url):
    """The SQL queries a GET of `url` runs once warm, its body read to the end.

    Warm: the request after a first one, as almost every reader gets it. The first
    request after a change also builds what is kept once per content generation (the
    filter menus, the footer): a fixed number of queries more, whatever the size.
    """
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        _read(client, url)
    return len(ctx.captured_queries)


def count_cold_queries(client, url):
    """The SQL queries of the first GET of `url` after content changed (nothing cached)."""
    cache.clear()
    local_copies.clear()
    with CaptureQueriesContext(connection) as ctx:
        _read(client, url)
    return len(ctx.captured_queries)


def expected_counts():
    return {name: count for name, *_rest, count in PAGES}


def _pattern_names(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in NOT_PAGE_NAMESPACES:
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _pattern_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}"


def uncovered_patterns():
    """Named URL patterns of the URLconf that no row of PAGES requests."""
    covered = {url_name for _name, url_name, *_rest in PAGES}
    return sorted(set(_pattern_names(get_resolver().url_patterns)) - covered - NOT_PAGES)
