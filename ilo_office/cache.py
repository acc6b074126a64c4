"""The content generation: one token that changes whenever what the public sees may change.

Every cached public response and fragment is keyed by it (see ilo_office.pagecache), so
nothing is ever deleted by URL: moving the generation on makes every older entry
unreachable at once, on every app server sharing the cache, and the old entries age out.

The token moves on when:
- any content is saved or deleted (a counter in the shared cache, raised after the
  transaction commits, so no server can re-cache the old state under the new token);
- a scheduled item reaches its publish or unpublish time (the next such time is kept
  beside the counter; the first request after it raises the counter, so scheduled
  publishing needs no cron job, as the publishing rule promises);
- the office's day changes (events become "past" at midnight in Hanoi).

The counter starts from the clock when the cache has none (a new or restarted Redis):
a fresh value can never equal one that older entries were stored under.
"""

import time

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from ilo_office.publishing import Publishable, Status, office_today

COUNTER_KEY = "content-generation:counter"
NEXT_CHANGE_KEY = "content-generation:next-change"
# Stored in place of "no scheduled change": the cache cannot tell None from a miss.
NO_CHANGE = 0.0


def _fresh_counter():
    return time.time_ns() // 1_000_000


def bump():
    """Move the generation on now: every cached page and fragment is stale from here."""
    try:
        cache.incr(COUNTER_KEY)
    except ValueError:  # no counter yet (new cache, evicted, restarted)
        cache.add(COUNTER_KEY, _fresh_counter(), None)
    # The next scheduled change may be another item's now.
    cache.delete(NEXT_CHANGE_KEY)


def bump_on_commit():
    """Move the generation on once the current transaction has committed."""
    transaction.on_commit(bump)


def next_scheduled_change(now=None):
    """The soonest future publish or unpublish time of published content, or None."""
    now = now or timezone.now()
    moments = []
    for model in publishable_models():
        published = model._default_manager.filter(status=Status.PUBLISHED)
        moments += [
            published.filter(publish_at__gt=now).order_by("publish_at")
            .values_list("publish_at", flat=True).first(),
            published.filter(unpublish_at__gt=now).order_by("unpublish_at")
            .values_list("unpublish_at", flat=True).first(),
        ]  # fmt: skip
    moments = [m for m in moments if m is not None]
    return min(moments) if moments else None


def publishable_models():
    return [m for m in apps.get_models() if issubclass(m, Publishable)]


def generation():
    """The current content generation, as a short string for cache keys and ETags."""
    values = cache.get_many([COUNTER_KEY, NEXT_CHANGE_KEY])
    counter = values.get(COUNTER_KEY)
    next_change = values.get(NEXT_CHANGE_KEY)
    now = time.time()
    if counter is None:
        cache.add(COUNTER_KEY, _fresh_counter(), None)
        counter = cache.get(COUNTER_KEY, _fresh_counter())
    if next_change is not None and next_change != NO_CHANGE and now >= next_change:
        # A scheduled item went live (or was taken down) since the pages were cached.
        try:
            counter = cache.incr(COUNTER_KEY)
        except ValueError:
            counter = _fresh_counter()
            cache.add(COUNTER_KEY, counter, None)
        next_change = None
    if next_change is None:
        moment = next_scheduled_change()
        next_change = moment.timestamp() if moment else NO_CHANGE
        cache.set(NEXT_CHANGE_KEY, next_change, None)
    return f"{counter}-{office_today():%Y%m%d}"


def seconds_to_next_change(limit):
    """How long a cached entry may live: `limit`, or less if a scheduled change comes sooner."""
    next_change = cache.get(NEXT_CHANGE_KEY)
    if not next_change:
        return limit
    return max(1, min(limit, int(next_change - time.time()) + 1))


# Models whose rows the public never sees: saving them must not empty the page cache
# (a read is counted on every article view).
NOT_PUBLIC = {"newsroom.dailyreads", "backoffice.publishinglog"}
CONTENT_APPS = {"ilo_office", "programmes", "newsroom", "events", "pages", "backoffice"}


def is_public_content(model):
    return model._meta.app_label in CONTENT_APPS and model._meta.label_lower not in NOT_PUBLIC


def _content_changed(sender, **kwargs):
    if is_public_content(sender):
        bump_on_commit()


def connect_signals():
    """Any save, delete or relation change of content moves the generation on.

    Signals, not calls in each save(): the admin, inlines, bulk deletes, revisions'
    restores and the demo loader all write content, and none may be forgotten.
    (QuerySet.update() sends no signal: code that updates content that way calls
    bump_on_commit() itself.)
    """
    from django.db.models.signals import m2m_changed, post_delete, post_save

    post_save.connect(_content_changed, dispatch_uid="content-generation-save")
    post_delete.connect(_content_changed, dispatch_uid="content-generation-delete")
    m2m_changed.connect(_content_changed, dispatch_uid="content-generation-m2m")
