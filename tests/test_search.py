"""Site search: folded matching, ranking, type filter, published only, safe highlights, junk.

Every test here holds on SQLite and on PostgreSQL (CI runs both).
"""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ilo_office.search import Query, excerpt, highlight
from tests.factories import ArticleFactory, EventFactory, OfficePageFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def results(response):
    """The result titles of a search page, in order, as plain text."""
    html = response.content.decode()
    titles = re.findall(r'<h2 class="card-title"[^>]*><a href="[^"]+">(.*?)</a></h2>', html)
    return [re.sub(r"</?mark>", "", title) for title in titles]


def test_unaccented_query_finds_vietnamese_text(client):
    """ "Viet Nam" finds "Việt Nam" and "lao dong" finds "lao động"."""
    ArticleFactory(title="Việt Nam ratifies the forced labour convention")
    EventFactory(
        title="Dialogue on employment", summary="Hội nghị về thị trường lao động", country=""
    )
    ArticleFactory(title="Nothing to do with it")
    assert results(client.get("/search/", {"q": "Viet Nam"})) == [
        "Việt Nam ratifies the forced labour convention"
    ]
    assert results(client.get("/search/", {"q": "lao dong"})) == ["Dialogue on employment"]


def test_accented_query_finds_unaccented_text(client):
    """A reader who types the accents finds text written without them, and "Đ" matches "D"."""
    ProgrammeFactory(name="Better Work Viet Nam")
    ArticleFactory(title="Skills in Dong Nai province")
    assert results(client.get("/search/", {"q": "Việt Nam"})) == ["Better Work Viet Nam"]
    assert results(client.get("/search/", {"q": "Đồng Nai"})) == ["Skills in Dong Nai province"]


def test_vietnamese_translation_is_searched_and_shown_on_vi(client):
    """The Vietnamese title is searchable too, and /vi/search/ shows it."""
    ArticleFactory(title_en="Minimum wage rises", title_vi="Lương tối thiểu tăng")
    response = client.get("/vi/search/", {"q": "luong toi thieu"})
    assert results(response) == ["Lương tối thiểu tăng"]
    assert 'action="/vi/search/"' in response.content.decode()


def test_title_match_ranks_above_summary_above_body(client):
    """Where the word is found orders the results: title, then summary, then body."""
    ArticleFactory(title="Body", body="<p>A new apprenticeship law was adopted.</p>")
    ArticleFactory(title="Summary", standfirst="About apprenticeship reform.")
    ArticleFactory(title="Apprenticeship law adopted")
    assert results(client.get("/search/", {"q": "apprenticeship"})) == [
        "Apprenticeship law adopted",
        "Summary",
        "Body",
    ]


def test_ranking_mixes_the_types(client):
    """An event with the word in its title comes before an article with it in the body."""
    ArticleFactory(title="Annual report", body="<p>Our work on occupational safety.</p>")
    EventFactory(title="Occupational safety week")
    OfficePageFactory(title="Contact", summary="Occupational safety unit and others.")
    assert results(client.get("/search/", {"q": "occupational safety"})) == [
        "Occupational safety week",
        "Contact",
        "Annual report",
    ]


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("news", ["Green jobs story"]),
        ("events", ["Green jobs forum"]),
        ("programmes", ["Green jobs programme"]),
        ("pages", ["Green jobs at the office"]),
    ],
)
def test_type_filter_limits_results(client, kind, expected):
    """?type= keeps one kind of page."""
    ArticleFactory(title="Green jobs story")
    EventFactory(title="Green jobs forum")
    ProgrammeFactory(name="Green jobs programme")
    OfficePageFactory(title="Green jobs at the office")
    assert results(client.get("/search/", {"q": "green jobs", "type": kind})) == expected


def test_bad_type_is_ignored_with_a_notice(client):
    """An unknown ?type= searches everything and says the filter was ignored."""
    ArticleFactory(title="Green jobs story")
    EventFactory(title="Green jobs forum")
    response = client.get("/search/", {"q": "green jobs", "type": "<b>nope</b>"})
    html = response.content.decode()
    assert response.status_code == 200
    assert sorted(results(response)) == ["Green jobs forum", "Green jobs story"]
    assert "was ignored" in html
    assert "&lt;b&gt;nope&lt;/b&gt;" in html
    assert "<b>nope</b>" not in html


def test_only_published_items_are_found(client):
    """Drafts, scheduled and expired items of every type never appear in results."""
    past = timezone.now() - datetime.timedelta(days=2)
    for factory, field in (
        (ArticleFactory, "title"),
        (EventFactory, "title"),
        (ProgrammeFactory, "name"),
        (OfficePageFactory, "title"),
    ):
        factory(**{field: "Hidden draft zebra"}, draft=True)
        factory(**{field: "Hidden scheduled zebra"}, scheduled=True)
        factory(
            **{field: "Hidden expired zebra"},
            publish_at=past,
            unpublish_at=past + datetime.timedelta(days=1),
        )
    ArticleFactory(title="Visible zebra")
    response = client.get("/search/", {"q": "zebra"})
    assert results(response) == ["Visible zebra"]
    assert "1 result for" in response.content.decode()


def test_matches_are_marked_and_markup_in_titles_is_escaped(client):
    """A title carrying a script is shown as text, with only the match wrapped in <mark>."""
    ArticleFactory(
        title='<script>alert("x")</script> Child labour <img src=x onerror=alert(1)>',
        standfirst="Ending child labour & forced labour by 2025 <b>now</b>.",
    )
    html = client.get("/search/", {"q": "child labour"}).content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>Child labour</mark>" in html
    assert (
        "Ending <mark>child labour</mark> &amp; forced <mark>labour</mark> by 2025 &lt;b&gt;now"
        in html
    )


