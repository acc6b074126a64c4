"""RSS 2.0 and Atom feeds of the newsroom: all news, press releases, per programme, per theme.

Each feed is a thin layer over `Article.objects.published()`, so drafts and
scheduled articles can never reach a subscriber. Items carry a GUID that
survives a change of slug, and the hero photo as an enclosure plus a Media RSS
element with its own alt text and credit.

Staff text is plain text, and must reach subscribers as such. Two traps are
closed in the feed generators below. Readers take RSS `<description>` and Atom
`<summary type="html">` as HTML, and RSS leaves open whether a `<title>` is text
or HTML (many readers, and feedparser, guess HTML when it looks like it), so
those strings are HTML-escaped before the XML escaping: XML escaping alone would
hand such readers live markup. Atom titles are declared text and stay as typed.
And XML 1.0 cannot carry most control characters (a vertical tab pasted from a
word processor), on which Django's feed writer raises a 500, so they are dropped
from every string of the feed.
"""

import copy
import re

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from newsroom.models import Article
from programmes.models import Programme, Theme, published_programmes

FEED_SIZE = 30
MEDIA_NS = "http://search.yahoo.com/mrss/"
# Characters XML 1.0 does not allow: C0 controls but tab, newline and carriage
# return, and the two non-characters U+FFFE and U+FFFF.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(value):
    """`value` with the characters XML 1.0 cannot carry removed, in strings, lists and dicts."""
    if isinstance(value, str):
        return NOT_XML.sub("", value)
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


class MediaMixin:
    """Adds Media RSS (`media:content`, `media:description`, `media:credit`) to items,
    keeps every string within what XML 1.0 can carry, and escapes the HTML elements."""

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
            if fields.get(name):
                fields[name] = as_html_text(str(fields[name]))
        return fields

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_NS}

    def root_attributes(self):  # Atom's equivalent of rss_attributes
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        media = item.get("media")
        if not media:
            return
        handler.startElement(
            "media:content",
            {
                "url": media["url"],
                "type": "image/jpeg",
                "medium": "image",
                "width": str(media["width"]),
                "height": str(media["height"]),
                "fileSize": str(media["bytes"]),
            },
        )
        # Inside media:content, so that readers don't take the alt text for the summary.
        if media["alt"]:
            handler.addQuickElement("media:description", media["alt"], {"type": "plain"})
        if media["credit"]:
            handler.addQuickElement("media:credit", media["credit"])
        handler.endElement("media:content")


class MediaRssFeed(MediaMixin, Rss201rev2Feed):
    html_fields = ("title", "description")


class MediaAtomFeed(MediaMixin, Atom1Feed):
    pass


class NewsFeed(Feed):
    """Every published article, newest first."""

    feed_type = MediaRssFeed
    title = _("ILO in Viet Nam: news")
    description = _("Press releases, news and stories from the ILO Country Office for Viet Nam.")
    author_name = "ILO Country Office for Viet Nam"

    def link(self, obj=None):
        return reverse("newsroom:article_list")

    def articles(self, obj):
        return Article.objects.published()

    def items(self, obj=None):
        return (
            self.articles(obj)
            .select_related("hero")
            .prefetch_related(published_programmes(), "themes")
            .order_by("-publish_at")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.standfirst

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_guid(self, item):
        # Stable for the life of the article, whatever happens to its slug.
        return f"tag:ilo.org,2003:vietnam/article/{item.pk}"

    item_guid_is_permalink = False

    def item_categories(self, item):
        return [
            item.get_kind_display(),
            *(theme.name for theme in item.themes.all()),
            *(programme.name for programme in item.programmes.all()),
        ]

    def _hero(self, item):
        hero = item.hero
        return hero.largest if hero else None

    def item_enclosure_url(self, item):
        largest = self._hero(item)
        if not largest:
            return None
        return self.request.build_absolute_uri(item.hero.image.storage.url(largest["jpeg"]))

    def item_enclosure_length(self, item):
        largest = self._hero(item)
        return largest["jpeg_bytes"] if largest else None

    def item_enclosure_mime_type(self, item):
        return "image/jpeg" if self._hero(item) else None

    def item_extra_kwargs(self, item):
        largest = self._hero(item)
        if not largest:
            return {}
        return {
            "media": {
                "url": self.item_enclosure_url(item),
                "width": largest["width"],
                "height": largest["height"],
                "bytes": largest["jpeg_bytes"],
                "alt": item.hero.alt_text,
                "credit": item.hero.credit,
            }
        }

    def __call__(self, request, *args, **kwargs):
        # One Feed instance lives in the URLconf and serves every thread: give each
        # request its own copy, so that item methods can build absolute URLs from it.
        per_request = copy.copy(self)
        per_request.request = request
        return super(NewsFeed, per_request).__call__(request, *args, **kwargs)


class PressReleaseFeed(NewsFeed):
    title = _("ILO in Viet Nam: press releases")
    description = _("Press releases of the ILO Country Office for Viet Nam.")

    def link(self, obj=None):
        return reverse("newsroom:article_list") + f"?kind={Article.Kind.PRESS_RELEASE}"

    def articles(self, obj):
        return Article.objects.published().filter(kind=Article.Kind.PRESS_RELEASE)


class ProgrammeNewsFeed(NewsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Programme.objects.published(), slug=slug)

    def title(self, obj):
        return _("ILO in Viet Nam: news of %(name)s") % {"name": obj.name}

    def description(self, obj):
        return obj.summary

    def link(self, obj):
        return obj.get_absolute_url()

    def articles(self, obj):
        return obj.articles.published()


class ThemeNewsFeed(ProgrammeNewsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Theme, slug=slug)


def atom(feed_class):
    """The Atom twin of an RSS feed class."""
    return type(f"{feed_class.__name__}Atom", (feed_class,), {"feed_type": MediaAtomFeed})
