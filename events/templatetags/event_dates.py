from django import template

from events.dates import format_date_range

register = template.Library()


@register.simple_tag
def date_range(start, end=None):
    """`{% date_range event.start_date event.end_date %}` -> "22 - 23 July 2020"."""
    return format_date_range(start, end)
