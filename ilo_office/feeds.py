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
import io
import re

from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.safestring import SafeData, mark_safe
from django.utils.xmlutils import SimplerXMLGenerator

from ilo_office.fragments import TIMEOUT, current_generation, local_copies

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

    # Items written earlier, as [(their XML, their date)], set by SiteFeed.get_feed; the
    # generator then writes those instead of its own `items` (see SiteFeed.get_feed).
    written_items = None

    def item_xml(self, item):
        """One item's element (`<item>` or `<entry>`), as the feed would write it."""
        out = io.StringIO()
        handler = SimplerXMLGenerator(out, "utf-8", short_empty_elements=True)
        handler.startElement(self.item_element, self.item_attributes(item))
        self.add_item_elements(handler, item)
        handler.endElement(self.item_element)
        return out.getvalue()

    def write_items(self, handler):
        if self.written_items is None:
            return super().write_items(handler)
        for xml, _date in self.written_items:
            # Raw: each was written by this generator's own XML writer, escaped there.
            handler.ignorableWhitespace(xml)

    def latest_post_date(self):
        dates = [date for _xml, date in self.written_items or () if date is not None]
        return max(dates) if dates else super().latest_post_date()

    def as_plain_text(self, fields):
        fields = xml_safe(fields)
        for name in self.html_fields:
            value = fields.get(name)
            if value and not isinstance(value, SafeData):
                fields[name] = as_html_text(str(value))
        return fields


class PlainTextRssFeed(PlainTextMixin, Rss201rev2Feed):
    html_fields = ("title", "description")
    item_element = "item"


class PlainTextAtomFeed(PlainTextMixin, Atom1Feed):
    item_element = "entry"


class SiteFeed(Feed):
    """A feed of the site: RSS with the plain-text rules above, and the request at hand.

    Subclass it for each feed; `atom(feed_class)` makes its Atom twin.
    """

    feed_type = PlainTextRssFeed
    atom_type = PlainTextAtomFeed
    author_name = "ILO Country Office for Viet Nam"

    def item_pubdate(self, item):
        # Every published type has these (ilo_office.publishing.Publishable).
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at

    def __call__(self, request, *args, **kwargs):
        # One Feed instance lives in the URLconf and serves every thread: give each
        # request its own copy, so that item methods can build absolute URLs from it.
        per_request = copy.copy(self)
        per_request.request = request
        return super(SiteFeed, per_request).__call__(request, *args, **kwargs)

    def get_feed(self, obj, request):
        """The feed, each item's XML written once per content generation and language.

        Django's feed framework asks a dozen methods per item and writes each element
        through SAX: most of a feed's time, for thirty items that change only when content
        does (profiled). So only the items' keys are read (one narrow query); whole rows,
        and the framework's work, only for the items not written in this generation. An
        item's XML depends on the feed class and format, the item, the language and the
        site's address, all in the key.
        """
        generation = current_generation(request)
        if generation is None:
            return super().get_feed(obj, request)
        items = self._get_dynamic_attr("items", obj)
        pks = list(items.values_list("pk", flat=True))
        feed_class = type(self)
        prefix = (
            f"feed-item:{feed_class.__module__}.{feed_class.__qualname__}:"
            f"{translation.get_language()}:{request.scheme}://{request.get_host()}:{generation}"
        )
        keys = {pk: f"{prefix}:{pk}" for pk in pks}
        written = {pk: local_copies.get(key) for pk, key in keys.items()}
        wanted = [keys[pk] for pk, found in written.items() if found is None]
        if wanted:
            shared = cache.get_many(wanted)
            written.update({pk: shared[keys[pk]] for pk in pks if keys[pk] in shared})
        missing = [pk for pk, found in written.items() if found is None]
        # The framework's own feed, of just the missing items, read with the feed's own
        # query (its related rows, prefetches) narrowed to them.
        fresh = []
        if missing:
            narrowed = items.all()
            narrowed.query.clear_limits()
            fresh = list(narrowed.filter(pk__in=missing))
        self.items = lambda obj=None: fresh
        feed = super().get_feed(obj, request)
        # The generator added one entry per item, in the items' order.
        new = {}
        for item, entry in zip(fresh, feed.items, strict=True):
            written[item.pk] = new[keys[item.pk]] = (
                feed.item_xml(entry),
                entry.get("updateddate") or entry.get("pubdate"),
            )
        if new:
            cache.set_many(new, TIMEOUT)
        feed.items = []
        feed.written_items = [written[pk] for pk in pks if written.get(pk) is not None]
        for pk in pks:
            if written.get(pk) is not None:
                local_copies.set(keys[pk], written[pk])
        return feed


def atom(feed_class):
    """The Atom twin of an RSS feed class (its `atom_type` generator)."""
    return type(f"{feed_class.__name__}Atom", (feed_class,), {"feed_type": feed_class.atom_type})
