"""/sitemap.xml: an index of paginated sections, every public page in English and Vietnamese.

/sitemap.xml is a sitemap index (`django.contrib.sitemaps.views.index`) naming each
section's pages, /sitemap-<section>.xml?p=N. Each page holds at most `limit` items,
each item listed once per language with its hreflang alternates (en, vi, x-default)
and a lastmod.

Content types list `published()` items only, so drafts, scheduled and expired items
never reach a search engine before (or after) the public sees them. A sitemap lists
canonical addresses only: republished coverage canonicalises to the original
outlet's page, so it is left out, and /about/ (which shows the first office page)
is left out in favour of that page's own address.

Cost at any volume. Django's `Sitemap` with `i18n = True` builds a Python list of
(item, language) for every item of the section and paginates that list, so each page
(and the index) would load the whole table. Here pagination is of the database query
instead (`LazyPaginator`): a page is one LIMIT/OFFSET query, ordered by primary key,
of the few columns a URL and its lastmod need; the index costs one aggregate per
section (count and newest change together). The static section costs one aggregate
per list it names, whatever the volume.

lastmod of a published item is the later of its last change and its publish time: an
item scheduled for Monday and last saved on Friday appears, for a crawler, on Monday.
A list page's lastmod is that of the newest item it lists.
"""

from functools import cached_property

from django.apps import apps
from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, Max
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import format_html_join

from ilo_office import registry
from ilo_office.fragments import once_per_generation

# The sitemaps protocol allows 50,000 sitemaps in an index: no section has more pages.
MAX_PAGES = 50_000

# The later of the last change and the publish time, as the database computes it.
PUBLISHED_LASTMOD = Greatest("updated_at", "publish_at")


class LazyPaginator(Paginator):
    """Pages of a QuerySet, one query per page: no count unless `count` is read.

    Django's `Paginator.page()` counts the whole list to validate the number; here a
    page past the end is found empty instead. `count` is a callable, so the index can
    take the count from an aggregate it runs anyway.
    """

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self._count = count

    @cached_property
    def count(self):
        return self._count()

    def page(self, number):
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if not 1 <= number <= MAX_PAGES:
            raise EmptyPage(self.error_messages["no_results"])
        bottom = (number - 1) * self.per_page
        items = list(self.object_list[bottom : bottom + self.per_page])
        if not items and number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        return self._get_page(items, number, self)


class BilingualSitemap(Sitemap):
    """Each item once per language, with links to its other language and x-default.

    `limit` counts items, not URLs: a page of 250 items lists 500 URLs (measured: a page
    of 1,000 URLs took several hundred ms, mostly reverse() and the template).
    Subclasses give `items()` (a QuerySet of the needed columns, in a stable order),
    `lastmod(item)` and `latest()`, the newest lastmod of the section.
    """

    i18n = True
    alternates = True
    x_default = True
    limit = 250
    changefreq = None
    priority = None

    @cached_property
    def stats(self):
        """The section's number of items and newest lastmod: one aggregate query.

        Served by an index alone on the large tables (the models' `*_sitemap_idx`), and
        kept once per content generation: the index and the list pages' dates read it.
        """

        def compute():
            # COUNT(*), not COUNT(id): the id is not in the index, and would send the count
            # back to the table.
            public = self.items().order_by()
            return public.aggregate(count=Count("*"), latest=self.latest_expression)

        return once_per_generation(
            f"sitemap-stats:{type(self).__name__}", compute, by_language=False
        )

    @cached_property
    def paginator(self):
        return LazyPaginator(self.items(), self.limit, count=lambda: self.stats["count"])

    def get_latest_lastmod(self):
        return self.stats["latest"]

    def get_urls(self, page=1, site=None, protocol=None):
        """The <url> entries of one page: each item in each language, sharing its alternates.

        Replaces `Sitemap._urls()`, which works on (item, language) pairs from the full
        list and reverses each URL five times. Django's template reads the same keys;
        templates/sitemaps/section.xml reads the pre-rendered `links` and `lastmod_text`
        (a page of 1,000 URLs spent most of its time in the template's inner loop).
        """
        base = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        urls = []
        latest = None
        for item in self.paginator.page(page).object_list:
            locations = {}
            for lang_code in self._languages():
                with translation.override(lang_code):
                    locations[lang_code] = base + self.location(item)
            alternates = [{"location": loc, "lang_code": code} for code, loc in locations.items()]
            if settings.LANGUAGE_CODE in locations:
                alternates.append(
                    {"location": locations[settings.LANGUAGE_CODE], "lang_code": "x-default"}
                )
            # Rendered once per item (its URLs share them), escaped by format_html.
            links = format_html_join(
                "",
                '<xhtml:link rel="alternate" hreflang="{}" href="{}"/>',
                ((alternate["lang_code"], alternate["location"]) for alternate in alternates),
            )
            lastmod = self.lastmod(item)
            lastmod_text = None
            if lastmod is not None:
                latest = lastmod if latest is None else max(latest, lastmod)
                # The day it changed in the office's time zone.
                lastmod_text = timezone.localdate(lastmod).isoformat()
            urls += [
                {
                    "item": item,
                    "location": location,
                    "lastmod": lastmod,
                    "changefreq": self.changefreq,
                    "priority": "" if self.priority is None else str(self.priority),
                    "alternates": alternates,
                    "links": links,
                    "lastmod_text": lastmod_text,
                }
                for location in locations.values()
            ]
        # Read by the sitemap view for the Last-Modified header.
        if latest is not None:
            self.latest_lastmod = latest
        return urls


