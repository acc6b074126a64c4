"""Old addresses keep working: a slug an item gave up redirects (301) to its current one.

Models record their former slugs in `SlugHistory` (see `KeepsSlugHistory`). When a view
that takes a slug answers 404, `moved_url()` looks the slug up among the former slugs of
that type, and, only if the item is public now (found in the view's own public
queryset), builds the same URL (same view, same language, same query string) with the
current slug. Detail pages use `SlugRedirectMixin`; feeds and .ics files are wrapped
with `follow_slug_history()` in their urls.py. An item that is not public, or deleted,
stays a plain 404, so a redirect never reveals a draft.
"""

from functools import wraps

from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse

from ilo_office.models import SlugHistory


def moved_url(request, queryset, slug_kwarg="slug"):
    """The current address for a former slug in this request's URL, or None."""
    match = request.resolver_match
    slug = match.kwargs.get(slug_kwarg) if match else None
    if not slug:
        return None
    former = SlugHistory.objects.filter(
        content_type=ContentType.objects.get_for_model(queryset.model), old_slug=slug
    ).values("object_id")
    current = (
        queryset.filter(pk__in=former).prefetch_related(None).values_list("slug", flat=True).first()
    )
    if not current or current == slug:
        return None
    url = reverse(match.view_name, args=match.args, kwargs={**match.kwargs, slug_kwarg: current})
    query = request.META.get("QUERY_STRING", "")
    return f"{url}?{query}" if query else url


class SlugRedirectMixin:
    """For a public view found by slug: a former slug redirects to the public item's page."""

    def get_moved_queryset(self):
        """Where the item must be found to be redirected to: the view's public queryset."""
        return self.get_queryset()

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            url = moved_url(request, self.get_moved_queryset())
            if url is None:
                raise
            return HttpResponsePermanentRedirect(url)


def follow_slug_history(view, public, slug_kwarg="slug"):
    """Wrap a view (a feed, an .ics file) so that a former slug redirects.

    `public` is a callable returning the public queryset (e.g. `Event.objects.for_calendar`),
    called per request so that "published now" means now.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404:
            url = moved_url(request, public(), slug_kwarg)
            if url is None:
                raise
            return HttpResponsePermanentRedirect(url)

    return wrapper