def test_highlight_follows_the_folded_match():
    """ "lao dong" marks "Lao động" in the original text, with its accents."""
    terms = Query.parse("lao dong").terms
    assert highlight("Thị trường Lao động 2024", terms) == "Thị trường <mark>Lao động</mark> 2024"


def test_highlight_escapes_before_marking():
    """Text around and inside a mark is escaped; a term that looks like markup is just text."""
    terms = Query.parse("b").terms
    assert (
        highlight("<b>bold</b>", terms)
        == "&lt;<mark>b</mark>&gt;<mark>b</mark>old&lt;/<mark>b</mark>&gt;"
    )


def test_excerpt_starts_near_a_late_match():
    """A match deep in a long body is shown in context, with an ellipsis before it."""
    text = " ".join(["filler"] * 200) + " the decent work agenda " + " ".join(["more"] * 50)
    result = excerpt(text, Query.parse("decent").terms)
    assert result.startswith("… ")
    assert "<mark>decent</mark> work agenda" in result
    assert len(re.sub("<[^>]+>", "", result)) < 300


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "     ",
        "!!! ??? ...",
        "%",
        "_",
        "%_'\"\\*",
        "' OR 1=1 --",
        "(.*)+[",
        "a\x00b",
        "\x00",
        "x" * 5000,
        "zebra " * 1000,
        "web:* & !ilo | <->",
    ],
)
def test_junk_queries_give_a_helpful_page(client, junk):
    """Empty, punctuation-only, huge, NUL and SQL/regex/tsquery metacharacter queries never fail."""
    ArticleFactory(title="Some article")
    response = client.get("/search/", {"q": junk})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "\x00" not in html
    assert (
        "Type one or more words" in html
        or "Nothing matches" in html
        or "result for" in html
        or "results for" in html
    )


def test_long_query_is_cut_with_a_notice(client):
    """A pasted essay is searched by its first 200 characters, and the page says so."""
    html = client.get("/search/", {"q": "labour " * 500}).content.decode()
    assert "only its first 200 characters were used" in html


def test_empty_search_explains_what_to_do(client):
    """/search/ with no query invites the reader to type words and offers the lists."""
    html = client.get("/search/").content.decode()
    assert "Type one or more words" in html
    assert 'href="/news/"' in html


def test_no_match_says_so(client):
    """A search that finds nothing says so in a sentence."""
    html = client.get("/search/", {"q": "xylophone"}).content.decode()
    assert "Nothing matches “xylophone”." in html


def test_results_are_paginated_with_the_query_kept(client, settings):
    """Page 2 carries on where page 1 stopped, and the pager keeps q and type."""
    settings.PAGE_SIZE = 5
    for i in range(7):
        ArticleFactory(title=f"Wage report {i}")
    first = client.get("/search/", {"q": "wage", "type": "news"})
    second = client.get("/search/", {"q": "wage", "type": "news", "page": "2"})
    assert len(results(first)) == 5
    assert len(results(second)) == 2
    assert set(results(first)).isdisjoint(results(second))
    assert 'href="?q=wage&amp;type=news&amp;page=2"' in first.content.decode()


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999", "1.5", "\x00"])
def test_bad_page_number_shows_the_first_page_with_a_notice(client, settings, page):
    """A page that does not exist gives the first page of results and a notice, not an error."""
    settings.PAGE_SIZE = 5
    for i in range(7):
        ArticleFactory(title=f"Wage report {i}")
    response = client.get("/search/", {"q": "wage", "page": page})
    assert response.status_code == 200
    assert len(results(response)) == 5
    assert "here is the first" in response.content.decode()


def _grow(n):
    for i in range(n):
        ArticleFactory(title=f"Social protection story {i}")
        EventFactory(title=f"Social protection event {i}")
        ProgrammeFactory(name=f"Social protection programme {i}")
        OfficePageFactory(title=f"Social protection page {i}")


def _queries(client, params):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/search/", params).status_code == 200
    return len(ctx.captured_queries)


# Count, page of the UNION, one query per type searched, the footer's office pages.
EXPECTED_SEARCH_QUERIES = {"all": 7, "news": 4, "pages": 4}


def test_search_runs_a_fixed_number_of_queries(client, settings):
    """A page of results costs the same queries with 8 or 80 matching items of four types."""
    settings.PAGE_SIZE = 5
    searches = {
        "all": {"q": "social protection"},
        "news": {"q": "social protection", "type": "news"},
        "pages": {"q": "social protection", "type": "pages", "page": "2"},
    }
    _grow(2)
    small = {name: _queries(client, params) for name, params in searches.items()}
    _grow(18)
    large = {name: _queries(client, params) for name, params in searches.items()}
    assert small == large == EXPECTED_SEARCH_QUERIES


def test_every_page_has_a_labelled_search_box(client):
    """The header carries a plain GET search form with a label, working without JavaScript."""
    html = client.get("/").content.decode()
    assert '<form class="site-search" method="get" action="/search/" role="search"' in html
    assert '<label class="visually-hidden" for="site-search-q">' in html
    assert 'id="site-search-q" name="q"' in html
    assert 'action="/vi/search/"' in client.get("/vi/").content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram similarity is PostgreSQL's")
def test_postgresql_forgives_a_typo_in_a_title(client):
    """On PostgreSQL a misspelt word still finds a title close to it."""
    ProgrammeFactory(name="Better Work Viet Nam")
    assert results(client.get("/search/", {"q": "Beter Work"})) == ["Better Work Viet Nam"]
