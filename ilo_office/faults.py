"""Request ids, and a branded 503 instead of a 500 while the database is unreachable.

README, "Faults, health checks and logs". A database that is down, restarting or
refusing connections makes every view raise OperationalError (or InterfaceError for a
connection that died under it). That is not a bug in the page: the reader gets
templates/503.html with `Retry-After`, staff who posted a form are told their change
was not saved (the admin saves inside a transaction, so nothing of it was kept), and
the log gets one warning line instead of a traceback per request.
"""

import logging
import re
import sys
import uuid

from django.conf import settings
from django.core.signals import request_finished
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views import defaults

from ilo_office.logs import request_id_var
from ilo_office.security import from_trusted_proxy

logger = logging.getLogger("ilo_office.faults")

DATABASE_ERRORS = (OperationalError, InterfaceError)
REQUEST_ID_HEADER = "X-Request-ID"
# What a proxy's id may look like (nginx's $request_id is 32 hex digits; UUIDs and
# other tracers' ids fit too); anything else is replaced, never logged as given.
_VALID_ID = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")


def _trusts_proxy_id(request):
    # Our reverse proxy sets X-Request-ID for every request it forwards (and overwrites
    # what a client sent); from anywhere else, the header is the client's.
    return from_trusted_proxy(request)


class RequestIdMiddleware:
    """Gives every request an id, puts it on its log lines and in its response.

    First in MIDDLEWARE, so that even redirects, cached pages and errors carry it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get(REQUEST_ID_HEADER, "")
        trusted = _trusts_proxy_id(request) and _VALID_ID.match(given)
        request_id = given if trusted else uuid.uuid4().hex
        request.request_id = request_id
        # Kept until the response is finished, not only while the middleware runs:
        # Django logs a 4xx/5xx answer ("Not Found: /x") after the middleware returned.
        request_id_var.set(request_id)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        return response


@receiver(request_finished)
def _forget_request_id(**kwargs):
    request_id_var.set(None)


def is_database_outage(exc):
    return isinstance(exc, DATABASE_ERRORS)


def unavailable_response(request, exc=None):
    """The branded 503, rendered without the database.

    No request context: the context processors query the database (office pages), so
    the template gets only what is passed here, in the language the URL asked for.
    """
    unsaved = request is not None and request.method not in ("GET", "HEAD", "OPTIONS")
    language = translation.get_language_from_path(request.path_info) if request else None
    language = language or settings.LANGUAGE_CODE
    with translation.override(language):
        content = loader.render_to_string(
            "503.html",
            {
                "unsaved": unsaved,
                "request_id": getattr(request, "request_id", None) or request_id_var.get(),
                "home_url": "/" if language == settings.LANGUAGE_CODE else f"/{language}/",
                "retry_after": settings.DATABASE_OUTAGE_RETRY_AFTER,
            },
        )
    response = HttpResponse(content, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(settings.DATABASE_OUTAGE_RETRY_AFTER)
    # Neither the page cache (it stores only 200s anyway) nor a CDN or browser may keep
    # an outage page past the outage.
    add_never_cache_headers(response)
    # Django's request logger would add an ERROR line per request; ours says it once.
    response._has_been_logged = True
    if exc is not None:
        logger.warning(
            "database unavailable: %s %s answered 503%s",
            request.method if request else "-",
            request.path if request else "-",
            " (change not saved)" if unsaved else "",
            extra={
                "status_code": 503,
                "db_error": f"{type(exc).__name__}: {str(exc).strip()[:300]}",
            },
        )
    return response


class DatabaseUnavailableMiddleware:
    """A view that hits an unreachable database answers 503, not 500.

    Only exceptions raised by views reach process_exception; those raised in other
    middleware (a session saved on the way out) are caught by `server_error` below,
    the site's handler500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_outage(exception):
            return unavailable_response(request, exception)
        return None


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """handler500: the 503 when the uncaught exception is a database outage.

    Django calls it inside its `except` block, so sys.exc_info() is the exception.
    """
    exc = sys.exc_info()[1]
    if is_database_outage(exc):
        return unavailable_response(request, exc)
    return defaults.server_error(request, template_name)
