"""RSS 2.0 and Atom feeds of new publications: all, per programme, per area of work.

Over `Publication.objects.published()`, newest publish time first (what is new on
the site, whatever the date printed on the publication). Each item links its first
PDF as an enclosure.
"""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ilo_office.feeds import SiteFeed
from programmes.models import Programme, Theme, published_programmes
from publications.models import Publication

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
        return (
            self.publications(obj)
            .for_listing()
            .prefetch_related(published_programmes(), "themes")
            .order_by("-publish_at")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return ", ".join(item.author_list) or item.publisher or None

    def item_guid(self, item):
        return f"tag:ilo.org,2003:vietnam/publication/{item.pk}"

    item_guid_is_permalink = False

    def item_categories(self, item):
        return [
            item.get_kind_display(),
            *(theme.name for theme in item.themes.all()),
            *(programme.name for programme in item.programmes.all()),
        ]

    def _first_file(self, item):
        files = list(item.files.all())
        return files[0] if files else None

    def item_enclosure_url(self, item):
        first = self._first_file(item)
        return self.request.build_absolute_uri(first.file.url) if first else None

    def item_enclosure_length(self, item):
        first = self._first_file(item)
        return first.size if first else None

    def item_enclosure_mime_type(self, item):
        return "application/pdf" if self._first_file(item) else None


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
