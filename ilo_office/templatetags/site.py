from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.safestring import mark_safe

from ilo_office import languages

register = template.Library()


def _path_in_language(path, lang):
    """`path` as the same page in `lang`; None when it is no page of the site (a 404)."""
    url = translate_url(path, lang)
    if url != path or translation.get_language() == lang:
        return url
    # translate_url returns the path unchanged when it does not resolve, e.g. on a
    # 404 page: swap the language prefix by hand so the switcher still changes language.
    return None


def _swap_prefix(path, lang):
    default = settings.LANGUAGE_CODE
    current = translation.get_language()
    if current != default and path.startswith(f"/{current}/"):
        path = path[len(current) + 1 :]
    return path if lang == default else f"/{lang}{path}"


@register.simple_tag(takes_context=True)
def url_in_language(context, lang):
    """The address of the current page in `lang` (plain link, no JavaScript needed).

    Django's set_language form redirects to the referring URL, which with an
    unprefixed default language sends a reader of /vi/news/ back to /vi/news/;
    a link to the translated URL, query string kept, has no such trap.
    """
    request = context["request"]
    url = _path_in_language(request.path, lang) or _swap_prefix(request.path, lang)
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """Absolute URLs of the current page in every language, plus x-default (English).

    For `<link rel="alternate" hreflang>`: empty on pages that are no page of the site
    (404), which have no equivalents to announce.
    """
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if request is None or match is None:
        return []
    query = request.GET.urlencode()
    alternates = []
    for code, _name in settings.LANGUAGES:
        path = _path_in_language(request.path, code)
        if path is None:
            return []
        url = request.build_absolute_uri(f"{path}?{query}" if query else path)
        alternates.append({"hreflang": code, "url": url})
    default = next(a for a in alternates if a["hreflang"] == settings.LANGUAGE_CODE)
    alternates.append({"hreflang": "x-default", "url": default["url"]})
    return alternates


@register.filter
def shown_language(obj, field):
    """`{{ article|shown_language:"title" }}`: "vi", or "en" where no Vietnamese exists."""
    return languages.shown_language(obj, field)


@register.filter
def fallback_lang(obj, field):
    """` lang="en"` when the field is shown in English on a page in another language.

    Goes straight after the element name: `<h1{{ article|fallback_lang:"title" }}>`.
    """
    shown = languages.shown_language(obj, field)
    if shown == (translation.get_language() or settings.LANGUAGE_CODE):
        return ""
    return mark_safe(f' lang="{shown}"')  # noqa: S308 - a language code from settings


@register.filter
def translation_coverage(obj, fields):
    """How much of `fields` ("title,body") is in the active language: "all", "some" or "none".

    Fields empty in every language do not count. Always "all" in English, which every
    item must have.
    """
    current = translation.get_language() or settings.LANGUAGE_CODE
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    names = [name.strip() for name in fields.split(",") if name.strip()]
    if current == default:
        return "all"
    written = [name for name in names if getattr(obj, f"{name}_{default}", None)]
    translated = [name for name in written if languages.shown_language(obj, name) == current]
    if len(translated) == len(written):
        return "all"
    return "some" if translated else "none"


@register.filter
def has_translation(obj, fields):
    """True when every field in `fields` ("title,body") that has English text has it in
    the active language too (`{% if article|has_translation:"title,body" %}`)."""
    return translation_coverage(obj, fields) == "all"


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with `changes` applied, e.g. `?{% query_with page=3 %}`."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


@register.filter
def shared_source(figures):
    """The one figure standing for all when every figure has the same source, link and date.

    A programme's key figures often come from one report: the page then says so once,
    under the grid, instead of repeating the sentence beside each figure. None otherwise.
    """
    figures = list(figures)
    if not figures:
        return None
    first = figures[0]
    same = all(
        (f.source, f.source_url, f.as_of) == (first.source, first.source_url, first.as_of)
        for f in figures
    )
    return first if same else None
