"""Site-wide pages that compose several apps."""

from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from events.models import Event
from newsroom.models import Article
from programmes.models import Programme, Theme

HOME_NEWS = 6
HOME_EVENTS = 5


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            latest_articles=Article.objects.published().for_listing()[:HOME_NEWS],
            upcoming_events=Event.objects.upcoming().for_listing()[:HOME_EVENTS],
            programmes=Programme.objects.published()
            .filter(stage=Programme.Stage.ACTIVE)
            .for_listing(),
            strategic_areas=Theme.objects.filter(is_cross_cutting=False),
            **kwargs,
        )


@never_cache
def health(request):
    """For the load balancer: 200 when the app can reach its database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
