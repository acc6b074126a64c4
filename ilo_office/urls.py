import os

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from ilo_office import preview, views
from ilo_office.sitemaps import SITEMAPS

admin.site.site_header = _("ILO Country Office for Viet Nam")
admin.site.site_title = _("ILO Viet Nam back office")
admin.site.index_title = _("Back office")

# Django's sitemap views say plain application/xml; every answer of the site names its charset.
XML = "application/xml; charset=utf-8"
# A database outage answers the branded 503 even when it is raised outside a view.
handler500 = "ilo_office.faults.server_error"

urlpatterns = [
    path("healthz", views.health, name="health"),
    path("readyz", views.ready, name="ready"),
    # Discovery, one address for both languages (the sitemap lists both): an index of
    # paginated sections, /sitemap-<section>.xml?p=N (see ilo_office/sitemaps.py).
    path(
        "sitemap.xml",
        sitemaps.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section", "content_type": XML},
        name="sitemap",
    ),
    path(
        "sitemap-<slug:section>.xml",
        sitemaps.sitemap,
        {"sitemaps": SITEMAPS, "template_name": "sitemaps/section.xml", "content_type": XML},
        name="sitemap_section",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

# English at the root, Vietnamese under /vi/.
urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("news/", include("newsroom.urls")),
    path("events/", include("events.urls")),
    path("opportunities/", include("opportunities.urls")),
    path("", include("contact.urls")),
    path("publications/", include("publications.urls")),
    path("subscribe/", include("subscriptions.urls")),
    path("", include("programmes.urls")),
    path("about/", include("ilo_office.pages.urls")),
    path("search/", views.SearchView.as_view(), name="search"),
    # Staff previews and signed review links (see ilo_office/preview.py).
    path("preview/s/<str:token>/", preview.signed_preview, name="signed_preview"),
    path(
        "preview/<slug:app_label>/<slug:model_name>/<int:pk>/",
        preview.preview,
        name="preview",
    ),
    path(settings.ADMIN_URL, admin.site.urls),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# benchmarks/run's constant page, the framework's ceiling: routed only when the
# environment asks for it, so production has no such URL.
if os.environ.get("BENCHMARK_CEILING") == "1":
    from ilo_office.benchmark import ceiling

    urlpatterns += [path("_ceiling/", ceiling, name="benchmark_ceiling")]
