"""What search engines and social networks read: canonical URLs, sharing tags, JSON-LD.

JSON-LD is built as Python data and serialised with json.dumps, never by pasting
values into a template, and "<", ">" and "&" are written as \\u003c, \\u003e and
\\u0026, so a title containing "</script>" cannot end the script element. A
`type="application/ld+json"` script is data, never executed: a CSP without
'unsafe-inline' does not block it.
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ilo_office.languages import shown_language

register = template.Library()

# Open Graph wants a territory with the language.
OG_LOCALES = {"en": "en_GB", "vi": "vi_VN"}
SCHEMA = "https://schema.org/"
_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def _absolute(request, url):
    return request.build_absolute_uri(url) if request is not None else url


@register.simple_tag(takes_context=True)
def canonical_url(context, obj=None):
    """The page's one address: absolute, no query string except a page number after 1.

    A detail page's object gives its own address (so /about/ names the office page it
    shows). An article republished from another outlet (`is_coverage` with a
    `source_url`) canonicalises to the original.
    """
    request = context.get("request")
    if request is None:
        return ""
    if obj is not None and hasattr(obj, "get_absolute_url"):
        if getattr(obj, "is_coverage", False) and getattr(obj, "source_url", ""):
            return obj.source_url
        return request.build_absolute_uri(obj.get_absolute_url())
    url = request.build_absolute_uri(request.path)
    page_obj = context.get("page_obj")
    number = getattr(page_obj, "number", 1)
    return f"{url}?page={number}" if number > 1 else url


@register.simple_tag
def og_locales():
    """(this page's og:locale, [the other languages' og:locale])."""
    current = OG_LOCALES.get((get_language() or "en").split("-")[0], "en_GB")
    return current, [locale for locale in OG_LOCALES.values() if locale != current]


@register.simple_tag(takes_context=True)
def share_image(context, photo):
    """The widest rendition of `photo` as {url, width, height, alt} for og:image, or None."""
    if not photo:
        return None
    request = context.get("request")
    largest = photo.largest
    if largest:
        url = photo.image.storage.url(largest["jpeg"])
        width, height = largest["width"], largest["height"]
    else:
        url, width, height = photo.image.url, photo.width, photo.height
    return {"url": _absolute(request, url), "width": width, "height": height, "alt": photo.alt_text}


def json_ld_script(data):
    """`<script type="application/ld+json">` with `data`, safe to put in HTML."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    # Safe: the only characters that could end the element or open markup are escaped.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


def office(request):
    """The office as a schema.org Organization (author, publisher, organizer)."""
    return {
        "@type": "Organization",
        "name": _("ILO Country Office for Viet Nam"),
        "url": _absolute(request, reverse("home")),
        "logo": {"@type": "ImageObject", "url": _absolute(request, static("img/favicon.svg"))},
        "parentOrganization": {
            "@type": "Organization",
            "name": _("International Labour Organization"),
            "url": "https://www.ilo.org/",
        },
    }


def _images(request, *photos):
    return [share_image({"request": request}, photo)["url"] for photo in photos if photo]


@register.simple_tag(takes_context=True)
def organization_json_ld(context):
    """The office, with its address, for the home page."""
    request = context.get("request")
    data = {
        "@context": "https://schema.org",
        **office(request),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "304 Kim Ma Street, Ba Dinh",
            "addressLocality": "Hanoi",
            "addressCountry": "VN",
        },
    }
    return json_ld_script(data)


@register.simple_tag(takes_context=True)
def article_json_ld(context, article):
    """A NewsArticle: headline, dates, photo, who wrote and published it, language."""
    request = context.get("request")
    url = _absolute(request, article.get_absolute_url())
    publisher = office(request)
    author = publisher
    if article.is_coverage and article.source_name:
        author = {"@type": "Organization", "name": article.source_name}
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.standfirst,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": localtime(article.publish_at).isoformat(),
        "dateModified": localtime(article.revised_at or article.updated_at).isoformat(),
        "image": _images(request, article.hero),
        "author": author,
        "publisher": publisher,
        "inLanguage": shown_language(article, "title"),
    }
    if article.is_coverage and article.source_url:
        data["isBasedOn"] = article.source_url
    contacts = [
        _without_empty(
            {
                "@type": "ContactPoint",
                "contactType": "media",
                "name": contact.name,
                "description": contact.role,
                "email": contact.email,
                "telephone": contact.phone,
            }
        )
        for contact in article.press_contacts()
    ]
    if contacts:
        # Whom journalists call about a press release: the publisher's media contacts.
        data["publisher"] = {**publisher, "contactPoint": contacts}
    return json_ld_script(_without_empty(data))


EVENT_STATUS = {
    "scheduled": "EventScheduled",
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
    "moved_online": "EventMovedOnline",
}


def event_dates(event):
    """(startDate, endDate) as precise as staff know them: instant with offset, day, month."""
    if event.precision == "exact":
        if event.is_all_day:
            return event.start_date.isoformat(), event.last_date.isoformat()
        return (
            event.starts_at.isoformat(timespec="minutes"),
            event.ends_at.isoformat(timespec="minutes"),
        )
    if event.precision == "month":
        # An event "in March 2020" is "2020-03", not 1 March (ISO 8601 reduced
        # precision, which schema.org's Date allows).
        return event.start_date.strftime("%Y-%m"), event.last_date.strftime("%Y-%m")
    if event.precision == "quarter":
        # "Quarter 2, 2027" is the months 2027-04 to 2027-06, whatever day staff
        # gave as its placeholder.
        first = (event.start_date.month - 1) // 3 * 3 + 1
        year = event.start_date.year
        return f"{year}-{first:02d}", f"{year}-{first + 2:02d}"
    # "To be confirmed": nothing is known, so nothing is claimed (not even the
    # placeholder's year).
    return None, None


def event_attendance(event, request):
    """(eventAttendanceMode, location) from the venue and the online flag."""
    place = None
    if event.venue or event.city or event.country:
        place = {
            "@type": "Place",
            "name": event.venue or event.city or event.country,
            "address": _without_empty(
                {
                    "@type": "PostalAddress",
                    "addressLocality": event.city,
                    "addressCountry": event.country,
                }
            ),
        }
    # The meeting link is for registered participants unless staff chose to show it.
    online_url = event.online_url if event.show_online_link and event.online_url else None
    virtual = {
        "@type": "VirtualLocation",
        "url": online_url or _absolute(request, event.get_absolute_url()),
    }
    return {
        "online": ("OnlineEventAttendanceMode", virtual),
        "mixed": ("MixedEventAttendanceMode", [place, virtual]),
        "in_person": ("OfflineEventAttendanceMode", place),
    }[event.attendance]


@register.simple_tag(takes_context=True)
def event_json_ld(context, event):
    """An Event: dates with their zone, status, attendance mode, place, organizer."""
    request = context.get("request")
    start, end = event_dates(event)
    mode, location = event_attendance(event, request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": _absolute(request, event.get_absolute_url()),
        "startDate": start,
        "endDate": end,
        "eventStatus": SCHEMA + EVENT_STATUS.get(event.event_status, "EventScheduled"),
        "eventAttendanceMode": SCHEMA + mode,
        "location": location,
        "image": _images(request, event.photo),
        "organizer": office(request),
        "inLanguage": shown_language(event, "title"),
    }
    return json_ld_script(_without_empty(data))


def _without_empty(data):
    return {key: value for key, value in data.items() if value not in (None, "", [])}
