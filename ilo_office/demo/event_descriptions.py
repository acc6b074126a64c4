"""The seed events' descriptions, as the events page prints them (seed 002).

The loader creates the events with their summaries; this fills their description
field with the seed's full text. Like the loader, it never overwrites what staff
have written: an existing description is replaced only with `refresh=True`.
"""

import html

from events.models import Event
from ilo_office.demo import content
from ilo_office.markup import clean_html


def seed_description(spec):
    """The seed's text as stored: one escaped paragraph, cleaned as Event.save() cleans it."""
    text = spec.get("description", "")
    return clean_html(f"<p>{html.escape(text, quote=False)}</p>") if text else ""


def load_event_descriptions(loader):
    for spec in content.EVENTS:
        description = seed_description(spec)
        if not description:
            continue
        event = Event.objects.filter(slug=content.event_slug(spec)).first()
        if event is None or event.description == description:
            continue
        # Empty means the loader has just created the event (or it predates the
        # descriptions): filling it is part of loading, not an edit to report.
        if not event.description or loader.refresh:
            if event.description:
                loader.updated[Event._meta.verbose_name_plural] += 1
            event.description = description
            event.save()
