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

import nh3
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


def render_html(html: str) -> str:
    """Sanitise and mark safe for a template: the only `mark_safe` on staff text."""
    return mark_safe(clean_html(html))  # noqa: S308 - cleaned against the allow-list above
