"""The seed events' descriptions, as the events page prints them (seed 002), in the form
the loader writes them (and fingerprints them: see ilo_office.demo.loader)."""

import html

from ilo_office.markup import clean_html


def seed_description(spec):
    """The seed's text as stored: one escaped paragraph, cleaned as Event.save() cleans it."""
    text = spec.get("description", "")
    return clean_html(f"<p>{html.escape(text, quote=False)}</p>") if text else ""