class RegisteredSitemap(BilingualSitemap):
    """The public items of one type registered in ilo_office.registry, by primary key."""

    entry = None

    @property
    def model(self):
        return self.entry.model

    def items(self):
        public = getattr(self.model.objects, self.entry.sitemap_items)()
        return public.order_by("pk").only("pk", "slug", *self.dates)


class PublishedSitemap(RegisteredSitemap):
    """A Publishable type: changed when edited or when it went live, whichever is later."""

    dates = ("updated_at", "publish_at")
    latest_expression = Max(PUBLISHED_LASTMOD)

    def lastmod(self, item):
        return max(item.updated_at, item.publish_at)


class ChangedSitemap(RegisteredSitemap):
    """Themes and partners are not Publishable: each one has a public page."""

    dates = ("updated_at",)
    latest_expression = Max("updated_at")

    def lastmod(self, item):
        return item.updated_at


def sitemap_class(entry):
    base = PublishedSitemap if entry.workflow else ChangedSitemap
    # Named after the model: the name keys the section's cached stats.
    return type(f"{entry.model.__name__}Sitemap", (base,), {"entry": entry})


# {section: Sitemap class} for the types registered with a `sitemap` section.
SECTIONS = {entry.sitemap: sitemap_class(entry) for entry in registry.TYPES if entry.sitemap}


class StaticSitemap(BilingualSitemap):
    """Home and the lists, each dated by the newest item it lists."""

    changefreq = "daily"

    @cached_property
    def list_lastmods(self):
        """URL name -> newest lastmod of the section that page lists (its sitemap's stats)."""
        lists = {}
        for entry in registry.TYPES:
            if entry.list_urls:
                latest = SECTIONS[entry.sitemap]().stats["latest"]
                lists.update(dict.fromkeys(entry.list_urls, latest))
        # The home page shows the newest of everything.
        known = [value for value in lists.values() if value is not None]
        return {"home": max(known, default=None), **lists}

    @cached_property
    def stats(self):
        known = [value for value in self.list_lastmods.values() if value is not None]
        return {"count": len(self.list_lastmods), "latest": max(known, default=None)}

    def items(self):
        return list(self.list_lastmods)

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        return self.list_lastmods[item]


class PlaceSitemap(BilingualSitemap):
    """The pages of today's provinces and cities (a former province's page redirects).

    Dated by the place's own last change: the programmes, news and events it lists are
    dated in their own sections.
    """

    latest_expression = Max("updated_at")

    def items(self):
        place = apps.get_model("programmes", "Place")
        return (
            place.objects.filter(successor__isnull=True)
            .order_by("pk")
            .only("pk", "slug", "updated_at")
        )

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"pages": StaticSitemap, **SECTIONS, "where-we-work": PlaceSitemap}
