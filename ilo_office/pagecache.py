"""The shared page cache: anonymous public pages, feeds, calendars and sitemaps.

A response is stored under its absolute URL (scheme, host, path and query: feeds and
canonical links print absolute addresses), the language the URL fixes, and the content
generation (ilo_office.cache), which every save, delete, scheduled publish time and the
office's midnight move on. Nothing is deleted by URL: a publish through any app server
raises the generation in the shared cache, so every server stops serving the old pages
at once.

Never stored:
- anything but a plain GET answered 200 (forms post, previews and redirects pass);
- requests that carry a session cookie (staff: their pages may differ, and must not
  reach anyone else or a CDN: they get `Cache-Control: private`);
- responses that set a cookie, or that say private, no-cache or no-store (previews,
  the admin, the health check);
- the back office, under any language prefix.

Every cacheable response says `Cache-Control: public, max-age=0, s-maxage=N`: browsers
revalidate with the ETag (a 304 costs almost nothing), a CDN may keep the page N
seconds. The URL fixes the language (English at /, Vietnamese at /vi/), so
`Vary: Accept-Language` is dropped: with it a CDN would keep one copy per browser
language for nothing.

PAGE_CACHE=0 in the environment turns storing off (for measuring); validators, 304s
and the headers stay.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control
from django.utils.translation import get_language_from_path

from ilo_office.cache import seconds_to_next_change
from ilo_office.fragments import current_generation

UNCACHEABLE_DIRECTIVES = {"private", "no-cache", "no-store"}
# Headers that belong to one answer, not to the page: everything else (the security
# headers the inner middleware added among them) is stored and served again.
PER_ANSWER_HEADERS = {"date", "set-cookie", "content-length", "server", "x-page-cache"}


def _private_prefixes():
    admin = f"/{settings.ADMIN_URL}"
    prefixes = {admin, "/preview/"}
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE:
            prefixes |= {f"/{code}{admin}", f"/{code}/preview/"}
    return tuple(prefixes)


def has_session(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def page_key(request, token):
    """The cache key of this request's page under generation `token`, or None."""
    try:
        url = request.build_absolute_uri()
    except DisallowedHost:  # Django answers 400 itself
        return None
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    digest = hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()
    return f"page:{token}:{language}:{digest}"


def is_storable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    directives = {
        d.split("=")[0].strip().lower()
        for d in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return not directives & UNCACHEABLE_DIRECTIVES


def without_accept_language(response):
    vary = [v.strip() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()]
    kept = [v for v in vary if v.lower() != "accept-language"]
    if len(kept) != len(vary):
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]
    return response


class PageCacheMiddleware:
    """Serve and store anonymous public GET responses (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.private_prefixes = _private_prefixes()

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or request.path.startswith(self.private_prefixes):
            return self.get_response(request)
        if has_session(request):
            response = self.get_response(request)
            # A staff member's view of a public page is theirs alone.
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_cache=True)
            return without_accept_language(response)

        key = self.key(request) if settings.PAGE_CACHE else None
        if key is not None and request.method == "GET":
            stored = cache.get(key)
            if stored is not None:
                response = self.rebuild(stored)
                response["X-Page-Cache"] = "hit"
                return response

        response = self.get_response(request)
        if not is_storable(response):
            return without_accept_language(response)
        without_accept_language(response)
        patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PAGE_CDN_SECONDS)
        if not response.has_header("ETag"):
            response["ETag"] = (
                f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
            )
        if key is not None and request.method == "GET":
            cache.set(
                key, self.freeze(response), seconds_to_next_change(settings.PAGE_CACHE_SECONDS)
            )
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def key(request):
        # Read once per request and kept on it for the fragments the view may render.
        token = current_generation(request)
        if token is None:
            # The schedule could not be read (database down): no page is stored or
            # served under a generation that may be wrong; the view answers as it can.
            return None
        return page_key(request, token)

    @staticmethod
    def freeze(response):
        headers = [(k, v) for k, v in response.items() if k.lower() not in PER_ANSWER_HEADERS]
        return (response.status_code, headers, response.content)

    @staticmethod
    def rebuild(stored):
        status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        return response
