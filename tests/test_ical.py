"""iCalendar: exact dates, stable UIDs, SEQUENCE on change, cancelled events marked."""

import datetime

import icalendar
import pytest

from events.models import Event
from tests.factories import EventFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def vevents(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("text/calendar")
    return response, list(icalendar.Calendar.from_ical(response.content).walk("VEVENT"))


def test_all_day_range_has_exclusive_end(client):
    """1 January - 30 April 2020 is DTSTART 20200101 and DTEND 20200501, as dates."""
    EventFactory(
        slug="free-zone",
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2020, 4, 30),
    )
    response, (vevent,) = vevents(client, "/events/free-zone.ics")
    assert b"DTSTART;VALUE=DATE:20200101" in response.content
    assert b"DTEND;VALUE=DATE:20200501" in response.content
    assert vevent.decoded("dtstart") == datetime.date(2020, 1, 1)
    assert 'filename="free-zone.ics"' in response["Content-Disposition"]


def test_one_day_event_ends_the_next_day(client):
    """A single all-day event on 17 September ends (exclusively) on 18 September."""
    EventFactory(slug="asean", start_date=datetime.date(2020, 9, 17))
    _response, (vevent,) = vevents(client, "/events/asean.ics")
    assert vevent.decoded("dtend") == datetime.date(2020, 9, 18)


def test_timed_event_carries_its_zone_and_a_vtimezone(client):
    """A webinar set in Bangkok time keeps TZID and ships the VTIMEZONE."""
    EventFactory(
        slug="webinar",
        start_date=datetime.date(2020, 7, 23),
        start_time=datetime.time(14, 0),
        end_time=datetime.time(16, 0),
        time_zone="Asia/Bangkok",
    )
    response, (vevent,) = vevents(client, "/events/webinar.ics")
    assert b"DTSTART;TZID=Asia/Bangkok:20200723T140000" in response.content
    assert b"BEGIN:VTIMEZONE" in response.content
    assert vevent.decoded("dtend").astimezone(datetime.UTC) == datetime.datetime(
        2020, 7, 23, 9, 0, tzinfo=datetime.UTC
    )


def test_rescheduling_keeps_uid_and_raises_sequence(client):
    """Moving an event updates subscribers' copy instead of adding a second one."""
    event = EventFactory(slug="moved", start_date=datetime.date(2020, 3, 1))
    _r, (before,) = vevents(client, "/events/moved.ics")
    event.start_date = datetime.date(2020, 3, 8)
    event.save()
    _r, (after,) = vevents(client, "/events/moved.ics")
    assert str(after["uid"]) == str(before["uid"])
    assert after.decoded("sequence") == before.decoded("sequence") + 1


def test_saving_without_public_change_keeps_sequence():
    """Saving an unchanged event does not make calendars think it changed."""
    event = EventFactory()
    event.save()
    event.refresh_from_db()
    assert event.sequence == 0


def test_cancelled_event_is_cancelled_in_the_calendar(client):
    """A cancelled event says STATUS:CANCELLED."""
    EventFactory(slug="off", event_status=Event.EventStatus.CANCELLED)
    _r, (vevent,) = vevents(client, "/events/off.ics")
    assert vevent["status"] == "CANCELLED"
    assert str(vevent["summary"]).startswith("Cancelled: ")


def test_feed_has_published_exact_events_only(client):
    """The subscription feed leaves out drafts, scheduled and date-to-be-confirmed events."""
    EventFactory(title="Public workshop")
    EventFactory(title="Draft workshop", draft=True)
    EventFactory(title="Scheduled workshop", scheduled=True)
    EventFactory(title="Some time in March", precision=Event.Precision.MONTH)
    _r, events = vevents(client, "/events/calendar.ics")
    assert [str(e["summary"]) for e in events] == ["Public workshop"]


