"""RSS and Atom feeds of events, and every feed the events pages advertise, parse cleanly."""

import datetime
import html
import re

import feedparser
import icalendar
import pytest
from django.utils import timezone

from events.models import Event
from tests.factories import EventFactory, ProgrammeFactory, ThemeFactory

pytestmark = pytest.mark.django_db

FEEDS = ["/events/feed/rss/", "/events/feed/atom/", "/vi/events/feed/rss/", "/vi/events/feed/atom/"]


@pytest.fixture
def announced():
    """Three public events announced on different days, a draft and a scheduled one."""
    now = timezone.now()
    programme = ProgrammeFactory(name="ENHANCE", slug="enhance")
    theme = ThemeFactory(name="Child labour")
    EventFactory(
        title="Study Visit to Sri Lanka",
        slug="study-visit",
        kind=Event.Kind.STUDY_VISIT,
        start_date=datetime.date(2020, 3, 1),
        end_date=datetime.date(2020, 3, 10),
        venue="Ministry of Labour",
        city="Colombo",
        country="Sri Lanka",
        publish_at=now - datetime.timedelta(days=3),
        programmes=[programme],
        themes=[theme],
    )
    EventFactory(
        title="Review workshop",
        slug="review-workshop",
        start_date=datetime.date(2020, 2, 1),
        end_date=datetime.date(2020, 2, 7),
        event_status=Event.EventStatus.CANCELLED,
        publish_at=now - datetime.timedelta(days=2),
    )
    EventFactory(
        title="Book launch",
        slug="book-launch",
        start_date=datetime.date(2020, 6, 29),
        event_status=Event.EventStatus.POSTPONED,
        publish_at=now - datetime.timedelta(days=1),
    )
    EventFactory(title="Secret draft event", draft=True)
    EventFactory(title="Secret scheduled event", scheduled=True)


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return response, feed


@pytest.mark.parametrize("url", FEEDS)
def test_feeds_parse_and_hold_published_events_newest_announcement_first(announced, client, url):
    """Each feed is valid, newest announcement first, and never shows drafts or scheduled events."""
    _response, feed = parse(client, url)
    titles = [entry.title for entry in feed.entries]
    # The status reads in the feed's language; the titles have no Vietnamese version.
    postponed, cancelled = ("Hoãn", "Hủy") if url.startswith("/vi/") else ("Postponed", "Cancelled")
    assert titles == [
        f"{postponed}: Book launch",
        f"{cancelled}: Review workshop",
        "Study Visit to Sri Lanka",
    ]
    assert not any("Secret" in entry.title for entry in feed.entries)


def test_feed_types(announced, client):
    """RSS is served as RSS 2.0 and Atom as Atom."""
    assert parse(client, "/events/feed/rss/")[1].version == "rss20"
    assert parse(client, "/events/feed/atom/")[1].version == "atom10"


@pytest.mark.parametrize("url", ["/events/feed/rss/", "/events/feed/atom/"])
def test_feed_item_says_when_where_and_what(announced, client, url):
    """An item links to the event and carries its dates as printed, place, zone and categories."""
    _response, feed = parse(client, url)
    entry = next(e for e in feed.entries if e.title == "Study Visit to Sri Lanka")
    assert entry.link == "http://testserver/events/study-visit/"
    assert "1 - 10 March 2020" in entry.summary
    assert "Ministry of Labour, Colombo, Sri Lanka" in entry.summary
    assert {tag.term for tag in entry.tags} == {"Study visit", "ENHANCE", "Child labour"}
    event = Event.objects.get(slug="study-visit")
    assert entry.id == f"urn:uuid:{event.uid}"
    published = entry.get("published_parsed")
    assert published is not None
    assert datetime.datetime(*published[:6], tzinfo=datetime.UTC) == event.publish_at.replace(
        microsecond=0
    )


def test_feed_dates_carry_a_zone(announced, client):
    """RSS pubDate ends with a UTC offset, so readers place it in time."""
    response, _feed = parse(client, "/events/feed/rss/")
    dates = re.findall(r"<pubDate>([^<]+)</pubDate>", response.content.decode())
    assert dates and all(re.search(r"[+-]\d{4}$", date) for date in dates)


