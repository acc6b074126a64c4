"""Every public page answers, shows its content, and runs a fixed number of queries."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ilo_office.models import Photo
from newsroom.services import record_read
from tests.factories import (
    ArticleFactory,
    EventFactory,
    PartnerFactory,
    PhotoFactory,
    ProgrammeFactory,
    ProgrammePartnerFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    """A small site: one programme with a partner and theme, news and events around it."""
    today = timezone.localdate()
    theme = ThemeFactory(name="Social protection and social security", slug="social-protection")
    partner = PartnerFactory(
        name="Viet Nam General Confederation of Labour", acronym="VGCL", slug="vgcl"
    )
    programme = ProgrammeFactory(
        name="Better Work Viet Nam", acronym="BWV", slug="better-work-viet-nam"
    )
    programme.themes.set([theme])
    ProgrammePartnerFactory(programme=programme, partner=partner)
    links = {"programmes": [programme], "themes": [theme], "partners": [partner]}
    article = ArticleFactory(
        title="ILO Office opens in Hanoi",
        slug="ilo-office-opens-in-hanoi",
        dateline="HANOI",
        body="<p>The ILO officially opened its Hanoi office.</p>",
        hero=PhotoFactory(caption="Opening ceremony", credit="© ILO/A.Santos"),
        **links,
    )
    upcoming = EventFactory(
        title="Workshop on social dialogue",
        slug="workshop-on-social-dialogue",
        start_date=today + datetime.timedelta(days=3),
        end_date=today + datetime.timedelta(days=4),
        **links,
    )
    past = EventFactory(
        title="SCORE Workshop on good practice sharing",
        slug="score-workshop",
        start_date=datetime.date(2020, 7, 28),
        **links,
    )
    return {
        "theme": theme,
        "partner": partner,
        "programme": programme,
        "article": article,
        "upcoming": upcoming,
        "past": past,
    }


def pages(site):
    """(url, text the page must show) for every public page."""
    return [
        (reverse("home"), "ILO Office opens in Hanoi"),
        (reverse("newsroom:article_list"), "ILO Office opens in Hanoi"),
        (site["article"].get_absolute_url(), "HANOI (ILO News)"),
        (reverse("events:event_list"), "Workshop on social dialogue"),
        (reverse("events:past_event_list"), "SCORE Workshop on good practice sharing"),
        (site["past"].get_absolute_url(), "28 July 2020"),
        (reverse("programmes:programme_list"), "Better Work Viet Nam"),
        (site["programme"].get_absolute_url(), "Viet Nam General Confederation of Labour"),
        (reverse("programmes:theme_list"), "Social protection and social security"),
        (site["theme"].get_absolute_url(), "Better Work Viet Nam"),
        (reverse("programmes:partner_list"), "Viet Nam General Confederation of Labour"),
        (site["partner"].get_absolute_url(), "Better Work Viet Nam"),
    ]


def test_every_page_shows_its_content(site, client):
    """Each public page answers 200 and shows what it is about."""
    for url, text in pages(site):
        response = client.get(url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), f"{text!r} missing on {url}"


def test_every_page_has_one_h1_and_a_language(site, client):
    """Each page has exactly one top heading and declares its language, in both languages."""
    for url, _text in pages(site):
        for prefix, lang in (("", "en"), ("/vi", "vi")):
            response = client.get(prefix + url)
            assert response.status_code == 200, prefix + url
            html = response.content.decode()
            assert len(re.findall(r"<h1[\s>]", html)) == 1, prefix + url
            assert f'<html lang="{lang}"' in html, prefix + url


def test_article_page_shows_dateline_photo_credit_and_links(site, client):
    """The article page prints the dateline, the hero's caption and credit, and its programme."""
    html = client.get(site["article"].get_absolute_url()).content.decode()
    assert "HANOI (ILO News) -" in html
    assert "Opening ceremony" in html
    assert "© ILO/A.Santos" in html
    assert site["programme"].get_absolute_url() in html


def test_event_pages_print_date_ranges(site, client):
    """A multi-day event prints its range, a past one its single day."""
    upcoming = site["upcoming"]
    html = client.get(reverse("events:event_list")).content.decode()
    assert f"{upcoming.start_date.day} - " in html or f"{upcoming.start_date.day} " in html
    assert "28 July 2020" in client.get(reverse("events:past_event_list")).content.decode()


