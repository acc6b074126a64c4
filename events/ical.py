"""iCalendar output: one file per event, and subscription feeds.

Subscribed calendars match events by UID and take a higher SEQUENCE as an
update, so the UID is a UUID stored with the event (never derived from the slug
or the dates, which staff may change) and SEQUENCE is raised by `Event.save()`
whenever a public field changes. Only events with exact dates are exported: an
event "in March" has no day a calendar could put it on.
"""

import datetime

import icalendar

PRODID = "-//ILO Country Office for Viet Nam//Events//EN"
UID_DOMAIN = "vietnam.ilo.org"

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
    prefixes = {"cancelled": "Cancelled: ", "postponed": "Postponed: "}
    return prefixes.get(event.event_status, "") + event.title


def _location(event):
    if event.event_status == "moved_online":
        return "Online"
    if event.is_online:
        return f"{event.place} and online" if event.place else "Online"
    return event.place


def event_component(event, build_url):
    """The VEVENT of `event`; `build_url(path)` makes an absolute URL."""
    component = icalendar.Event()
    url = build_url(event.get_absolute_url())
    component.add("uid", f"{event.uid}@{UID_DOMAIN}")
    component.add("sequence", event.sequence)
    component.add("dtstamp", event.updated_at.astimezone(datetime.UTC))
    component.add("created", event.created_at.astimezone(datetime.UTC))
    component.add("last-modified", event.updated_at.astimezone(datetime.UTC))
    component.add("summary", _summary(event))
    description = "\n\n".join(part for part in (event.summary, url) if part)
    component.add("description", description)
    location = _location(event)
    if location:
        component.add("location", location)
    component.add("url", url)
    component.add("status", STATUS[event.event_status])
    if event.is_all_day:
        component.add("dtstart", event.start_date)
        component.add("dtend", exclusive_end(event.last_date))
        component.add("transp", "TRANSPARENT")
    else:
        component.add("dtstart", event.starts_at)
        if event.end_time or event.end_date:
            component.add("dtend", event.ends_at)
    return component


def calendar(events, build_url, name=None):
    """A VCALENDAR holding `events`, with the VTIMEZONEs their times need, as bytes."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
        cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
        cal.add("refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", "PT6H")
    for event in events:
        cal.add_component(event_component(event, build_url))
    cal.add_missing_timezones()
    return cal.to_ical()
