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
- the office's day changes (events become "past" at midnight in Hanoi);
- a new release of the code is deployed (its templates may render the same content
  differently): the token carries a fingerprint of the code, `release()`.

The counter starts from the clock when the cache has none (a new or restarted Redis):
a fresh value can never equal one that older entries were stored under.
"""

import datetime
import functools
import hashlib
import os
import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone

from ilo_office.publishing import Publishable, Status, office_today

COUNTER_KEY = "content-generation:counter"
NEXT_CHANGE_KEY = "content-generation:next-change"
# Stored in place of "no scheduled change": the cache cannot tell None from a miss.
NO_CHANGE = 0.0


def _fresh_counter():
    # Microseconds: a cache emptied and refilled within the same millisecond (tests do)
    # must still start a generation that no earlier entry, here or in a server's own
    # copies (ilo_office.fragments.local_copies), was stored under.
    return time.time_ns() // 1_000


def bump():
    """Move the generation on now: every cached page and fragment is stale from here."""
    try:
        cache.incr(COUNTER_KEY)
    except ValueError:  # no counter yet (new cache, evicted, restarted)
        cache.add(COUNTER_KEY, _fresh_counter(), None)
    # The saved item may be the next to go live: read the schedule again now, in the
    # saving request, so that readers' requests never have to.
    remember_next_change()


def bump_on_commit():
    """Move the generation on once the current transaction has committed."""
    transaction.on_commit(bump)


def next_scheduled_change(now=None):
    """The soonest future publish or unpublish time of published content, or None.

    One query over every public type (each part served by its publish_at or
    unpublish_at index), whatever the volume. A type whose public pages also change at
    another moment (an opportunity's closing time) names that column in its
    SCHEDULE_COLUMNS.
    """
    now = now or timezone.now()
    parts, params = [], []
    for model in publishable_models():
        table = connection.ops.quote_name(model._meta.db_table)
        for column in getattr(model, "SCHEDULE_COLUMNS", ("publish_at", "unpublish_at")):
            parts.append(
                f"SELECT MIN({column}) AS moment FROM {table} "  # noqa: S608 - names from the models
                f"WHERE status = %s AND {column} > %s"
            )
            params += [Status.PUBLISHED, connection.ops.adapt_datetimefield_value(now)]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MIN(moment) FROM ({' UNION ALL '.join(parts)}) AS moments", params)  # noqa: S608
        (moment,) = cursor.fetchone()
    if isinstance(moment, str):  # SQLite returns the stored text
        moment = datetime.datetime.fromisoformat(moment)
    if moment is not None and timezone.is_naive(moment):
        moment = timezone.make_aware(moment, datetime.UTC)
    return moment


def remember_next_change():
    moment = next_scheduled_change()
    next_change = moment.timestamp() if moment else NO_CHANGE
    cache.set(NEXT_CHANGE_KEY, next_change, None)
    return next_change


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
        remember_next_change()
    return f"{counter}-{office_today():%Y%m%d}-{release()}"


# What the pages are made from: a change to any of these is a new release.
RELEASE_SUFFIXES = (".py", ".html", ".mo", ".txt", ".xml")
# Not code of the site's: installed packages, uploads, build output, tests.
NOT_RELEASE = {"node_modules", "media", "staticfiles", "static", "var", "tests", "benchmarks"}


@functools.cache
def release():
    """A short fingerprint of the deployed code, the same on every app server running it.

    Fragments and pages stay in the shared cache across a deploy; without this, a new
    template would be served the old one's output until content next changed.
    RELEASE_ID (a commit or build number) names it instead, where the deploy sets one.
    """
    if settings.RELEASE_ID:
        return settings.RELEASE_ID[:16]
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha1(usedforsecurity=False)
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(
            name for name in subfolders if not name.startswith(".") and name not in NOT_RELEASE
        )
        for name in sorted(files):
            if name.endswith(RELEASE_SUFFIXES):
                path = Path(folder, name)
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def seconds_to_next_change(limit):
    """How long a cached entry may live: `limit`, or less if a scheduled change comes sooner."""
    next_change = cache.get(NEXT_CHANGE_KEY)
    if not next_change:
        return limit
    return max(1, min(limit, int(next_change - time.time()) + 1))


# Models whose rows the public never sees: saving them must not empty the page cache
# (a read is counted on every article view).
NOT_PUBLIC = {"newsroom.dailyreads", "backoffice.publishinglog"}
CONTENT_APPS = {
    "ilo_office",
    "programmes",
    "newsroom",
    "events",
    "publications",
    "opportunities",
    "contact",
    "pages",
    "backoffice",
}


def is_public_content(model):
    # Migrations save through historical models (their own app registry): the tables
    # may not have every column yet, and there is no page to refresh.
    if model._meta.apps is not apps:
        return False
    return model._meta.app_label in CONTENT_APPS and model._meta.label_lower not in NOT_PUBLIC


def _content_changed(sender, **kwargs):
    if is_public_content(sender):
        # Now, so that the saving request (and a test inside one transaction) reads its
        # own change; and after commit, because another server may have cached the old
        # state under the new token between the two.
        bump()
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
