"""RSS 2.0 and Atom feeds of the newsroom: all news, press releases, per programme, per theme.

Each feed is a thin layer over `Article.objects.published()`, so drafts and
scheduled articles can never reach a subscriber. Items carry a GUID that
survives a change of slug, and the hero photo as an enclosure plus a Media RSS
element with its own alt text and credit.

Escaping and XML-safe text are the site's feed base (ilo_office.feeds), shared
with the events feeds.
"""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ilo_office.feeds import PlainTextAtomFeed, PlainTextRssFeed, SiteFeed
from newsroom.models import Article
from programmes.models import Programme, Theme, published_programmes

FEED_SIZE = 30
MEDIA_NS = "http://search.yahoo.com/mrss/"


class MediaMixin:
    """Adds Media RSS (`media:content`, `media:description`, `media:credit`) to items."""

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


class MediaRssFeed(MediaMixin, PlainTextRssFeed):
    pass


class MediaAtomFeed(MediaMixin, PlainTextAtomFeed):
    pass


class NewsFeed(SiteFeed):
    """Every published article, newest first."""

    feed_type = MediaRssFeed
    atom_type = MediaAtomFeed
    title = _("ILO in Viet Nam: news")
    description = _("Press releases, news and stories from the ILO Country Office for Viet Nam.")

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
