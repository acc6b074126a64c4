"""Site-wide pages that compose several apps."""

import hashlib
import logging
import time
import uuid

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.paginator import InvalidPage, Paginator
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from ilo_office import search
from ilo_office.fragments import once_per_generation
from ilo_office.pages.home import shown_blocks

logger = logging.getLogger(__name__)


class HomeView(TemplateView):
    """The home page: the blocks staff chose, in their order (see ilo_office.pages.home)."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        # The callable, not its result: the template calls it only when the blocks are
        # not already kept for this content generation (templates/home.html).
        return super().get_context_data(blocks=shown_blocks, **kwargs)


@never_cache
def health(request):
    """Liveness, /healthz: 200 while this process answers requests at all.

    It touches neither the database nor the cache: a database outage must not make a
    supervisor restart app servers that are fine (readiness says that, /readyz).
    """
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


def _timed(check):
    started = time.monotonic()
    try:
        error = check()
    except Exception as exc:  # any failure is the answer here, not a 500
        error = f"{type(exc).__name__}: {str(exc).strip()[:200]}"
    result = {"ok": error is None, "ms": round((time.monotonic() - started) * 1000, 1)}
    if error is not None:
        result["error"] = error
    return result


def _check_database():
    # The connection's connect_timeout (settings, DB_CONNECT_TIMEOUT) bounds the wait.
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache():
    # django-redis is configured to swallow errors (a miss, never a 500), so a failed
    # round trip shows as a value that does not come back.
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", 10)
    found = cache.get(key)
    cache.delete(key)
    return None if found == "1" else "the value written was not read back"


@never_cache
def ready(request):
    """Readiness, /readyz: JSON, 503 when the database cannot be reached.

    The shared cache is reported too, but a cache outage only slows pages down (every
    lookup is a miss), so it says "degraded" with a 200: taking every app server out of
    the load balancer because Redis is down would turn a slowdown into an outage.
    """
    checks = {"database": _timed(_check_database), "cache": _timed(_check_cache)}
    if not checks["database"]["ok"]:
        status, code = "unavailable", 503
        logger.warning("readiness: database unavailable: %s", checks["database"]["error"])
    elif not checks["cache"]["ok"]:
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    response = JsonResponse({"status": status, "checks": checks}, status=code)
    # Probed every few seconds: one warning above, not Django's ERROR line per probe.
    response._has_been_logged = True
    return response


class SearchForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Search the site"), required=False)
    type = forms.ChoiceField(
        label=gettext_lazy("Show"),
        required=False,
        choices=[("", gettext_lazy("All results")), *search.TYPE_CHOICES],
    )


class SearchView(TemplateView):
    """/search/?q=: published news, events, programmes, office pages, areas of work and
    partners, best match first.

    Nothing a reader types is an error: an empty or junk query gets a page that says
    what to type, a bad type or page number is ignored with a notice.
    """

    template_name = "search.html"

    def get_context_data(self, **kwargs):
        data = self.request.GET
        query = search.Query.parse(data.get("q", ""))
        notices = []
        form = SearchForm({"q": query.text, "type": data.get("type", "")})
        form.is_valid()
        if "type" in form.errors:
            notices.append(self._ignored(form.fields["type"].label, data.get("type", "")))
            form = SearchForm({"q": query.text, "type": ""})
            form.is_valid()
        if query.truncated:
            notices.append(
                _("Your search was long: only its first %(count)s characters were used.")
                % {"count": search.MAX_QUERY_LENGTH}
            )
        section = form.cleaned_data.get("type") or ""
        page_number = data.get("page", "1")
        context = {
            "form": form,
            "query": query,
            "section": search.SECTIONS.get(section),
            "sections": search.SECTIONS.values(),
            "notices": notices,
            "page_obj": None,
            "results": [],
            # The results are the same for everyone who asks the same thing until the
            # content changes: kept per content generation like the other fragments, so
            # a repeated search (a popular word, a shared link, a pager's page 1) runs
            # no search query. What the reader typed is hashed into the key, never
            # written into it, and each new search is computed as before.
            "search_key": hashlib.sha256(
                repr((query.text, query.truncated, data.get("type", ""), page_number)).encode()
            ).hexdigest()[:32],
            "search_parts": lambda: self._results(query, section, page_number, notices),
        }
        return super().get_context_data(**context, **kwargs)

    def _results(self, query, section, page_number, notices):
        """The results part of the page's context: run only when its fragment is rendered."""
        if not query:
            return {}
        notices = list(notices)
        types = [section] if section else None

        # Read from the cache: no query until the content changes.
        def vocabulary():
            return once_per_generation(
                "search-vocabulary", search.vocabulary, request=self.request, by_language=False
            )

        # One query counts the matches and returns the page asked for and page 1.
        hits = search.search(
            query, types, page=page_number, per_page=settings.PAGE_SIZE, vocabulary=vocabulary
        )
        paginator = Paginator(hits, settings.PAGE_SIZE)
        try:
            page_obj = paginator.page(page_number)
        except InvalidPage:
            notices.append(
                _("There is no page “%(page)s” of results; here is the first.")
                % {"page": "".join(filter(str.isprintable, page_number))[:20]}
            )
            page_obj = paginator.page(1)
        parts = {
            "notices": notices,
            "hits": hits,
            "page_obj": page_obj,
            "paginator": paginator,
            # Matches of the corrected words are marked as those words.
            "results": search.load_results(list(page_obj), hits.corrected or query, types),
        }
        if not paginator.count or hits.fuzzy:
            parts["suggestion"] = search.suggest(query, vocabulary())
        if not paginator.count and len(query.clauses) > 1:
            # Nothing has every word: each word is a search of its own, one click away.
            parts["apart"] = query.apart
        return parts

    @staticmethod
    def _ignored(label, value):
        # The same sentence as the lists' filters (ilo_office.filtering).
        value = "".join(filter(str.isprintable, value))[:100]
        return _("The filter “%(label)s” was ignored: “%(value)s” is not a valid choice.") % {
            "label": label,
            "value": value,
        }


@require_GET
def robots_txt(request):
    """/robots.txt: crawl everything public; not the back office or previews; the sitemap."""
    private = [f"/{settings.ADMIN_URL.strip('/')}/", "/preview/"]
    # Every language: the back office and previews also answer under /vi/.
    prefixes = [""] + [
        f"/{code}" for code, _n in settings.LANGUAGES if code != settings.LANGUAGE_CODE
    ]
    lines = ["User-agent: *", "Allow: /"]
    lines += [f"Disallow: {lang}{path}" for path in private for lang in prefixes]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
