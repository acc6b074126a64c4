"""Work done once per content generation instead of on every request.

Filter choices (programmes, themes, partners, years) and page fragments that only
content changes (the footer's office pages menu) are computed once and kept in the
shared cache under a key that carries the content generation (ilo_office.cache) and,
where text is translated, the language. Saving content moves the generation on, so the
next request computes them afresh: nothing is deleted by hand, nothing goes stale.

Only what every visitor sees the same way may be cached here: never anything that
depends on the user (staff links, previews of drafts).
"""

from django.core.cache import cache
from django.db import DatabaseError
from django.utils import translation

from ilo_office import cache as content_cache

# Older generations are never read again; this only bounds how long they linger.
TIMEOUT = 24 * 60 * 60
# Set by the page cache middleware too (ilo_office.pagecache), so a request reads it once.
REQUEST_ATTRIBUTE = "_content_generation"


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
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value
