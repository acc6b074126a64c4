"""The events lists and page: month headings, "today" in Hanoi, statuses, bad filters."""

import datetime
import html as html_lib
import re

import icalendar
import pytest
import time_machine

from events.models import Event
from ilo_office.publishing import office_today
from tests.factories import EventFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

d = datetime.date
UTC = datetime.UTC


def months(client, url):
    """[(month heading, [event titles under it]), ...] as a reader sees the list."""
    response = client.get(url)
    assert response.status_code == 200, url
    page = response.content.decode()
    tokens = re.findall(
        r'<h2 id="[\w-]+">([^<]+)</h2>|class="card-title"><a href="[^"]+"[^>]*>([^<]+)</a>',
        page,
    )
    grouped = []
    for heading, title in tokens:
        if heading:
            grouped.append((html_lib.unescape(heading), []))
        else:
            grouped[-1][1].append(html_lib.unescape(title))
    return grouped


def card(client, url, title):
    """The HTML of the card of `title` on a list page."""
    page = client.get(url).content.decode()
    cards = re.findall(r'<article class="card event-card">.*?</article>', page, re.S)
    (found,) = [c for c in cards if f">{html_lib.escape(title)}</a>" in c]
    return found


def test_upcoming_months_run_soonest_first_across_the_new_year(client):
    """In mid-December, December's events come before January's; a range sits under its start."""
    with time_machine.travel(datetime.datetime(2020, 12, 15, 3, 0, tzinfo=UTC), tick=False):
        EventFactory(title="January seminar", start_date=d(2021, 1, 5))
        EventFactory(title="Year-end retreat", start_date=d(2020, 12, 31), end_date=d(2021, 1, 2))
        EventFactory(title="Pre-holiday meeting", start_date=d(2020, 12, 20))
        EventFactory(
            title="Week-long training", start_date=d(2020, 12, 10), end_date=d(2020, 12, 16)
        )
        EventFactory(title="Last week's meeting", start_date=d(2020, 12, 8))
        assert months(client, "/events/") == [
            ("December 2020", ["Week-long training", "Pre-holiday meeting", "Year-end retreat"]),
            ("January 2021", ["January seminar"]),
        ]
        assert "31 December 2020 - 2 January 2021" in card(client, "/events/", "Year-end retreat")
        assert "Ongoing" in card(client, "/events/", "Week-long training")
        assert "Ongoing" not in card(client, "/events/", "Pre-holiday meeting")


def test_past_months_run_newest_first_across_the_new_year(client):
    """In February, January's past events come before December's, newest first within a month."""
    with time_machine.travel(datetime.datetime(2021, 2, 1, 3, 0, tzinfo=UTC), tick=False):
        EventFactory(title="Early December meeting", start_date=d(2020, 12, 5))
        EventFactory(title="Holiday campaign", start_date=d(2020, 12, 29), end_date=d(2021, 1, 3))
        EventFactory(title="January review", start_date=d(2021, 1, 10))
        EventFactory(title="New year launch", start_date=d(2021, 1, 4))
        assert months(client, "/events/past/") == [
            ("January 2021", ["January review", "New year launch"]),
            ("December 2020", ["Holiday campaign", "Early December meeting"]),
        ]
        assert "29 December 2020 - 3 January 2021" in card(
            client, "/events/past/", "Holiday campaign"
        )


def test_vietnamese_lists_have_vietnamese_months_and_dates(client):
    """Under /vi/ the headings read "Tháng 9 năm 2020" and the dates "22 - 23/7/2020"."""
    EventFactory(title="Sixth Technical Meeting", start_date=d(2020, 9, 17))
    EventFactory(title="Virtual Open Session", start_date=d(2020, 7, 22), end_date=d(2020, 7, 23))
    assert months(client, "/vi/events/past/") == [
        ("Tháng 9 năm 2020", ["Sixth Technical Meeting"]),
        ("Tháng 7 năm 2020", ["Virtual Open Session"]),
    ]
    assert "22 - 23/7/2020" in card(client, "/vi/events/past/", "Virtual Open Session")
    assert "17/9/2020" in card(client, "/vi/events/past/", "Sixth Technical Meeting")


