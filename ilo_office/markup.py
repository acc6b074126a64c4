"""Sanitising staff-written rich text: the one allow-list of the site.

Threat model: staff accounts are trusted to write content, not to run code in
readers' browsers. A compromised or careless account, or text pasted from Word or
from another site, must not be able to inject script, styles, frames, forms,
event handlers, `javascript:` URLs or tracking pixels into public pages or feeds.
So the HTML is reduced to this allow-list with nh3 (the Rust `ammonia` library)
when it is saved, and again when it is rendered (`{{ body|sanitize }}`), so that a
row written around the model (a raw SQL import, an old backup) is still safe.
Nothing outside this module may mark text as safe.
"""

import html as html_lib
import re
from urllib.parse import urlsplit, urlunsplit

import nh3
from django.conf import settings
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "em", "b", "i", "u", "s", "sub", "sup",
    "ul", "ol", "li", "blockquote", "a", "hr", "figure", "figcaption",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_html(html: str) -> str:
    """Return `html` reduced to the allow-list; links get rel="noopener noreferrer"."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def clean_html_field(instance, name: str) -> None:
    """Sanitise field `name` of `instance` in place, in every language it is kept in.

    A translated field has one column per language (`body_en`, `body_vi`); each is
    cleaned, since the plain attribute only reaches the active language's column.
    """
    from django.conf import settings

    localized = [f"{name}_{code}" for code, _label in settings.LANGUAGES]
    present = [attr for attr in localized if hasattr(instance, attr)]
    for attr in present or [name]:
        value = getattr(instance, attr)
        if value:
            setattr(instance, attr, clean_html(value))


# nh3 writes every attribute double-quoted, and `href` is allowed on <a> only.
_HREF = re.compile(r'href="([^"]*)"')


def _own_hosts():
    # The hosts this site answers on; wildcard entries ("*", ".example.org") name
    # other sites too, so only their exact domain counts as ours.
    return {host.lstrip(".").lower() for host in settings.ALLOWED_HOSTS if host != "*"}


def localize_url(url: str, lang: str | None = None) -> str:
    """The same page of this site in the reader's language; any other URL unchanged.

    Staff write "/partners/molisa/" in an English body: shown on /vi/ it must lead to
    "/vi/partners/molisa/". Only links to this site's language-prefixed pages are
    rewritten: relative paths and absolute URLs on our own hosts. External links,
    media, feeds and links already in some language are left as written, so a
    link is never prefixed twice (/vi/vi/).
    """
    lang = lang or translation.get_language() or settings.LANGUAGE_CODE
    parts = urlsplit(url)
    if parts.scheme not in ("", "http", "https") or not parts.path.startswith("/"):
        return url
    if parts.netloc and parts.hostname not in _own_hosts():
        return url
    # Resolving depends on the active language (the /vi/ prefix): find the language
    # the link was written in, then ask Django for the same view in the reader's.
    path_only = urlunsplit(("", "", parts.path, parts.query, parts.fragment))
    for code, _name in settings.LANGUAGES:
        if _resolves(parts.path, code):
            with translation.override(code):
                localized = urlsplit(translate_url(path_only, lang))
            return urlunsplit((parts.scheme, parts.netloc, *localized[2:]))
    return url


def _resolves(path, lang):
    with translation.override(lang):
        try:
            resolve(path)
        except Resolver404:
            return False
    return True


def localize_links(html: str, lang: str | None = None) -> str:
    """Every href in sanitised `html` through `localize_url`."""

    def replace(match):
        url = html_lib.unescape(match.group(1))
        return f'href="{html_lib.escape(localize_url(url, lang), quote=True)}"'

    return _HREF.sub(replace, html)


def render_html(html: str) -> str:
    """Sanitise and mark safe for a template: the only `mark_safe` on staff text.

    Internal links follow the reader's language (see `localize_url`).
    """
    return mark_safe(localize_links(clean_html(html)))  # noqa: S308 - cleaned against the allow-list above