def test_programme_feed_holds_its_events(client):
    """A programme's calendar has its own events only."""
    programme = ProgrammeFactory(slug="enhance")
    EventFactory(title="Study visit", programmes=[programme])
    EventFactory(title="Other meeting")
    _r, events = vevents(client, "/events/calendar/enhance.ics")
    assert [str(e["summary"]) for e in events] == ["Study visit"]
    assert client.get("/events/calendar/nothing.ics").status_code == 404


def test_unpublished_event_has_no_ics(client):
    """A draft's .ics is not found."""
    EventFactory(slug="secret", draft=True)
    assert client.get("/events/secret.ics").status_code == 404


def test_postponed_event_is_tentative_and_says_so(client):
    """A postponed event stays in calendars as TENTATIVE, its title starting "Postponed: "."""
    EventFactory(slug="later", title="Book launch", event_status=Event.EventStatus.POSTPONED)
    _r, (vevent,) = vevents(client, "/events/later.ics")
    assert vevent["status"] == "TENTATIVE"
    assert str(vevent["summary"]) == "Postponed: Book launch"


def test_the_vietnamese_calendar_says_cancelled_and_postponed_in_vietnamese(client):
    """/vi/ calendars are Vietnamese to the status word (they said "Cancelled: ")."""
    EventFactory(slug="off", title_vi="Hội thảo", event_status=Event.EventStatus.CANCELLED)
    EventFactory(slug="later", title_vi="Ra mắt sách", event_status=Event.EventStatus.POSTPONED)
    _r, (cancelled,) = vevents(client, "/vi/events/off.ics")
    _r, (postponed,) = vevents(client, "/vi/events/later.ics")
    assert str(cancelled["summary"]) == "Hủy: Hội thảo"
    assert str(postponed["summary"]) == "Hoãn: Ra mắt sách"


def test_event_moved_online_is_confirmed_online(client):
    """An event moved online still takes place: CONFIRMED, with its location given as online."""
    EventFactory(slug="moved-online", event_status=Event.EventStatus.MOVED_ONLINE)
    _r, (vevent,) = vevents(client, "/events/moved-online.ics")
    assert vevent["status"] == "CONFIRMED"
    assert str(vevent["location"]) == "Online"


def test_vietnamese_title_change_raises_sequence():
    """Changing only the Vietnamese title is a public change: subscribed calendars update."""
    event = EventFactory()
    before = event.sequence
    event.title_vi = "Hội thảo về đối thoại xã hội"
    event.save()
    event.refresh_from_db()
    assert event.sequence == before + 1


def test_daily_hours_over_several_days_repeat_each_day(client):
    """A three-day workshop, 08:30 - 17:00 daily, is three 8.5-hour days, not a 56-hour block."""
    EventFactory(
        slug="workshop",
        start_date=datetime.date(2020, 7, 21),
        end_date=datetime.date(2020, 7, 23),
        start_time=datetime.time(8, 30),
        end_time=datetime.time(17, 0),
    )
    response, (vevent,) = vevents(client, "/events/workshop.ics")
    assert b"DTSTART;TZID=Asia/Ho_Chi_Minh:20200721T083000" in response.content
    assert b"DTEND;TZID=Asia/Ho_Chi_Minh:20200721T170000" in response.content
    assert b"RRULE:FREQ=DAILY;COUNT=3" in response.content
    assert vevent.decoded("dtend") - vevent.decoded("dtstart") == datetime.timedelta(hours=8.5)
    rule = vevent["RRULE"]
    assert rule["FREQ"] == ["DAILY"] and rule["COUNT"] == [3]


def test_overnight_span_stays_one_block(client):
    """Friday 18:00 to Sunday 12:00 (an end time before the start time) is one continuous span."""
    EventFactory(
        slug="retreat",
        start_date=datetime.date(2020, 7, 24),
        end_date=datetime.date(2020, 7, 26),
        start_time=datetime.time(18, 0),
        end_time=datetime.time(12, 0),
    )
    response, (vevent,) = vevents(client, "/events/retreat.ics")
    assert b"RRULE" not in response.content
    assert b"DTEND;TZID=Asia/Ho_Chi_Minh:20200726T120000" in response.content
    assert "RRULE" not in vevent
