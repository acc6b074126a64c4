"""RSS 2.0 and Atom feeds of the newsroom: all news, each kind of article, per programme, per theme.

Each feed is a thin layer over `Article.objects.published()`, so drafts and
scheduled articles can never reach a subscriber. Items carry a GUID that
survives a change of slug, and the hero photo as an enclosure plus a Media RSS
element with its own alt text and credit.

Escaping and XML-safe text are the site's feed base (ilo_office.feeds), shared
with the events feeds.
"""

from django.http import Http404
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


# The address of each kind's feed (/news/feed/<slug>/rss/): words a subscriber can read,
# not the stored value, and fixed once published (a feed reader keeps the URL for years).
KIND_SLUGS = {
    "news": Article.Kind.NEWS,
    "press-releases": Article.Kind.PRESS_RELEASE,
    "features": Article.Kind.FEATURE,
    "statements-and-speeches": Article.Kind.STATEMENT,
    "in-the-media": Article.Kind.COVERAGE,
}
SLUG_OF_KIND = {kind: slug for slug, kind in KIND_SLUGS.items()}

KIND_TITLES = {
    Article.Kind.NEWS: _("ILO in Viet Nam: news stories"),
    Article.Kind.PRESS_RELEASE: _("ILO in Viet Nam: press releases"),
    Article.Kind.FEATURE: _("ILO in Viet Nam: features"),
    Article.Kind.STATEMENT: _("ILO in Viet Nam: statements and speeches"),
    Article.Kind.COVERAGE: _("ILO in Viet Nam: in the media"),
}


KIND_NAMES = {
    Article.Kind.NEWS: _("news stories"),
    Article.Kind.PRESS_RELEASE: _("press releases"),
    Article.Kind.FEATURE: _("features"),
    Article.Kind.STATEMENT: _("statements and speeches"),
    Article.Kind.COVERAGE: _("articles about the ILO in the media"),
}


def kind_feed_links(kind):
    """The RSS and Atom addresses of one kind's feed, for its filtered list to advertise."""
    slug = SLUG_OF_KIND[Article.Kind(kind)]
    return {
        "rss": reverse("newsroom:kind_feed_rss", kwargs={"kind": slug}),
        "atom": reverse("newsroom:kind_feed_atom", kwargs={"kind": slug}),
        "title": KIND_TITLES[Article.Kind(kind)],
    }


class KindNewsFeed(NewsFeed):
    """The published articles of one kind; a kind with none yet still has its (empty) feed."""

    def get_object(self, request, kind):
        try:
            return KIND_SLUGS[kind]
        except KeyError:
            raise Http404 from None

    def title(self, obj):
        return KIND_TITLES[obj]

    def description(self, obj):
        return _("The newest %(name)s of the ILO Country Office for Viet Nam.") % {
            "name": KIND_NAMES[obj]
        }

    def link(self, obj):
        return reverse("newsroom:article_list") + f"?kind={obj}"

    def articles(self, obj):
        return Article.objects.published().filter(kind=obj)


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
