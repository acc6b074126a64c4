"""Acceptance: with the demo content, the events pages and .ics files match the seed document.

The expectations are read from the seed itself (tests/seeds/, the events page),
not from the loader's data, so a slip in either the loader or the pages shows up.
"""

import datetime
import html as html_lib
import re
from calendar import month_name
from pathlib import Path

import icalendar
import pytest
from django.conf import settings
from django.core.management import call_command

from events.models import Event

pytestmark = pytest.mark.django_db

MONTHS = {month_name[n]: n for n in range(1, 13)}
MONTH_LINE = re.compile(rf"^({'|'.join(MONTHS)}) (\d{{4}})$")
ITEM_LINE = re.compile(r"^\s+\d+\. (.+)$")
DATES_LINE = re.compile(r"^\s+(\d{1,2}( \w+)?( \d{4})?( - \d{1,2} \w+ \d{4})?)$")


def seed_file():
    # tests/seeds/ is the repository's copy, so the test also runs on a clean clone.
    for folder in (
        Path(__file__).parent / "seeds",
        settings.BASE_DIR.parent / "shared" / "seeds",
        Path("/work/shared/seeds"),
    ):
        for path in sorted(folder.glob("*.txt")):
            if path.read_text(encoding="utf-8").startswith("Events and meetings"):
                return path
    pytest.skip("the seed documents are not beside the project")


def seed_events():
    """[(month heading, title, printed dates)] in the seed's order."""
    events, month, title = [], None, None
    for line in seed_file().read_text(encoding="utf-8").splitlines():
        if MONTH_LINE.match(line):
            month = line
        elif match := ITEM_LINE.match(line):
            title = match.group(1)
        elif title and (match := DATES_LINE.match(line)):
            events.append((month, title, match.group(1)))
            title = None
    return events


def parse_printed(printed):
    """'1 January - 30 April 2020' -> (date(2020, 1, 1), date(2020, 4, 30))."""
    first, _, last = printed.partition(" - ")
    last = last or first
    last_day, last_month, last_year = last.split()
    end = datetime.date(int(last_year), MONTHS[last_month], int(last_day))
    parts = first.split()
    start = datetime.date(
        int(parts[2]) if len(parts) > 2 else end.year,
        MONTHS[parts[1]] if len(parts) > 1 else end.month,
        int(parts[0]),
    )
    return start, end


def squash(text):
    """Compare titles without the seed's stray spaces and typography."""
    return re.sub(r"\W", "", html_lib.unescape(text)).lower()


@pytest.fixture
def demo():
    call_command("load_demo_content", verbosity=0)


def test_seed_parser_reads_twenty_events():
    """The seed's events page holds 20 events with their printed dates."""
    events = seed_events()
    assert len(events) == 20
    assert ("January 2020", "ENHANCE project to develop child labour free certification scheme",
            "1 January - 30 April 2020") in events  # fmt: skip
    assert parse_printed("29 December 2020 - 3 January 2021") == (
        datetime.date(2020, 12, 29),
        datetime.date(2021, 1, 3),
    )


def rendered_past_list(client):
    """[(month heading, title, printed dates)] as /events/past/ shows them."""
    page = client.get("/events/past/").content.decode()
    rows, month = [], None
    pattern = re.compile(
        r'<h2 id="month-[\d-]+">(?P<month>[^<]+)</h2>'
        r'|<time datetime="[^"]+">(?P<dates>[^<]+)</time>.*?'
        r'class="card-title"><a href="[^"]+">(?P<title>[^<]+)</a>',
        re.S,
    )
    for match in pattern.finditer(page):
        if match["month"]:
            month = match["month"]
        else:
            rows.append((month, html_lib.unescape(match["title"]), match["dates"]))
    return rows


def test_past_list_reproduces_the_seed_exactly(demo, client):
    """/events/past/ lists the seed's events in its order, under its months, with its dates."""
    rendered = rendered_past_list(client)
    seed = seed_events()
    assert [(month, dates) for month, _t, dates in rendered] == [
        (month, dates) for month, _t, dates in seed
    ]
    for (_m, shown, _d), (_m2, printed, _d2) in zip(rendered, seed, strict=True):
        assert squash(shown)[:30] == squash(printed)[:30], (shown, printed)


def test_every_seed_event_ics_has_its_exact_days(demo, client):
    """Each seed event's .ics parses, with all-day DTSTART and an exclusive DTEND as printed."""
    expected = {squash(title)[:30]: parse_printed(dates) for _m, title, dates in seed_events()}
    events = list(Event.objects.published().exclude(slug__startswith="sample-"))
    assert len(events) == len(expected)
    for event in events:
        start, end = expected[squash(event.title)[:30]]
        response = client.get(f"/events/{event.slug}.ics")
        assert response.status_code == 200, event.slug
        (vevent,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
        assert vevent.decoded("dtstart") == start, event.title
        assert vevent.decoded("dtend") == end + datetime.timedelta(days=1), event.title
        raw = response.content.decode()
        assert f"DTSTART;VALUE=DATE:{start:%Y%m%d}" in raw, event.title


def test_four_month_project_has_the_acceptance_dates(demo, client):
    """The "1 January - 30 April 2020" event runs DTSTART 20200101 to DTEND 20200501."""
    event = Event.objects.get(title__startswith="ENHANCE project to develop child labour free")
    raw = client.get(f"/events/{event.slug}.ics").content
    assert b"DTSTART;VALUE=DATE:20200101" in raw
    assert b"DTEND;VALUE=DATE:20200501" in raw


def test_year_calendar_holds_every_seed_event(demo, client):
    """The 2020 calendar file parses and holds each of the seed's events (all of 2020) once.

    The subscription calendar covers upcoming events and the last 12 months only; each
    year's events are in that year's file.
    """
    calendar = icalendar.Calendar.from_ical(client.get("/events/calendar/2020.ics").content)
    uids = [str(vevent["uid"]) for vevent in calendar.walk("VEVENT")]
    assert len(uids) == len(set(uids)) == len(seed_events())
