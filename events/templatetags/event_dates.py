from django import template

from events.dates import (
    format_date_range,
    format_event_dates,
    format_event_times,
    format_event_when,
    format_month,
    group_events,
)

register = template.Library()


@register.simple_tag
def date_range(start, end=None):
    """`{% date_range event.start_date event.end_date %}` -> "22 - 23 July 2020"."""
    return format_date_range(start, end)


@register.simple_tag
def event_dates(event, zone=None):
    """`{% event_dates event %}`: the days, as precise as staff know them."""
    return format_event_dates(event, zone=zone)


@register.simple_tag
def event_times(event, zone=None):
    """`{% event_times event %}` -> "09:00 - 12:00 (Hanoi time)", in the event's zone or `zone`."""
    return format_event_times(event, zone=zone)


@register.simple_tag
def event_when(event, zone=None):
    """`{% event_when event %}` -> "23 July 2020, 14:00 - 16:00 (Hanoi time)"."""
    return format_event_when(event, zone=zone)


@register.simple_tag
def month_heading(day):
    """`{% month_heading event.start_date %}` -> "September 2020" / "Tháng 9 năm 2020"."""
    return format_month(day)


@register.simple_tag
def event_groups(events):
    """`{% event_groups events as groups %}`: [{id, heading, events}], see `group_events`."""
    return group_events(events)


@register.simple_tag
def event_datetime(event):
    """The machine-readable start for `<time datetime>`: a date, or an instant with its offset."""
    # Only what is known: an event "in March 2020" is "2020-03", not 1 March.
    if event.precision == "month":
        return event.start_date.strftime("%Y-%m")
    if event.precision != "exact":
        return str(event.start_date.year)
    if event.is_all_day:
        return event.start_date.isoformat()
    return event.starts_at.isoformat(timespec="minutes")
