"""Subscription calendars hold a window (last 12 months and ahead); older years have archives."""

import datetime

import icalendar
import pytest

from events.models import Event, one_year_before
from ilo_office.cache import bump
from ilo_office.publishing import office_today
from tests.factories import EventFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def summaries(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("text/calendar")
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    return sorted(str(event["summary"]) for event in events)


@pytest.fixture
def story():
    """Events two years ago, last month, next month, and one that ended 11 months ago."""
    today = office_today()
    programme = ProgrammeFactory(slug="enhance")
    for title, days in [
        ("Two years ago", -730),
        ("Last month", -30),
        ("Next month", 30),
    ]:
        EventFactory(
            title=title,
            start_date=today + datetime.timedelta(days=days),
            programmes=[programme],
        )
    # Began 13 months ago and ran for two months: its last day is within the window.
    EventFactory(
        title="Long campaign",
        start_date=today - datetime.timedelta(days=395),
        end_date=today - datetime.timedelta(days=335),
    )
    return today


def test_subscription_holds_the_last_twelve_months_and_what_is_ahead(story, client):
    """calendar.ics leaves out an event of two years ago, keeps last month's and next month's."""
    expected = ["Last month", "Long campaign", "Next month"]
    assert summaries(client, "/events/calendar.ics") == expected


def test_programme_subscription_has_the_same_window(story, client):
    """A programme's calendar follows the same 12-month rule."""
    assert summaries(client, "/events/calendar/enhance.ics") == ["Last month", "Next month"]


def test_window_rule_lives_on_the_queryset(story):
    """in_calendar_window() keeps events whose last day is at most a year ago, exact dates only."""
    EventFactory(title="Some time next month", precision=Event.Precision.MONTH)
    titles = set(Event.objects.in_calendar_window().values_list("title", flat=True))
    assert titles == {"Last month", "Long campaign", "Next month"}
    # A year before 29 February is 28 February.
    assert one_year_before(datetime.date(2024, 2, 29)) == datetime.date(2023, 2, 28)


def test_year_archive_holds_that_year_only(client):
    """/events/calendar/2019.ics holds the events that start in 2019, and no others."""
    EventFactory(title="New Year's Eve 2018", start_date=datetime.date(2018, 12, 31))
    EventFactory(title="January 2019", start_date=datetime.date(2019, 1, 1))
    EventFactory(
        title="December 2019",
        start_date=datetime.date(2019, 12, 31),
        end_date=datetime.date(2020, 1, 2),
    )
    EventFactory(title="2020 event", start_date=datetime.date(2020, 1, 1))
    EventFactory(title="Draft 2019", start_date=datetime.date(2019, 5, 1), draft=True)
    response = client.get("/events/calendar/2019.ics")
    assert 'filename="ilo-viet-nam-events-2019.ics"' in response["Content-Disposition"]
    assert summaries(client, "/events/calendar/2019.ics") == ["December 2019", "January 2019"]
    assert summaries(client, "/events/calendar/2020.ics") == ["2020 event"]


def test_programme_year_archive(client):
    """/events/calendar/<programme>/<year>.ics holds that programme's events of that year."""
    programme = ProgrammeFactory(slug="enhance")
    EventFactory(title="Study visit", start_date=datetime.date(2019, 3, 1), programmes=[programme])
    EventFactory(title="Other meeting", start_date=datetime.date(2019, 3, 2))
    assert summaries(client, "/events/calendar/enhance/2019.ics") == ["Study visit"]
    assert client.get("/events/calendar/enhance/2018.ics").status_code == 404
    assert client.get("/events/calendar/nothing/2019.ics").status_code == 404


@pytest.mark.parametrize(
    "year", ["abc", "0", "0000", "99999", "1850", "2019.5", "-2019", "%20", "20190"]
)
def test_bad_or_empty_year_is_not_found(client, year):
    """A year that is no year, or has no events, is a 404, never a 500."""
    EventFactory(start_date=datetime.date(2019, 3, 1))
    assert client.get(f"/events/calendar/{year}.ics").status_code == 404


def test_past_events_page_links_the_archive_of_each_year_with_events(client):
    """/events/past/ links one .ics per year that has events, newest first, in both languages."""
    for year in (2015, 2019, 2019, 2021):
        EventFactory(start_date=datetime.date(year, 6, 1))
    EventFactory(start_date=datetime.date(2017, 6, 1), draft=True)
    html = client.get("/events/past/").content.decode()
    links = [f'<a href="/events/calendar/{year}.ics">{year}</a>' for year in (2021, 2019, 2015)]
    assert " · ".join(links) in html
    assert "/events/calendar/2017.ics" not in html
    assert 'href="/vi/events/calendar/2021.ics"' in client.get("/vi/events/past/").content.decode()
    assert "/calendar/2021.ics" not in client.get("/events/").content.decode()


def test_calendar_query_counts_are_pinned(client, django_assert_num_queries):
    """calendar.ics costs one query, a year's archive one, a programme's calendar two; the
    first request after a change reads the rows of the events it writes, once more."""
    programme = ProgrammeFactory(slug="enhance")
    for day in range(20):
        EventFactory(
            start_date=office_today() + datetime.timedelta(days=day - 10),
            programmes=[programme],
        )
    year = office_today().year
    for url, warm in [
        ("/events/calendar.ics", 1),
        (f"/events/calendar/{year}.ics", 1),
        ("/events/calendar/enhance.ics", 2),
        (f"/events/calendar/enhance/{year}.ics", 2),
    ]:
        bump()  # a change: every calendar entry is written again
        with django_assert_num_queries(warm + 1):
            client.get(url)
        with django_assert_num_queries(warm):
            assert client.get(url).status_code == 200


def test_long_text_is_folded_and_escaped(client):
    """Lines stay within 75 octets, Vietnamese text and escapes unbroken, and parse back intact."""
    title = "Hội thảo về đối thoại xã hội, tiền lương; và quan hệ lao động \\ " * 4
    EventFactory(slug="long", title=title.strip(), summary="Dòng một\nDòng hai")
    response = client.get("/events/long.ics")
    lines = response.content.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    (vevent,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(vevent["summary"]) == title.strip()
    assert str(vevent["description"]).startswith("Dòng một\nDòng hai\n\nhttp://testserver/")
