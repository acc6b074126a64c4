"""RSS 2.0 and Atom feeds of new publications: all, per programme, per area of work.

Over `Publication.objects.published()`, newest publish time first (what is new on
the site, whatever the date printed on the publication). Each item links its first
PDF as an enclosure. The items' files and links are read per row (for_feed), and the
categories' names from the two small tables of programmes and areas of work.
"""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ilo_office.feeds import SiteFeed
from programmes.models import Programme, Theme
from publications.models import Publication, PublicationFile, ids

FEED_SIZE = 30


class PublicationFeed(SiteFeed):
    title = _("ILO in Viet Nam: publications")
    description = _(
        "New reports, books, briefs and guides from the ILO Country Office for Viet Nam."
    )

    def link(self, obj=None):
        return reverse("publications:publication_list")

    def publications(self, obj):
        return Publication.objects.published()

    def items(self, obj=None):
        return self.publications(obj).for_feed().order_by("-publish_at")[:FEED_SIZE]

    def _names(self):
        """{"programme": {pk: name}, "theme": {pk: name}}, in their lists' order; the
        programmes as the public may see them (a draft one is never named)."""
        if getattr(self, "_names_cache", None) is None:
            self._names_cache = {
                "programme": dict(
                    Programme.objects.published().order_by("name").values_list("pk", "name")
                ),
                "theme": dict(Theme.objects.values_list("pk", "name")),
            }
        return self._names_cache

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_author_name(self, item):
        return ", ".join(item.author_list) or item.publisher or None

    def item_guid(self, item):
        return f"tag:ilo.org,2003:vietnam/publication/{item.pk}"

    item_guid_is_permalink = False

    def item_categories(self, item):
        names = self._names()
        linked = {"programme": set(ids(item.programme_ids)), "theme": set(ids(item.theme_ids))}
        return [
            item.get_kind_display(),
            *(name for pk, name in names["theme"].items() if pk in linked["theme"]),
            *(name for pk, name in names["programme"].items() if pk in linked["programme"]),
        ]

    def item_enclosure_url(self, item):
        if not item.first_file:
            return None
        storage = PublicationFile._meta.get_field("file").storage
        return self.request.build_absolute_uri(storage.url(item.first_file))

    def item_enclosure_length(self, item):
        return item.first_file_size if item.first_file else None

    def item_enclosure_mime_type(self, item):
        return "application/pdf" if item.first_file else None


class ProgrammePublicationFeed(PublicationFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Programme.objects.published(), slug=slug)

    def title(self, obj):
        return _("ILO in Viet Nam: publications of %(name)s") % {"name": obj.name}

    def description(self, obj):
        return obj.summary

    def link(self, obj):
        return obj.get_absolute_url()

    def publications(self, obj):
        return obj.publications.published()


class ThemePublicationFeed(ProgrammePublicationFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Theme, slug=slug)
