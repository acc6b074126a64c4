"""The one date formatter: every shape of date range, in English and in Vietnamese."""

import datetime
import zoneinfo

import pytest
from django.utils import translation

from events.dates import (
    format_date_range,
    format_event_dates,
    format_event_when,
    format_month,
)
from events.models import Event

d = datetime.date
HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize(
    ("start", "end", "english", "vietnamese"),
    [
        (d(2020, 9, 17), None, "17 September 2020", "17/9/2020"),
        (d(2020, 9, 17), d(2020, 9, 17), "17 September 2020", "17/9/2020"),
        (d(2020, 7, 22), d(2020, 7, 23), "22 - 23 July 2020", "22 - 23/7/2020"),
        (d(2020, 1, 1), d(2020, 4, 30), "1 January - 30 April 2020", "1/1 - 30/4/2020"),
        (
            d(2020, 12, 29),
            d(2021, 1, 3),
            "29 December 2020 - 3 January 2021",
            "29/12/2020 - 3/1/2021",
        ),
    ],
    ids=["single-day", "same-day-twice", "within-a-month", "across-months", "across-years"],
)
def test_date_ranges_print_as_the_seed_does(start, end, english, vietnamese):
    """Each range shape prints as the seed prints it, and in the Vietnamese numeric style."""
    assert format_date_range(start, end, lang="en") == english
    assert format_date_range(start, end, lang="vi") == vietnamese


def test_the_active_language_is_used_when_none_is_given():
    """Under /vi/ the same call prints the Vietnamese form."""
    with translation.override("vi"):
        assert format_date_range(d(2020, 7, 22), d(2020, 7, 23)) == "22 - 23/7/2020"
    with translation.override("en"):
        assert format_date_range(d(2020, 7, 22), d(2020, 7, 23)) == "22 - 23 July 2020"


@pytest.mark.parametrize(
    ("day", "english", "vietnamese"),
    [
        (d(2020, 9, 1), "September 2020", "Tháng 9 năm 2020"),
        (d(2021, 1, 1), "January 2021", "Tháng 1 năm 2021"),
        (d(2020, 12, 31), "December 2020", "Tháng 12 năm 2020"),
    ],
)
def test_month_headings_in_both_languages(day, english, vietnamese):
    """The list's month headings read naturally in each language."""
    assert format_month(day, lang="en") == english
    assert format_month(day, lang="vi") == vietnamese


def event(**fields):
    return Event(**{"title": "Event", "start_date": d(2020, 3, 1), **fields})


@pytest.mark.parametrize(
    ("precision", "start", "english", "vietnamese"),
    [
        ("month", d(2020, 3, 1), "March 2020", "Tháng 3 năm 2020"),
        ("quarter", d(2020, 2, 1), "Quarter 1, 2020", "Quý 1 năm 2020"),
        ("quarter", d(2021, 11, 1), "Quarter 4, 2021", "Quý 4 năm 2021"),
        ("tbc", d(2021, 1, 1), "Date to be confirmed", "Thời gian sẽ thông báo sau"),
    ],
)
def test_approximate_dates_print_only_what_is_known(precision, start, english, vietnamese):
    """An event known only by its month or quarter never shows an invented day."""
    item = event(precision=precision, start_date=start, end_date=d(2021, 12, 31))
    assert format_event_dates(item, lang="en") == english
    assert format_event_dates(item, lang="vi") == vietnamese
    assert format_event_when(item, lang="en") == english


def test_all_day_event_prints_its_days_only():
    """An all-day event prints its range without hours."""
    item = event(start_date=d(2020, 5, 26), end_date=d(2020, 5, 27))
    assert format_event_when(item, lang="en") == "26 - 27 May 2020"
    assert format_event_when(item, lang="vi") == "26 - 27/5/2020"


def test_timed_event_in_hanoi_prints_its_hours():
    """A timed event adds its hours and says they are Hanoi time."""
    item = event(
        start_date=d(2020, 7, 23), start_time=datetime.time(9, 0), end_time=datetime.time(12, 0)
    )
    assert format_event_when(item, lang="en") == "23 July 2020, 09:00 - 12:00 (Hanoi time)"
    assert format_event_when(item, lang="vi") == "23/7/2020, 09:00 - 12:00 (giờ Hà Nội)"


def test_timed_event_without_end_time_prints_its_start():
    """A webinar given only a start time prints that time alone."""
    item = event(start_date=d(2020, 7, 16), start_time=datetime.time(14, 0))
    assert format_event_when(item, lang="en") == "16 July 2020, 14:00 (Hanoi time)"


def test_timed_range_over_two_days():
    """A timed event over two days keeps both days and its hours."""
    item = event(
        start_date=d(2020, 12, 31),
        end_date=d(2021, 1, 1),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(17, 0),
    )
    assert format_event_when(item, lang="en") == (
        "31 December 2020 - 1 January 2021, 09:00 - 17:00 (Hanoi time)"
    )
    assert format_event_when(item, lang="vi") == (
        "31/12/2020 - 1/1/2021, 09:00 - 17:00 (giờ Hà Nội)"
    )


def test_webinar_in_another_zone_is_shown_in_both_zones():
    """A Geneva evening webinar falls on the next morning in Hanoi, and both are printed so."""
    webinar = event(
        start_date=d(2020, 7, 23),
        start_time=datetime.time(20, 0),
        end_time=datetime.time(22, 0),
        time_zone="Europe/Zurich",
    )
    assert format_event_when(webinar, lang="en") == (
        "23 July 2020, 20:00 - 22:00 (Europe/Zurich, UTC+02:00)"
    )
    assert format_event_when(webinar, lang="en", zone=HANOI) == (
        "24 July 2020, 01:00 - 03:00 (Hanoi time)"
    )
    assert format_event_when(webinar, lang="vi", zone=HANOI) == (
        "24/7/2020, 01:00 - 03:00 (giờ Hà Nội)"
    )


def test_zone_offset_follows_daylight_saving():
    """The same Geneva zone is UTC+01:00 in winter."""
    webinar = event(
        start_date=d(2020, 12, 1), start_time=datetime.time(10, 0), time_zone="Europe/Zurich"
    )
    assert format_event_when(webinar, lang="en") == (
        "1 December 2020, 10:00 (Europe/Zurich, UTC+01:00)"
    )
    assert format_event_when(webinar, lang="en", zone=HANOI) == (
        "1 December 2020, 16:00 (Hanoi time)"
    )