@pytest.fixture
def around_midnight():
    """An event of 20-22 July 2020 in Hanoi, and one starting on the 23rd."""
    with time_machine.travel(datetime.datetime(2020, 7, 1, tzinfo=UTC), tick=False):
        EventFactory(
            title="Three-day workshop",
            slug="three-day-workshop",
            start_date=d(2020, 7, 20),
            end_date=d(2020, 7, 22),
        )
        EventFactory(title="Next day's meeting", start_date=d(2020, 7, 23))


def listed(client, url):
    return [title for _month, titles in months(client, url) for title in titles]


def test_last_second_of_the_last_day_in_hanoi_is_still_ongoing(around_midnight, client):
    """At 23:59:59 in Hanoi on its last day, the event is listed as ongoing, not past."""
    with time_machine.travel(datetime.datetime(2020, 7, 22, 16, 59, 59, tzinfo=UTC), tick=False):
        assert listed(client, "/events/") == ["Three-day workshop", "Next day's meeting"]
        assert "Ongoing" in card(client, "/events/", "Three-day workshop")
        assert "Ongoing" not in card(client, "/events/", "Next day's meeting")
        assert listed(client, "/events/past/") == []
        assert "Ongoing" in client.get("/events/three-day-workshop/").content.decode()


def test_midnight_in_hanoi_moves_the_event_to_the_past(around_midnight, client):
    """At 00:00 in Hanoi (still the 22nd in UTC) the event that ended yesterday is past."""
    with time_machine.travel(datetime.datetime(2020, 7, 22, 17, 0, 0, tzinfo=UTC), tick=False):
        assert listed(client, "/events/") == ["Next day's meeting"]
        assert "Ongoing" not in card(client, "/events/", "Next day's meeting")
        assert listed(client, "/events/past/") == ["Three-day workshop"]
        page = client.get("/events/three-day-workshop/").content.decode()
        assert "Past event" in page and "Ongoing" not in page


def test_add_to_my_calendar_is_not_offered_once_the_event_is_over(around_midnight, client):
    """On its last day the event still offers its .ics; from midnight in Hanoi it does not."""
    with time_machine.travel(datetime.datetime(2020, 7, 22, 16, 59, 59, tzinfo=UTC), tick=False):
        page = client.get("/events/three-day-workshop/").content.decode()
        assert "Add to my calendar" in page
        assert 'href="/events/three-day-workshop.ics"' in page
    with time_machine.travel(datetime.datetime(2020, 7, 22, 17, 0, 0, tzinfo=UTC), tick=False):
        page = client.get("/events/three-day-workshop/").content.decode()
        assert "Past event" in page
        assert "Add to my calendar" not in page
        assert "three-day-workshop.ics" not in page


STATUSES = [
    (Event.EventStatus.CANCELLED, "Cancelled", "CANCELLED"),
    (Event.EventStatus.POSTPONED, "Postponed", "TENTATIVE"),
]


@pytest.mark.parametrize(("status", "label", "ical_status"), STATUSES)
@pytest.mark.parametrize("when", ["upcoming", "past"])
def test_status_is_shown_everywhere(client, status, label, ical_status, when):
    """A cancelled or postponed event says so on the list, its page, its .ics and the calendar."""
    # Last month's event is past and still in the subscription calendar (12 months).
    start = office_today() + datetime.timedelta(days=-30 if when == "past" else 30)
    programme = ProgrammeFactory(slug="score")
    EventFactory(
        title="SCORE workshop",
        slug="score-workshop",
        start_date=start,
        event_status=status,
        programmes=[programme],
    )
    list_url = "/events/past/" if when == "past" else "/events/"
    assert label in card(client, list_url, "SCORE workshop")
    assert (
        f'badge-{status}">{label}</span>' in client.get("/events/score-workshop/").content.decode()
    )
    for url in (
        "/events/score-workshop.ics",
        "/events/calendar.ics",
        "/events/calendar/score.ics",
        f"/events/calendar/{start.year}.ics",
    ):
        (vevent,) = icalendar.Calendar.from_ical(client.get(url).content).walk("VEVENT")
        assert vevent["status"] == ical_status, url
        assert str(vevent["summary"]) == f"{label}: SCORE workshop", url


