"""The one formatter of event dates on the site, as the office prints them.

English (the seed's style):   17 September 2020 | 22 - 23 July 2020 |
1 January - 30 April 2020 | 29 December 2020 - 3 January 2021
Vietnamese (the numeric style of Vietnamese official and press writing):
17/9/2020 | 22 - 23/7/2020 | 1/1 - 30/4/2020 | 29/12/2020 - 3/1/2021

Month headings and approximate dates print only what is known: "September 2020" /
"Tháng 9 năm 2020", "Quarter 1, 2020" / "Quý 1 năm 2020", "Date to be confirmed" /
"Thời gian sẽ thông báo sau". Timed events add their hours and zone, converted to
another zone on request (a webinar set in Geneva is also shown in Hanoi time, where
it may fall on the next day).

The words are spelled out here for both languages rather than left to gettext:
dates are data readers plan travel with, so their wording is pinned by unit tests
and must not depend on whether a translation catalogue has been compiled.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.utils import translation

MONTH_NAMES_EN = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip

WORDS = {
    "en": {
        "month": "{month_name} {year}",
        "quarter": "Quarter {quarter}, {year}",
        "tbc": "Date to be confirmed",
        "office_zone": "Hanoi time",
    },
    "vi": {
        "month": "Tháng {month} năm {year}",
        "quarter": "Quý {quarter} năm {year}",
        "tbc": "Thời gian sẽ thông báo sau",
        "office_zone": "giờ Hà Nội",
    },
}


def _lang(lang=None):
    lang = (lang or translation.get_language() or "en").split("-")[0]
    return lang if lang in WORDS else "en"


def _en(day: datetime.date, *, month=True, year=True) -> str:
    parts = [str(day.day)]
    if month:
        parts.append(MONTH_NAMES_EN[day.month - 1])
    if year:
        parts.append(str(day.year))
    return " ".join(parts)


def _vi(day: datetime.date, *, month=True, year=True) -> str:
    text = str(day.day)
    if month:
        text += f"/{day.month}"
    if year:
        text += f"/{day.year}"
    return text


def format_date_range(start: datetime.date, end: datetime.date | None = None, lang=None) -> str:
    """Print the days from `start` to `end` (inclusive), sharing month and year where they match."""
    fmt = _vi if _lang(lang) == "vi" else _en
    if end is None or end == start:
        return fmt(start)
    if start.year != end.year:
        return f"{fmt(start)} - {fmt(end)}"
    if start.month != end.month:
        return f"{fmt(start, year=False)} - {fmt(end)}"
    return f"{fmt(start, month=False, year=False)} - {fmt(end)}"


def format_month(day: datetime.date, lang=None) -> str:
    """The heading of a month on the lists: 'September 2020' / 'Tháng 9 năm 2020'."""
    return WORDS[_lang(lang)]["month"].format(
        month_name=MONTH_NAMES_EN[day.month - 1], month=day.month, year=day.year
    )


def format_approximate(precision: str, start: datetime.date, lang=None) -> str:
    """'March 2020', 'Quarter 1, 2020' or 'Date to be confirmed', in the reader's language."""
    if precision == "month":
        return format_month(start, lang)
    if precision == "quarter":
        quarter = (start.month - 1) // 3 + 1
        return WORDS[_lang(lang)]["quarter"].format(quarter=quarter, year=start.year)
    return WORDS[_lang(lang)]["tbc"]


def list_group(event, lang=None) -> tuple[str, str]:
    """(anchor id, heading) of the part of a list `event` belongs under.

    Exact and month-only events go under their month; a quarter-only event under
    "Quarter 2, 2027" and an undated one under "Date to be confirmed": their first
    day is a placeholder, so it must not place them under that day's month.
    """
    day = event.start_date
    if event.precision == "quarter":
        quarter = (day.month - 1) // 3 + 1
        return f"quarter-{day.year}-{quarter}", format_approximate("quarter", day, lang)
    if event.precision == "tbc":
        return "date-to-be-confirmed", format_approximate("tbc", day, lang)
    return f"month-{day:%Y-%m}", format_month(day, lang)


def group_events(events, lang=None) -> list[dict]:
    """A list's events under their headings, in list order; undated events last.

    Pure Python over the page already fetched: no query, and the list keeps the
    database's order within each heading.
    """
    groups: dict[str, dict] = {}
    for event in events:
        anchor, heading = list_group(event, lang)
        groups.setdefault(anchor, {"id": anchor, "heading": heading, "events": []})
        groups[anchor]["events"].append(event)
    # "Date to be confirmed" is not a point in time: it closes the list, whichever
    # placeholder day staff entered.
    return sorted(groups.values(), key=lambda group: group["id"] == "date-to-be-confirmed")


def format_time_range(start: datetime.datetime, end: datetime.datetime | None) -> str:
    """'09:00 - 17:00' in the zone the datetimes carry."""
    if end is None or end == start:
        return start.strftime("%H:%M")
    return f"{start.strftime('%H:%M')} - {end.strftime('%H:%M')}"


def format_zone(zone: zoneinfo.ZoneInfo, at: datetime.datetime, lang=None) -> str:
    """'Hanoi time' for the office's zone, else the zone's name and its UTC offset that day."""
    if zone.key == settings.TIME_ZONE:
        return WORDS[_lang(lang)]["office_zone"]
    offset = at.astimezone(zone).strftime("%z")  # "+0200"
    return f"{zone.key}, UTC{offset[:3]}:{offset[3:]}"


def _in_zone(event, zone):
    starts = event.starts_at.astimezone(zone)
    # A timed event given without an end time is printed as its start alone.
    has_end = event.end_time is not None or event.end_date is not None
    ends = event.ends_at.astimezone(zone) if has_end else None
    return starts, ends


def format_event_dates(event, lang=None, zone=None) -> str:
    """The days of an event, as precise as staff know them; in `zone` if it is timed."""
    if event.precision != "exact":
        return format_approximate(event.precision, event.start_date, lang)
    if event.is_all_day or zone is None:
        return format_date_range(event.start_date, event.end_date, lang)
    starts, ends = _in_zone(event, zone)
    return format_date_range(starts.date(), ends.date() if ends else None, lang)


def format_event_times(event, lang=None, zone=None) -> str:
    """'14:00 - 16:00 (Asia/Bangkok, UTC+07:00)': the hours of a timed event, '' if all-day."""
    if event.is_all_day or event.precision != "exact":
        return ""
    zone = zone or event.zone
    starts, ends = _in_zone(event, zone)
    return f"{format_time_range(starts, ends)} ({format_zone(zone, starts, lang)})"


def format_event_when(event, lang=None, zone=None) -> str:
    """Everything the site prints about when an event happens, in one line.

    '22 - 23 July 2020' for an all-day event; '23 July 2020, 14:00 - 16:00 (Hanoi time)'
    for a timed one, in the event's own zone unless `zone` is given.
    """
    if event.is_all_day or event.precision != "exact":
        return format_event_dates(event, lang)
    zone = zone or event.zone
    return f"{format_event_dates(event, lang, zone)}, {format_event_times(event, lang, zone)}"
