"""iCalendar output: one file per event, and subscription feeds.

Subscribed calendars match events by UID and take a higher SEQUENCE as an
update, so the UID is a UUID stored with the event (never derived from the slug
or the dates, which staff may change) and SEQUENCE is raised by `Event.save()`
whenever a public field changes. Only events with exact dates are exported: an
event "in March" has no day a calendar could put it on.
"""

import datetime
import functools

import icalendar
from django.utils.translation import gettext

PRODID = "-//ILO Country Office for Viet Nam//Events//EN"
UID_DOMAIN = "vietnam.ilo.org"
# RFC 5545 3.1: content lines SHOULD NOT be longer than 75 octets, excluding the line break.
LINE_OCTETS = 75

# RFC 5545 has no "postponed". CANCELLED would make most clients delete or strike
# the event, yet a postponed event is still going to happen and subscribers want to
# keep it in view; TENTATIVE ("not confirmed") is the honest state until staff set
# new dates (which raises SEQUENCE and updates the copy in place). Few clients show
# TENTATIVE visibly, so SUMMARY also starts with "Postponed: " (see `_summary`).
# "Moved online" is still happening as planned: CONFIRMED, with LOCATION "Online".
STATUS = {
    "scheduled": "CONFIRMED",
    "moved_online": "CONFIRMED",
    "postponed": "TENTATIVE",
    "cancelled": "CANCELLED",
}


def exclusive_end(last_day: datetime.date) -> datetime.date:
    """DTEND of an all-day event is exclusive (RFC 5545): the day *after* the last day."""
    return last_day + datetime.timedelta(days=1)


def _summary(event):
    # In the calendar's language, as the feeds write it ("Đã hủy: ..." under /vi/).
    if event.event_status not in ("cancelled", "postponed"):
        return event.title
    return gettext("%(status)s: %(title)s") % {
        "status": event.get_event_status_display(),
        "title": event.title,
    }


def _location(event):
    # In the calendar's language, like the place itself (/vi/...ics: "Hà Nội, Việt Nam").
    return {
        "online": gettext("Online"),
        "mixed": gettext("%(place)s and online") % {"place": event.place},
        "in_person": event.place,
    }[event.attendance]


def _fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character.

    Nor right after a backslash, so that a TEXT escape such as \\, stays on one line
    (as icalendar does, for clients that unescape before unfolding).
    """
    data = line.encode()
    if len(data) <= LINE_OCTETS:
        return line
    parts, start, limit = [], 0, LINE_OCTETS
    while len(data) - start > limit:
        cut = start + limit
        # Back off from a UTF-8 continuation byte (10xxxxxx) or an escape's backslash.
        while cut - 1 > start and ((data[cut] & 0xC0) == 0x80 or data[cut - 1] == 0x5C):
            cut -= 1
        parts.append(data[start:cut])
        start, limit = cut, LINE_OCTETS - 1  # a continuation line starts with a space
    parts.append(data[start:])
    return "\r\n ".join(part.decode() for part in parts)


def _text(value) -> str:
    """A TEXT value, escaped by icalendar (backslash, comma, semicolon, newline)."""
    return icalendar.vText(value).to_ical().decode()


# DATE and DATE-TIME values (RFC 5545 3.3.4, 3.3.5): a date, a UTC time ("Z"), or a
# wall-clock time that the line qualifies with TZID. strftime, not icalendar's vDate and
# vDatetime, which look the zone up again for every value.
def _date(day) -> str:
    return day.strftime("%Y%m%d")


def _utc(moment) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _local(moment) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def event_lines(event, build_url):
    """The content lines of the VEVENT of `event`; `build_url(path)` makes an absolute URL.

    Written line by line rather than through `icalendar.Event`: icalendar's component
    model costs about 2.5 ms per event (a year of events took seconds), while the values
    are still escaped by icalendar (`vText`), and the VTIMEZONEs are icalendar's.
    """
    url = build_url(event.get_absolute_url())
    description = "\n\n".join(part for part in (event.summary, url) if part)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_text(f'{event.uid}@{UID_DOMAIN}')}",
        f"SEQUENCE:{event.sequence}",
        f"DTSTAMP:{_utc(event.updated_at)}",
        f"CREATED:{_utc(event.created_at)}",
        f"LAST-MODIFIED:{_utc(event.updated_at)}",
        f"SUMMARY:{_text(_summary(event))}",
        f"DESCRIPTION:{_text(description)}",
    ]
    location = _location(event)
    if location:
        lines.append(f"LOCATION:{_text(location)}")
    lines += [f"URL:{url}", f"STATUS:{STATUS[event.event_status]}"]
    if event.is_all_day:
        lines += [
            f"DTSTART;VALUE=DATE:{_date(event.start_date)}",
            f"DTEND;VALUE=DATE:{_date(exclusive_end(event.last_date))}",
            "TRANSP:TRANSPARENT",
        ]
    elif event.daily_days:
        # The same hours on each day: the first day's DTSTART/DTEND repeated by a
        # DAILY RRULE with COUNT (RFC 5545 3.8.5.3). One VEVENT keeps one UID and one
        # SEQUENCE, so a subscriber's update or cancellation reaches every day at once
        # (per-day VEVENTs would need a UID each and could be left behind when the
        # dates shrink); every common client expands a daily COUNT rule.
        lines.append(f"DTSTART;TZID={event.time_zone}:{_local(event.starts_at)}")
        if event.end_time:
            lines.append(f"DTEND;TZID={event.time_zone}:{_local(event.first_day_ends_at)}")
        lines.append(f"RRULE:FREQ=DAILY;COUNT={event.daily_days}")
    else:
        lines.append(f"DTSTART;TZID={event.time_zone}:{_local(event.starts_at)}")
        if event.end_time or event.end_date:
            lines.append(f"DTEND;TZID={event.time_zone}:{_local(event.ends_at)}")
    lines.append("END:VEVENT")
    return [_fold(line) for line in lines]


@functools.cache
def vtimezone(tzid: str) -> str:
    """The VTIMEZONE of a zone, made once per process (icalendar takes ~0.1 s per zone)."""
    return icalendar.Timezone.from_tzid(tzid).to_ical().decode()


def entry(event, build_url):
    """(the VEVENT's content lines, the zone its times need or None): what a calendar file
    holds of one event, and what a caller may keep to make the next file with."""
    return event_lines(event, build_url), None if event.is_all_day else event.time_zone


def calendar(events, build_url, name=None):
    """A VCALENDAR holding `events`, with the VTIMEZONEs their times need, as bytes."""
    return assemble([entry(event, build_url) for event in events], name=name)


def assemble(entries, name=None):
    """A VCALENDAR of `entries` (each from `entry()`), as bytes."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        # An X- property is not typed text by default: without vText a line break in a
        # programme's name reaches the serializer unescaped and it refuses (a 500).
        cal.add("x-wr-calname", icalendar.vText(name))
        cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
        cal.add("refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", "PT6H")
    head = cal.to_ical().decode().removesuffix("END:VCALENDAR\r\n")
    zones = {zone for _lines, zone in entries if zone}
    # VTIMEZONEs come before the events that refer to them.
    timezones = "".join(vtimezone(tzid) for tzid in sorted(zones))
    events_text = "".join(f"{line}\r\n" for lines, _zone in entries for line in lines)
    return (head + timezones + events_text + "END:VCALENDAR\r\n").encode()