def test_vietnamese_feed_prints_vietnamese_dates(announced, client):
    """The feed under /vi/ prints dates the Vietnamese way."""
    _response, feed = parse(client, "/vi/events/feed/rss/")
    entry = next(e for e in feed.entries if "Sri Lanka" in e.title)
    assert "1 - 10/3/2020" in entry.summary
    assert feed.feed.language == "vi"


@pytest.mark.parametrize("url", ["/events/feed/rss/", "/events/feed/atom/"])
def test_cancelled_and_postponed_events_say_so_in_the_feed(announced, client, url):
    """A cancelled or postponed event is marked in its title and in its summary."""
    _response, feed = parse(client, url)
    by_title = {entry.title: entry for entry in feed.entries}
    assert "Cancelled" in by_title["Cancelled: Review workshop"].summary
    assert "Postponed" in by_title["Postponed: Book launch"].summary


def test_guid_survives_a_change_of_slug_and_dates(announced, client):
    """Renaming or rescheduling an event does not announce it a second time."""
    _r, before = parse(client, "/events/feed/rss/")
    event = Event.objects.get(slug="study-visit")
    event.slug = "study-visit-to-sri-lanka"
    event.start_date = datetime.date(2020, 3, 2)
    event.save()
    _r, after = parse(client, "/events/feed/rss/")
    assert sorted(e.id for e in before.entries) == sorted(e.id for e in after.entries)
    moved = next(e for e in after.entries if "Sri Lanka" in e.title)
    assert moved.link.endswith("/events/study-visit-to-sri-lanka/")
    assert "2 - 10 March 2020" in moved.summary


def test_feed_escapes_titles_and_summaries(client):
    """Markup typed by staff into a title or summary reaches readers as text."""
    EventFactory(title="<script>alert(1)</script> Workshop", summary="<b>Bold</b> & more")
    _response, feed = parse(client, "/events/feed/rss/")
    (entry,) = feed.entries
    # RSS titles are HTML-escaped for readers that take them as HTML (ilo_office.feeds):
    # feedparser then reports HTML whose text is the title as typed.
    assert entry.title_detail.type == "text/html"
    assert html.unescape(entry.title) == "<script>alert(1)</script> Workshop"
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; more" in entry.summary


def test_empty_feeds_are_valid(client):
    """With no events at all, the feeds still parse."""
    for url in FEEDS:
        assert parse(client, url)[1].entries == []


ALTERNATE = re.compile(r'<link rel="alternate" type="([^"]+)"[^>]*href="([^"]+)"')


def advertised(client, url):
    html = client.get(url).content.decode()
    links = ALTERNATE.findall(html)
    # The event page's "add to calendar" download is advertised too, as a plain link.
    links += [("text/calendar", href) for href in re.findall(r'href="([^"]+\.ics)"', html)]
    return links


@pytest.mark.parametrize("prefix", ["", "/vi"])
def test_every_advertised_feed_parses(announced, client, prefix):
    """Every feed and .ics linked from /events/, /events/past/ and an event page parses cleanly."""
    # The subscription holds the last 12 months and what is ahead; the 2020 events are in
    # the 2020 archive linked from /events/past/.
    EventFactory(title="Next workshop")
    pages = [f"{prefix}/events/", f"{prefix}/events/past/", f"{prefix}/events/study-visit/"]
    links = {link for page in pages for link in advertised(client, page)}
    types = {kind for kind, _href in links}
    assert types == {"text/calendar", "application/rss+xml", "application/atom+xml"}
    # The study visit is over: its page no longer offers it for a calendar, but the file
    # stays where a bookmark or an old subscription finds it.
    assert not any(href.endswith("/study-visit.ics") for _kind, href in links)
    links.add(("text/calendar", f"{prefix}/events/study-visit.ics"))
    assert any(href.endswith("/events/calendar/2020.ics") for _kind, href in links)
    for kind, href in links:
        response = client.get(href)
        assert response.status_code == 200, href
        if kind == "text/calendar":
            assert response["Content-Type"].startswith("text/calendar"), href
            calendar = icalendar.Calendar.from_ical(response.content)
            assert calendar.walk("VEVENT"), href
        else:
            feed = feedparser.parse(response.content)
            assert not feed.bozo, (href, feed.get("bozo_exception"))
            assert feed.entries, href
