"""Site-wide pages that compose several apps."""

from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from ilo_office.pages.home import shown_blocks


class HomeView(TemplateView):
    """The home page: the blocks staff chose, in their order (see ilo_office.pages.home)."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(blocks=shown_blocks(), **kwargs)


@never_cache
def health(request):
    """For the load balancer: 200 when the app can reach its database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
