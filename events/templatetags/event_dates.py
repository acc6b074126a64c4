from django import template

from events.dates import format_date_range, format_event_dates, format_time_range

register = template.Library()


@register.simple_tag
def date_range(start, end=None):
    """`{% date_range event.start_date event.end_date %}` -> "22 - 23 July 2020"."""
    return format_date_range(start, end)


@register.simple_tag
def event_dates(event):
    """`{% event_dates event %}`: the dates as precise as staff know them."""
    return format_event_dates(event)


@register.simple_tag
def event_times(event, zone=None):
    """`{% event_times event %}` -> "09:00 - 12:00", in the event's zone or in `zone`."""
    if event.is_all_day:
        return ""
    starts, ends = event.starts_at, event.ends_at
    if zone is not None:
        starts, ends = starts.astimezone(zone), ends.astimezone(zone)
    return format_time_range(starts, ends)