def test_webinar_in_another_zone_shows_both_times(client):
    """A Geneva webinar shows Geneva time and Hanoi time, with Hanoi's date where it differs."""
    EventFactory(
        title="ILO Webinar on COVID-19",
        slug="webinar",
        kind=Event.Kind.WEBINAR,
        start_date=d(2020, 7, 23),
        start_time=datetime.time(20, 0),
        end_time=datetime.time(22, 0),
        time_zone="Europe/Zurich",
        is_online=True,
    )
    page = client.get("/events/webinar/").content.decode()
    assert "20:00 - 22:00 (Europe/Zurich, UTC+02:00)" in page
    assert "24 July 2020, 01:00 - 03:00 (Hanoi time)" in page
    assert '<time datetime="2020-07-23T20:00+02:00">' in page
    assert "23 July 2020, 20:00 - 22:00 (Europe/Zurich, UTC+02:00)" in card(
        client, "/events/past/", "ILO Webinar on COVID-19"
    )


def test_event_in_hanoi_time_is_not_repeated(client):
    """A timed Hanoi event prints its hours once, as Hanoi time."""
    EventFactory(
        slug="hanoi-meeting",
        start_date=d(2020, 7, 23),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(11, 30),
    )
    page = client.get("/events/hanoi-meeting/").content.decode()
    assert page.count("09:00 - 11:30 (Hanoi time)") == 1


def test_approximate_event_shows_its_precision_and_no_calendar_file(client):
    """An event known only by its month prints the month and offers no .ics."""
    EventFactory(
        title="Publication of the child labour survey",
        slug="survey",
        start_date=d(2020, 3, 1),
        precision=Event.Precision.MONTH,
    )
    page = client.get("/events/survey/").content.decode()
    assert '<time datetime="2020-03">March 2020</time>' in page
    assert "survey.ics" not in page
    assert client.get("/events/survey.ics").status_code == 404


BAD_FILTERS = [
    ("year", "abc", "Year"),
    ("month", "13", "Month"),
    ("kind", "bogus", "Kind"),
    ("programme", "nonexistent", "Programme"),
    ("format", "x", "Format"),
    ("theme", "nowhere", "Area of work"),
    ("partner", "nobody", "Organiser or partner"),
]


@pytest.mark.parametrize("url", ["/events/", "/events/past/"])
@pytest.mark.parametrize(("name", "value", "label"), BAD_FILTERS)
def test_bad_filter_is_ignored_with_a_notice(client, url, name, value, label):
    """A malformed filter shows the list with that filter ignored and says so."""
    EventFactory(title="Future workshop", start_date=office_today() + datetime.timedelta(days=5))
    EventFactory(title="Past workshop", start_date=d(2020, 7, 28))
    response = client.get(url, {name: value})
    assert response.status_code == 200
    page = response.content.decode()
    assert f"The filter “{label}” was ignored" in page
    expected = "Past workshop" if "past" in url else "Future workshop"
    assert expected in page


def test_good_filters_still_apply_beside_a_bad_one(client):
    """?year=2019&month=13 keeps the year filter and drops only the month."""
    EventFactory(title="Workshop of 2019", start_date=d(2019, 5, 2))
    EventFactory(title="Workshop of 2020", start_date=d(2020, 5, 2))
    page = client.get("/events/past/", {"year": "2019", "month": "13"}).content.decode()
    assert "The filter “Month” was ignored" in page
    assert "Workshop of 2019" in page and "Workshop of 2020" not in page


@pytest.mark.parametrize("url", ["/events/", "/events/past/"])
def test_page_zero_is_not_found(client, url):
    """?page=0 is a 404, as everywhere on the site, never a server error."""
    EventFactory()
    assert client.get(url, {"page": "0"}).status_code == 404


def test_online_filter_keeps_moved_online_events(client):
    """?format=online lists webinars and events moved online, not in-person ones."""
    EventFactory(title="Webinar", start_date=d(2020, 5, 2), is_online=True)
    EventFactory(
        title="Moved meeting", start_date=d(2020, 5, 3), event_status=Event.EventStatus.MOVED_ONLINE
    )
    EventFactory(title="Field visit", start_date=d(2020, 5, 4))
    assert listed(client, "/events/past/?format=online") == ["Moved meeting", "Webinar"]
    assert listed(client, "/events/past/?format=in-person") == ["Field visit"]


