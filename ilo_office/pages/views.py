from django.views.generic import DetailView

from ilo_office.pages.models import OfficePage
from ilo_office.preview import PreviewableMixin
from ilo_office.slugs import SlugRedirectMixin


class OfficePageView(SlugRedirectMixin, PreviewableMixin, DetailView):
    """/about/<slug>/: one published office page, with the About menu beside it."""

    template_name = "pages/office_page.html"
    context_object_name = "page"

    def get_queryset(self):
        return self.visible(OfficePage.objects.all()).select_related("photo")


class OfficeLandingView(OfficePageView):
    """/about/: the first page in staff order, so "About" opens on what staff put first."""

    def get_object(self, queryset=None):
        return OfficePage.objects.in_navigation().select_related("photo").first()
