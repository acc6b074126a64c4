"""RSS and Atom feeds of open calls: vacancies, internships, procurement, proposals.

A thin layer over `Opportunity.objects.open()`: drafts, scheduled and closed calls
never reach a subscriber, and a call leaves the feed at its closing minute (the
content generation moves on then, ilo_office.cache). Escaping is the site's feed base.
"""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ilo_office.feeds import SiteFeed, atom
from opportunities.models import Opportunity

FEED_SIZE = 50


class OpenOpportunityFeed(SiteFeed):
    """Every open call, most recently announced first."""

    title = gettext_lazy("ILO in Viet Nam: vacancies and calls")
    description = gettext_lazy(
        "Open vacancies, internships, procurement notices and calls for proposals of the "
        "ILO Country Office for Viet Nam."
    )

    def link(self):
        return reverse("opportunities:opportunity_list")

    def items(self):
        return Opportunity.objects.open().for_listing().order_by("-publish_at", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return _("%(kind)s: %(title)s") % {"kind": item.get_kind_display(), "title": item.title}

    def item_description(self, item):
        closes = date_format(localtime(item.closes_at), "DATETIME_FORMAT")
        html = format_html("<p>{}</p>", _("Closes %(when)s (Hanoi time)") % {"when": closes})
        if item.reference:
            html += format_html("<p>{}</p>", _("Reference: %(ref)s") % {"ref": item.reference})
        if item.summary:
            html += format_html("<p>{}</p>", item.summary)
        return html

    def item_categories(self, item):
        return [item.get_kind_display()]


class OpenOpportunityAtomFeed(atom(OpenOpportunityFeed)):
    subtitle = OpenOpportunityFeed.description
