"""RSS 2.0 and Atom feeds of newly announced events, newest announcement first.

A thin layer over `Event.objects.published()`, so drafts and scheduled events never
reach a subscriber. An item's GUID is the event's calendar UID, which survives a
change of slug or of dates: a rescheduled event is updated in feed readers, not
announced a second time. Each item says when and where the event is, as the pages
print it, and whether it is cancelled, postponed or moved online.

Escaping and XML-safe text are the site's feed base (ilo_office.feeds), shared with
the newsroom: titles reach readers as text, and control characters pasted into any
field are dropped rather than breaking the feed.
"""

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.dates import format_event_when
from events.models import Event
from ilo_office.feeds import SiteFeed, atom
from programmes.models import published_programmes

FEED_SIZE = 30


def status_prefixed(event):
    """'Cancelled: Workshop' for any event not going ahead as planned."""
    if event.event_status == Event.EventStatus.SCHEDULED:
        return event.title
    return _("%(status)s: %(title)s") % {
        "status": event.get_event_status_display(),
        "title": event.title,
    }


class EventFeed(SiteFeed):
    """Every published event, most recently announced first."""

    title = gettext_lazy("ILO in Viet Nam: events")
    description = gettext_lazy(
        "Meetings, workshops, webinars and study visits newly announced by the "
        "ILO Country Office for Viet Nam."
    )

    def link(self):
        return reverse("events:event_list")

    # `language` is left unset: Django then declares the active one, that of the URL
    # (/vi/...), which is also the language the dates in each item are printed in.

    def items(self):
        return (
            Event.objects.published()
            .prefetch_related(published_programmes(), "themes")
            .order_by("-publish_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        return status_prefixed(item)

    def item_description(self, item):
        # HTML, each fact escaped here (format_html): readers render it as markup, and the
        # feed base leaves HTML marked safe as it is.
        facts = [format_event_when(item)]
        if item.event_status != Event.EventStatus.SCHEDULED:
            facts.append(item.get_event_status_display())
        where = {
            "online": _("Online"),
            "mixed": _("%(place)s and online") % {"place": item.place},
            "in_person": item.place,
        }[item.attendance]
        if where:
            facts.append(where)
        html = format_html("<p>{}</p>", format_html_join(" · ", "{}", ((f,) for f in facts)))
        if item.summary:
            html += format_html("<p>{}</p>", item.summary)
        return html

    def item_guid(self, item):
        return f"urn:uuid:{item.uid}"

    item_guid_is_permalink = False

    def item_categories(self, item):
        return [
            item.get_kind_display(),
            *(programme.name for programme in item.programmes.all()),
            *(theme.name for theme in item.themes.all()),
        ]


class EventAtomFeed(atom(EventFeed)):
    subtitle = EventFeed.description
