"""One rule each for "online", "ongoing" and "past", kept on Event and its QuerySet.

The list card, the event page, the RSS feed, iCalendar, JSON-LD, the public format
filter and the admin's "when" filter all read them, so they cannot disagree.
"""

import datetime

import feedparser
import icalendar
import pytest
from django.utils import timezone

from events.models import Event
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moved_online():
    """A workshop booked at a hotel in Hanoi, then moved online."""
    return EventFactory(
        title="Workshop moved online",
        slug="moved-online",
        venue="Melia Hotel",
        city="Hanoi",
        start_date=timezone.localdate() + datetime.timedelta(days=10),
        event_status=Event.EventStatus.MOVED_ONLINE,
    )


def test_an_event_moved_online_says_online_on_its_card(client, moved_online):
    html = client.get("/events/").content.decode()
    assert '<p class="place">Melia Hotel, Hanoi, Viet Nam · Online</p>' in html


def test_feed_and_calendar_agree_that_an_event_moved_online_is_online_only(client, moved_online):
    feed = feedparser.parse(client.get("/events/feed/rss/").content)
    (entry,) = feed.entries
    assert "Online" in entry.summary
    assert "Melia Hotel" not in entry.summary  # the hotel no longer counts
    (vevent,) = icalendar.Calendar.from_ical(client.get("/events/moved-online.ics").content).walk(
        "VEVENT"
    )
    assert str(vevent["location"]) == "Online"


def test_the_format_filter_finds_events_moved_online(client, moved_online):
    EventFactory(title="Seminar in the room", slug="in-the-room")
    online = client.get("/events/?format=online").content.decode()
    in_person = client.get("/events/?format=in-person").content.decode()
    assert "Workshop moved online" in online and "Seminar in the room" not in online
    assert "Seminar in the room" in in_person and "Workshop moved online" not in in_person


def test_an_event_ending_today_is_upcoming_in_the_list_and_in_the_admin_filter(admin_client):
    today = timezone.localdate()
    event = EventFactory(
        title="Week of action",
        start_date=today - datetime.timedelta(days=3),
        end_date=today,
    )
    assert event.is_ongoing() and not event.is_past()
    assert list(Event.objects.upcoming()) == [event]
    assert (
        "Week of action" in admin_client.get("/admin/events/event/?when=upcoming").content.decode()
    )
    assert (
        "Week of action" not in admin_client.get("/admin/events/event/?when=past").content.decode()
    )