def test_events_grouped_under_month_headings(client):
    """Past events sit under the heading of the month they start in, newest first, across years."""
    EventFactory(title="Launch of An ILO For All Seasons", start_date=datetime.date(2020, 6, 29))
    EventFactory(title="ILO COVID-19 webinar", start_date=datetime.date(2019, 12, 16))
    EventFactory(title="SCORE good practice", start_date=datetime.date(2020, 7, 28))
    html = client.get(reverse("events:past_event_list")).content.decode()
    positions = [
        html.index(text)
        for text in (
            "<h2",
            "July 2020",
            "SCORE good practice",
            "June 2020",
            "Launch of An ILO For All Seasons",
            "December 2019",
            "ILO COVID-19 webinar",
        )
    ]
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    "url",
    [
        "/news/no-such-article/",
        "/events/no-such-event/",
        "/programmes/no-such-programme/",
        "/areas-of-work/no-such-area/",
        "/partners/no-such-partner/",
        "/vi/news/no-such-article/",
        "/no-such-page/",
    ],
)
def test_unknown_addresses_are_not_found(url, client):
    """An unknown slug gives a 404 page, not an error."""
    response = client.get(url)
    assert response.status_code == 404


@pytest.mark.parametrize("page", ["0", "-1", "abc", "999", "1.5", "%00"])
def test_bad_page_numbers_are_not_errors(page, client):
    """A malformed or impossible page number gives 404, never a server error."""
    ArticleFactory()
    assert client.get(reverse("newsroom:article_list"), {"page": page}).status_code == 404
    assert client.get(reverse("events:past_event_list"), {"page": page}).status_code == 404


def test_text_is_escaped(client):
    """Markup typed into a title is shown as text, not run."""
    ArticleFactory(title="<script>alert('x')</script> Workshop", slug="xss")
    for url in ("/news/", "/news/xss/", "/"):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html
        assert "&lt;script&gt;" in html


def test_health_endpoint(client):
    """The load balancer's check answers ok while the database answers."""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_admin_login_page_answers(client):
    """The back office is at /admin/."""
    assert client.get("/admin/login/").status_code == 200


def _grow(site, n):
    """Add n more of everything around the site's programme, theme and partner."""
    links = {
        "programmes": [site["programme"]],
        "themes": [site["theme"]],
        "partners": [site["partner"]],
    }
    today = timezone.localdate()
    for i in range(n):
        article = ArticleFactory(hero=Photo.objects.first(), is_featured=i % 2 == 0, **links)
        record_read(article)
        EventFactory(start_date=today + datetime.timedelta(days=i + 1), **links)
        EventFactory(start_date=datetime.date(2019, 1 + i % 12, 1 + i), **links)
        programme = ProgrammeFactory()
        programme.themes.set([site["theme"]])
        ProgrammePartnerFactory(programme=programme, partner=site["partner"])
        ThemeFactory()
        PartnerFactory()


def _queries(client, url):
    client.get(url)  # warm: choices and fragments are computed once per content generation
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200, url
    return len(ctx.captured_queries)


# Pinned: a change here is a change in what every request costs (once warm: the footer
# and the filters' choices are computed once per content generation, not per request).
EXPECTED_QUERIES = {
    "home": 0,  # the blocks are kept per content generation (cold: tests/test_home.py)
    "article_list": 2,  # count, page (the side blocks are kept per generation)
    "article_detail": 1,  # the article (the rest is kept per generation: test_query_counts)
    "event_list": 2,  # count, page (cards and their programmes are kept per generation)
    "past_event_list": 2,  # (the years that have a calendar archive are kept per generation)
    "event_detail": 1,
    "programme_list": 1,  # the list
    "programme_detail": 1,
    "theme_list": 1,
    "theme_detail": 9,  # + the other kind of theme, recent events, programmes, publications
    "partner_list": 1,
    "partner_detail": 8,  # + predecessors
}


def test_query_counts_are_fixed(site, client):
    """Every public page runs the same, pinned number of queries with 3 or 23 items around."""
    urls = dict(
        zip(EXPECTED_QUERIES, [url for url, _text in pages(site)], strict=True),
    )
    _grow(site, 2)
    small = {name: _queries(client, url) for name, url in urls.items()}
    _grow(site, 20)
    large = {name: _queries(client, url) for name, url in urls.items()}
    assert small == large
    assert large == EXPECTED_QUERIES
