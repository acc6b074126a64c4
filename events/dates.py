"""The one formatter of date ranges on the site, as the office prints them.

English (the seed's style):   17 September 2020 | 22 - 23 July 2020 |
1 January - 30 April 2020 | 29 December 2020 - 3 January 2021
Vietnamese:                   17/9/2020 | 22 - 23/7/2020 | 1/1 - 30/4/2020 |
29/12/2020 - 3/1/2021
"""

import datetime

from django.utils import translation
from django.utils.dates import MONTHS


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


def format_date_range(start: datetime.date, end: datetime.date | None = None, lang=None) -> str:
    """Print the days from `start` to `end` (inclusive), sharing month and year where they match."""
    lang = (lang or translation.get_language() or "en").split("-")[0]
    if lang == "vi":
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
