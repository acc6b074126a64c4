"""The framework's ceiling for benchmarks/run: a constant page through the whole stack.

Only routed when the environment sets BENCHMARK_CEILING=1 (see ilo_office/urls.py):
the same settings, middleware and gunicorn as every page measured, but no database,
template or cache work, so what a real page costs shows as a ratio to it.
"""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache

# 10 KB of HTML, built once at import: the view itself does nothing per request.
_FILLER = "<p>" + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 12 + "</p>\n"
PAGE = (
    "<!doctype html>\n<html lang=en><head><meta charset=utf-8><title>Ceiling</title></head>"
    "<body>\n" + _FILLER * ((10 * 1024) // len(_FILLER)) + "</body></html>\n"
)
PAGE = PAGE + " " * max(0, 10 * 1024 - len(PAGE))  # exactly 10 KB (ASCII)


@never_cache  # the page cache must never serve it: it measures Django, not the cache
def ceiling(request):
    return HttpResponse(PAGE)
