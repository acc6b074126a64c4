"""Previews: staff see an item that is not public yet exactly as readers will see it.

Two doors lead to the same page:

- `preview_url(obj)`, /preview/<app_label>/<model>/<pk>/, opens for an active staff
  member who holds the change permission of that type;
- `signed_preview_url(obj)`, /preview/s/<token>/, opens for anyone holding the link
  until it expires (PREVIEW_LINK_MAX_AGE seconds, three days by default), so that a
  colleague without an account can review a draft. The admin's change form shows it,
  with its expiry, to staff who may change the item (`review_link`).

Threat model: a preview shows what the public must not see yet, so
- whoever may not preview gets a plain 404, never a login redirect: the answer must
  not tell an outsider that an item with that number exists;
- the token is made by `TimestampSigner` with the SECRET_KEY and its own salt; it
  names the model and the primary key, so it opens that one item and no other, and it
  stops working after its lifetime or once the item is deleted;
- previews are never cached (`Cache-Control: private, no-store`) and never indexed
  (`X-Robots-Tag: noindex`), and the page says loudly that it is not public.

The page itself is the app's own public DetailView, switched to preview mode by
`PreviewableMixin`: the object may have any status, everything around it (side
blocks, related items, menus) still goes through `published()`.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.module_loading import import_string

from ilo_office import registry

# Which public view shows which type (registered in ilo_office.registry). Dotted paths,
# imported on first use, so that this module can be imported from any app (the admin's
# "Preview" buttons) without pulling every app's views in at start-up.
PREVIEW_VIEWS = registry.preview_views()

SIGNING_SALT = "ilo_office.preview"
DEFAULT_MAX_AGE = 3 * 24 * 60 * 60  # seconds; settings.PREVIEW_LINK_MAX_AGE overrides it


def _label(obj_or_model):
    return obj_or_model._meta.label_lower


def preview_url(obj):
    """The staff-only preview address of `obj` (a type registered with a preview view)."""
    app_label, model_name = _label(obj).split(".")
    return reverse(
        "preview", kwargs={"app_label": app_label, "model_name": model_name, "pk": obj.pk}
    )


def make_preview_token(obj):
    """A signed, timestamped token that opens the preview of `obj` and nothing else."""
    return signing.TimestampSigner(salt=SIGNING_SALT).sign_object(
        {"model": _label(obj), "pk": obj.pk}
    )


def signed_preview_url(obj, request=None):
    """A preview link for someone without an account; absolute when `request` is given."""
    url = reverse("signed_preview", kwargs={"token": make_preview_token(obj)})
    return request.build_absolute_uri(url) if request is not None else url


def link_max_age():
    """How long a signed preview link works, in seconds."""
    return getattr(settings, "PREVIEW_LINK_MAX_AGE", DEFAULT_MAX_AGE)


def review_link(obj, request):
    """A fresh signed link to `obj` for a colleague, with when it stops working.

    {"url": absolute link, "days"/"hours": its lifetime, "expires": aware datetime in the
    office's zone}. The token carries its own signing time, so the expiry is now plus the
    lifetime, as `read_preview_token` will count it.
    """
    max_age = link_max_age()
    # The signer's clock (seconds since the epoch), not timezone.now(): the same one
    # read_preview_token measures the age with.
    signed_at = int(signing.time.time())
    expires = datetime.datetime.fromtimestamp(
        signed_at + max_age, tz=zoneinfo.ZoneInfo(settings.TIME_ZONE)
    )
    return {
        "url": signed_preview_url(obj, request),
        "days": max_age // 86400 if max_age % 86400 == 0 else None,
        "hours": max(1, max_age // 3600),
        "expires": expires,
    }


def read_preview_token(token):
    """(model label, pk) from a token, or Http404 when it is forged, altered or too old."""
    try:
        data = signing.TimestampSigner(salt=SIGNING_SALT).unsign_object(
            token, max_age=link_max_age()
        )
        return str(data["model"]), int(data["pk"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        # SignatureExpired is a BadSignature: an old link is as dead as a forged one.
        raise Http404("No such preview.") from None


def can_preview(user, label):
    """Active staff holding the change permission of that type."""
    app_label, model_name = label.split(".")
    return user.is_active and user.is_staff and user.has_perm(f"{app_label}.change_{model_name}")


def _render(request, label, pk):
    try:
        view_class = import_string(PREVIEW_VIEWS[label])
    except KeyError:
        raise Http404("No preview for this type.") from None
    response = view_class.as_view(is_preview=True)(request, pk=pk)
    if hasattr(response, "render"):
        response.render()
    add_never_cache_headers(response)  # includes "private" and "no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def preview(request, app_label, model_name, pk):
    """/preview/<app_label>/<model>/<pk>/: staff with the change permission, else 404."""
    label = f"{app_label}.{model_name}"
    if label not in PREVIEW_VIEWS or not can_preview(request.user, label):
        raise Http404("No such preview.")
    return _render(request, label, pk)


def signed_preview(request, token):
    """/preview/s/<token>/: anyone with a valid, unexpired link for this one item."""
    label, pk = read_preview_token(token)
    return _render(request, label, pk)


class PreviewableMixin:
    """For a public DetailView: `visible()` is `published()`, except in a preview.

    A preview view is the same class made with `as_view(is_preview=True)`: it finds its
    object by primary key among every status, and its context says `is_preview` so that
    the base template shows the "not public" banner. Side blocks must not use `visible()`:
    they stay published-only in a preview too.
    """

    is_preview = False

    def visible(self, queryset):
        return queryset if self.is_preview else queryset.published()

    def get_context_data(self, **kwargs):
        if self.is_preview:
            kwargs["is_preview"] = True
        return super().get_context_data(**kwargs)
