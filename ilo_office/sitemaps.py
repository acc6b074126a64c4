"""/sitemap.xml: every public page, in English and Vietnamese, with hreflang alternates.

Content types list `published()` items only, so drafts, scheduled and expired items
never reach a search engine before (or after) the public sees them. A sitemap lists
canonical addresses only: republished coverage canonicalises to the original
outlet's page, so it is left out, and /about/ (which shows the first office page)
is left out in favour of that page's own address.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from events.models import Event
from ilo_office.pages.models import OfficePage
from newsroom.models import Article
from programmes.models import Partner, Programme, Theme


class BilingualSitemap(Sitemap):
    """Each item once per language, with links to its other language and x-default."""

    i18n = True
    alternates = True
    x_default = True


class StaticSitemap(BilingualSitemap):
    """Home and the lists."""

    changefreq = "daily"

    def items(self):
        return [
            "home",
            "newsroom:article_list",
            "events:event_list",
            "events:past_event_list",
            "programmes:programme_list",
            "programmes:theme_list",
            "programmes:partner_list",
        ]

    def location(self, item):
        return reverse(item)


class PublishedSitemap(BilingualSitemap):
    model = None

    def items(self):
        return self.model.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class ArticleSitemap(PublishedSitemap):
    model = Article

    def items(self):
        return super().items().exclude(kind=Article.Kind.COVERAGE, source_url__gt="")


class EventSitemap(PublishedSitemap):
    model = Event


class ProgrammeSitemap(PublishedSitemap):
    model = Programme


class OfficePageSitemap(PublishedSitemap):
    model = OfficePage


class ThemeSitemap(BilingualSitemap):
    # Themes and partners are not Publishable: each one has a public page.
    def items(self):
        return Theme.objects.order_by("pk")


class PartnerSitemap(BilingualSitemap):
    def items(self):
        return Partner.objects.order_by("pk")


SITEMAPS = {
    "pages": StaticSitemap,
    "news": ArticleSitemap,
    "events": EventSitemap,
    "programmes": ProgrammeSitemap,
    "areas-of-work": ThemeSitemap,
    "partners": PartnerSitemap,
    "about": OfficePageSitemap,
}