@pytest.mark.parametrize(
    ("precision", "first_day", "printed"),
    [("month", d(2020, 3, 1), "March 2020"), ("quarter", d(2020, 1, 1), "Quarter 1, 2020")],
)
def test_approximate_event_stays_upcoming_until_its_period_is_over(
    client, precision, first_day, printed
):
    """An event "in March" or "in Q1" is upcoming (never "ongoing") until 31 March ends in Hanoi."""
    with time_machine.travel(datetime.datetime(2019, 12, 1, tzinfo=UTC), tick=False):
        EventFactory(title="Survey launch", start_date=first_day, precision=precision)
    with time_machine.travel(datetime.datetime(2020, 3, 20, tzinfo=UTC), tick=False):
        assert printed in card(client, "/events/", "Survey launch")
        assert "Ongoing" not in card(client, "/events/", "Survey launch")
    with time_machine.travel(datetime.datetime(2020, 3, 31, 16, 59, tzinfo=UTC), tick=False):
        assert listed(client, "/events/") == ["Survey launch"]
    with time_machine.travel(datetime.datetime(2020, 3, 31, 17, 0, tzinfo=UTC), tick=False):
        assert listed(client, "/events/") == []
        assert printed in card(client, "/events/past/", "Survey launch")


@pytest.fixture
def approximate_events():
    """Events of 2027 known to the day, to the month, to the quarter, and not yet dated.

    The approximate ones carry the placeholder first day staff are asked to give.
    """
    with time_machine.travel(datetime.datetime(2027, 1, 10, 3, 0, tzinfo=UTC), tick=False):
        EventFactory(title="April workshop", start_date=d(2027, 4, 2))
        EventFactory(title="Training on 1 April", start_date=d(2027, 4, 1))
        EventFactory(
            title="Survey in the second quarter", start_date=d(2027, 4, 1), precision="quarter"
        )
        EventFactory(title="Launch in May", start_date=d(2027, 5, 1), precision="month")
        EventFactory(title="May meeting", start_date=d(2027, 5, 20))
        EventFactory(title="Forum, date to come", start_date=d(2027, 2, 1), precision="tbc")
        EventFactory(title="February dialogue", start_date=d(2027, 2, 15))
        yield


def test_approximate_events_have_their_own_headings_in_the_list(client, approximate_events):
    """A quarter is "Quarter 2, 2027", an undated event "Date to be confirmed" (last), never
    under the month of their placeholder day; an event known to the month is under its month."""
    assert months(client, "/events/") == [
        ("February 2027", ["February dialogue"]),
        ("April 2027", ["Training on 1 April", "April workshop"]),
        ("Quarter 2, 2027", ["Survey in the second quarter"]),
        ("May 2027", ["Launch in May", "May meeting"]),
        ("Date to be confirmed", ["Forum, date to come"]),
    ]
    assert months(client, "/vi/events/")[2][0] == "Quý 2 năm 2027"
    assert months(client, "/vi/events/")[-1][0] == "Thời gian sẽ thông báo sau"
    assert "May 2027" in card(client, "/events/", "Launch in May")
    assert "1 May" not in card(client, "/events/", "Launch in May")


def test_approximate_events_are_not_in_the_calendar_file(client, approximate_events):
    """Calendars need a day: only the events known to the day are in the .ics."""
    with time_machine.travel(datetime.datetime(2027, 1, 10, 3, 0, tzinfo=UTC), tick=False):
        calendar = icalendar.Calendar.from_ical(client.get("/events/calendar.ics").content)
    titles = sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT"))
    assert titles == ["April workshop", "February dialogue", "May meeting", "Training on 1 April"]


@pytest.mark.parametrize("url", ["/events/", "/news/", "/programmes/"])
def test_an_empty_list_keeps_its_filters_behind_a_disclosure(client, url):
    """Nothing to show: the filter boxes fold away behind "Filter", the empty state leads."""
    EventFactory(title="Past workshop", start_date=d(2020, 7, 28))
    page = client.get(url).content.decode()
    assert '<details class="filter-disclosure"><summary>Filter</summary>' in page
    assert page.index("<details") < page.index('<form class="filters"') < page.index("</details>")


def test_a_list_with_events_or_active_filters_shows_its_filters_open(client):
    """Filters stay in view when there is something to narrow down or a filter to change."""
    EventFactory(title="Future workshop", start_date=office_today() + datetime.timedelta(days=5))
    assert "filter-disclosure" not in client.get("/events/").content.decode()
    page = client.get("/events/past/", {"kind": "webinar"}).content.decode()
    assert "filter-disclosure" not in page and '<form class="filters"' in page
