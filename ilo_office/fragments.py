"""Work done once per content generation instead of on every request.

Filter choices (programmes, themes, partners, years) and page fragments that only
content changes (the footer's office pages menu) are computed once and kept in the
shared cache under a key that carries the content generation (ilo_office.cache) and,
where text is translated, the language. Saving content moves the generation on, so the
next request computes them afresh: nothing is deleted by hand, nothing goes stale.

Only what every visitor sees the same way may be cached here: never anything that
depends on the user (staff links, previews of drafts).
"""

import threading
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.db.models import prefetch_related_objects
from django.utils import translation

from ilo_office import cache as content_cache

# Older generations are never read again; this only bounds how long they linger.
TIMEOUT = 24 * 60 * 60
# Set by the page cache middleware too (ilo_office.pagecache), so a request reads it once.
REQUEST_ATTRIBUTE = "_content_generation"


class LocalCopies:
    """This process's own copies of per-generation values, the most recently used kept.

    The shared cache pickles: reading a partner menu or twenty cards back from it costs
    a round trip and an unpickling on every request. Keys carry the content generation,
    so a copy can never be stale: a new generation asks for new keys, and the old ones
    fall off the end. Bounded, so a worker's memory stays flat (FRAGMENT_LOCAL_ENTRIES).
    Values are shared between requests: callers must not change them.
    """

    def __init__(self):
        self._items = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def set(self, key, value):
        limit = settings.FRAGMENT_LOCAL_ENTRIES
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > limit:
                self._items.popitem(last=False)

    def clear(self):
        with self._lock:
            self._items.clear()


local_copies = LocalCopies()


def current_generation(request=None):
    """The content generation, read once per request (kept on `request`), or None.

    None when it cannot be known, e.g. while the database is down (the next scheduled
    change is read from it): callers then compute without caching.
    """
    if request is not None and hasattr(request, REQUEST_ATTRIBUTE):
        return getattr(request, REQUEST_ATTRIBUTE)
    try:
        generation = content_cache.generation()
    except DatabaseError:
        generation = None
    if request is not None:
        setattr(request, REQUEST_ATTRIBUTE, generation)
    return generation


def cache_key(name, generation, by_language=True):
    language = (translation.get_language() or "") if by_language else "-"
    return f"per-generation:{name}:{language}:{generation}"


def once_per_generation(name, compute, request=None, by_language=True):
    """`compute()`, or its result from the cache if computed in this content generation.

    `by_language`: the result holds translated text (labels, names), so each language
    keeps its own. The result must pickle (plain lists, tuples and strings are best).
    """
    generation = current_generation(request)
    if generation is None:
        return compute()
    key = cache_key(name, generation, by_language)
    value = local_copies.get(key)
    if value is not None:
        return value
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    local_copies.set(key, value)
    return value


class PagePartsMixin:
    """For a DetailView whose item fragment is kept per generation (`{% per_generation %}`).

    What only that fragment shows (the item's relations, related items) is loaded by
    `page_parts()`, which the template tag calls when it renders the fragment, and not
    at all when the fragment comes from the cache: a warm page runs one query for its
    item instead of one per relation. `parts_prefetch` are the item's relations to load;
    `get_parts()` returns the fragment's extra context.
    """

    parts_prefetch = ()

    def get_parts(self):
        return {}

    def page_parts(self):
        # Several fragments of one page may share the parts: load them once.
        if not hasattr(self, "_page_parts"):
            prefetch_related_objects([self.object], *self.parts_prefetch)
            self._page_parts = self.get_parts()
        return self._page_parts

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_parts=self.page_parts, **kwargs)
