"""The rich-text editor of the admin (django-prose-editor), limited to the site's allow-list.

The toolbar offers only what `ilo_office.markup` lets through: headings h2 to h4,
bold, italic, bullet and numbered lists, links, quotes and tables. There is no
raw-HTML mode. Whatever the browser sends is still cleaned by `clean_html` when the
form is validated, and again by the model when it is saved: the allow-list in
ilo_office.markup stays the one authority.
"""

import re

from django import forms
from django_prose_editor.fields import ProseEditorFormField
from django_prose_editor.widgets import AdminProseEditorWidget

from ilo_office.markup import ALLOWED_URL_SCHEMES, clean_html

EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": sorted(ALLOWED_URL_SCHEMES)},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "History": True,
}

_EMPTY = re.compile(r"^<(?P<tag>\w+)></(?P=tag)>$")


def sanitize(html):
    """The editor's output reduced to the allow-list; an empty paragraph is no text."""
    html = clean_html(html or "")
    return "" if _EMPTY.match(html.strip()) else html


class RichTextWidget(AdminProseEditorWidget):
    """The editor, with its toolbar icons drawn as inline SVG rather than from an icon font
    (static/backoffice/editor-icons.js says why)."""

    @property
    def media(self):
        return super().media + forms.Media(js=["backoffice/editor-icons.js"])


def rich_text_formfield(field):
    """The same form field (label, help, required) edited with the rich-text editor."""
    attrs = {k: v for k, v in field.widget.attrs.items() if k in ("class",)}
    return ProseEditorFormField(
        config={"extensions": EXTENSIONS},
        sanitize=sanitize,
        widget=RichTextWidget(attrs=attrs),
        required=field.required,
        label=field.label,
        help_text=field.help_text,
        initial=field.initial,
    )
