"""The base of every RSS 2.0 and Atom feed of the site (the newsroom's and the events').

Staff text is plain text, and must reach subscribers as such. Two traps are closed
here, once, for every feed. Readers take RSS `<description>` and Atom
`<summary type="html">` as HTML, and RSS leaves open whether a `<title>` is text or
HTML (many readers, and feedparser, guess HTML when it looks like it), so those
strings are HTML-escaped before the XML escaping: XML escaping alone would hand such
readers live markup. Atom titles are declared text and stay as typed. A feed that
builds its own HTML (an event's "when and where" paragraphs) returns it marked safe
(`format_html`), having escaped what it put in, and it is not escaped again.
And XML 1.0 cannot carry most control characters (a vertical tab pasted from a word
processor), on which Django's feed writer raises a 500, so they are dropped from every
string of the feed.
"""

import copy
import re

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.safestring import SafeData, mark_safe

# Characters XML 1.0 does not allow: C0 controls but tab, newline and carriage
# return, and the two non-characters U+FFFE and U+FFFF.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(value):
    """`value` with the characters XML 1.0 cannot carry removed, in strings, lists and dicts.

    HTML marked safe stays marked: removing control characters adds no markup.
    """
    if isinstance(value, str):
        cleaned = NOT_XML.sub("", value)
        return mark_safe(cleaned) if isinstance(value, SafeData) else cleaned  # noqa: S308
    if isinstance(value, list | tuple):
        return type(value)(xml_safe(v) for v in value)
    if isinstance(value, dict):
        return {k: xml_safe(v) for k, v in value.items()}
    return value


def as_html_text(text):
    """Plain text made into HTML that shows the same text: `&`, `<` and `>` escaped.

    Quotes are left alone (they only matter inside attributes), so that readers
    that take the element as text after all show "ILO's", not "ILO&#x27;s".
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class PlainTextMixin:
    """Keeps every string of a feed within what XML 1.0 can carry, and turns the plain
    text of the elements readers take as HTML (`html_fields`) into HTML."""

    # The feed's and the items' strings that readers take as HTML in this format.
    html_fields = ("description",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.feed = self.as_plain_text(self.feed)

    def add_item(self, *args, **kwargs):
        super().add_item(*args, **kwargs)
        self.items[-1] = self.as_plain_text(self.items[-1])

    def as_plain_text(self, fields):
        fields = xml_safe(fields)
        for name in self.html_fields:
            value = fields.get(name)
            if value and not isinstance(value, SafeData):
                fields[name] = as_html_text(str(value))
        return fields


class PlainTextRssFeed(PlainTextMixin, Rss201rev2Feed):
    html_fields = ("title", "description")


class PlainTextAtomFeed(PlainTextMixin, Atom1Feed):
    pass


class SiteFeed(Feed):
    """A feed of the site: RSS with the plain-text rules above, and the request at hand.

    Subclass it for each feed; `atom(feed_class)` makes its Atom twin.
    """

    feed_type = PlainTextRssFeed
    atom_type = PlainTextAtomFeed
    author_name = "ILO Country Office for Viet Nam"

    def __call__(self, request, *args, **kwargs):
        # One Feed instance lives in the URLconf and serves every thread: give each
        # request its own copy, so that item methods can build absolute URLs from it.
        per_request = copy.copy(self)
        per_request.request = request
        return super(SiteFeed, per_request).__call__(request, *args, **kwargs)


def atom(feed_class):
    """The Atom twin of an RSS feed class (its `atom_type` generator)."""
    return type(f"{feed_class.__name__}Atom", (feed_class,), {"feed_type": feed_class.atom_type})
