"""Which language a translated field is shown in: one rule for templates, search and SEO tags."""

from django.conf import settings
from django.utils import translation


def shown_language(obj, field):
    """The language `obj.<field>` is read in now: the active one, or the fallback (English).

    django-modeltranslation falls back field by field to English where the active
    language's column is empty; the reader's page must say so with a lang attribute,
    and search results and JSON-LD's inLanguage the same.
    """
    current = translation.get_language() or settings.LANGUAGE_CODE
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if current == default or getattr(obj, f"{field}_{current}", None):
        return current
    if getattr(obj, f"{field}_{default}", None):
        return default
    return current  # empty in every language: nothing is shown, nothing to label
