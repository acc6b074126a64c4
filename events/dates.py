"""The one formatter of event dates on the site, as the office prints them.

English (the seed's style):   17 September 2020 | 22 - 23 July 2020 |
1 January - 30 April 2020 | 29 December 2020 - 3 January 2021
Vietnamese:                   17/9/2020 | 22 - 23/7/2020 | 1/1 - 30/4/2020 |
29/12/2020 - 3/1/2021

Approximate dates print only what is known ("March 2020", "Quarter 1, 2020",
"Date to be confirmed"), and timed events add their hours and zone.
"""

import datetime

from django.utils import translation
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _


def _en(day: datetime.date, *, month=True, year=True) -> str:
    parts = [str(day.day)]
    if month:
        parts.append(str(MONTHS[day.month]))
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


def _lang(lang):
    return (lang or translation.get_language() or "en").split("-")[0]


def format_date_range(start: datetime.date, end: datetime.date | None = None, lang=None) -> str:
    """Print the days from `start` to `end` (inclusive), sharing month and year where they match."""
    if _lang(lang) == "vi":
        return _format(_vi, start, end)
    # MONTHS holds lazy strings: render the English names whatever the active language.
    with translation.override("en"):
        return _format(_en, start, end)


def _format(fmt, start, end):
    if end is None or end == start:
        return fmt(start)
    if start.year != end.year:
        return f"{fmt(start)} - {fmt(end)}"
    if start.month != end.month:
        return f"{fmt(start, year=False)} - {fmt(end)}"
    return f"{fmt(start, month=False, year=False)} - {fmt(end)}"


def format_approximate(precision: str, start: datetime.date, lang=None) -> str:
    """'March 2020', 'Quarter 1, 2020' or 'Date to be confirmed', in the reader's language."""
    lang = _lang(lang)
    with translation.override(lang):
        if precision == "month":
            if lang == "vi":
                return f"Tháng {start.month}/{start.year}"
            return f"{MONTHS[start.month]} {start.year}"
        if precision == "quarter":
            quarter = (start.month - 1) // 3 + 1
            return _("Quarter %(quarter)s, %(year)s") % {"quarter": quarter, "year": start.year}
        return _("Date to be confirmed")


def format_time_range(start: datetime.datetime, end: datetime.datetime | None) -> str:
    """'09:00 - 17:00' in the zone the datetimes carry."""
    if end is None or end == start:
        return start.strftime("%H:%M")
    return f"{start.strftime('%H:%M')} - {end.strftime('%H:%M')}"


def format_event_dates(event, lang=None) -> str:
    """Everything the site prints about when an event happens, in one line."""
    if event.precision != "exact":
        return format_approximate(event.precision, event.start_date, lang)
    return format_date_range(event.start_date, event.end_date, lang)
