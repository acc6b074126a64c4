"""/contact/ and /press/: how to reach the office, and the page for journalists."""

from django.views.generic import TemplateView

from contact.models import MediaContact, OfficeContact
from newsroom.models import Article

PRESS_RELEASES_SHOWN = 10


class ContactView(TemplateView):
    template_name = "contact/contact.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            contact=OfficeContact.current(), media_contacts=MediaContact.objects.all(), **kwargs
        )


class PressView(TemplateView):
    """Media contacts, the latest press releases, the photo library."""

    template_name = "contact/press.html"

    def get_context_data(self, **kwargs):
        releases = (
            Article.objects.published()
            .filter(kind=Article.Kind.PRESS_RELEASE)
            .for_links()
            .order_by("-publish_at", "-pk")[:PRESS_RELEASES_SHOWN]
        )
        return super().get_context_data(
            contact=OfficeContact.current(),
            media_contacts=MediaContact.objects.all(),
            press_releases=releases,
            **kwargs,
        )
