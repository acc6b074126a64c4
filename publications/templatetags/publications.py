from django import template
from django.template.defaultfilters import date as format_date
from django.template.defaultfilters import filesizeformat
from django.utils.translation import ngettext

from ilo_office.search import shown_language
from ilo_office.templatetags.seo import _absolute, _without_empty, json_ld_script, office

register = template.Library()

# Reports and the like are schema.org Reports; the rest are Books (a guide, a handbook).
REPORT_KINDS = {"report", "policy_brief", "fact_sheet", "working_paper"}


@register.filter
def publication_date(publication):
    """The date as precisely as it is known: "2018", "March 2018", "12 March 2018"."""
    day = publication.published_on
    if day is None:
        return ""
    if publication.date_precision == "year":
        return str(day.year)
    if publication.date_precision == "month":
        return format_date(day, "YEAR_MONTH_FORMAT")
    return format_date(day, "DATE_FORMAT")


@register.filter
def iso_date(publication):
    """The same precision for machines: "2018", "2018-03", "2018-03-12"."""
    day = publication.published_on
    if day is None:
        return ""
    return {
        "year": f"{day:%Y}",
        "month": f"{day:%Y-%m}",
    }.get(publication.date_precision, day.isoformat())


@register.simple_tag
def file_description(file):
    """ "PDF, 2.1 MB, 48 pages"."""
    parts = ["PDF", filesizeformat(file.size)]
    if file.pages:
        parts.append(
            ngettext("%(count)s page", "%(count)s pages", file.pages) % {"count": file.pages}
        )
    return ", ".join(str(p) for p in parts)


@register.simple_tag(takes_context=True)
def publication_json_ld(context, publication):
    """A Book or a Report: name, authors, publisher, date as known, ISBN, languages."""
    request = context.get("request")
    url = _absolute(request, publication.get_absolute_url())
    files = list(publication.files.all())
    authors = [{"@type": "Organization", "name": name} for name in publication.author_list]
    data = {
        "@context": "https://schema.org",
        "@type": "Report" if publication.kind in REPORT_KINDS else "Book",
        "name": publication.title,
        "description": publication.summary,
        "url": url,
        "datePublished": iso_date(publication),
        "author": authors or office(request),
        # Only as printed: a book the office launched is not always one it published.
        "publisher": {"@type": "Organization", "name": publication.publisher}
        if publication.publisher
        else None,
        "isbn": publication.isbn,
        "issn": publication.issn,
        "inLanguage": [code for code, _label in publication.languages() if code != "other"]
        or shown_language(publication, "title"),
        "image": _absolute(request, publication.cover.url) if publication.cover else "",
        "numberOfPages": files[0].pages if len(files) == 1 and files[0].pages else None,
        "encoding": [
            _without_empty(
                {
                    "@type": "MediaObject",
                    "encodingFormat": "application/pdf",
                    "contentUrl": _absolute(request, f.file.url),
                    "contentSize": f"{f.size} B",
                    "inLanguage": f.language if f.language != "other" else None,
                }
            )
            for f in files
        ],
    }
    if data["@type"] == "Report":
        data.pop("isbn")
        if publication.isbn:
            data["identifier"] = {
                "@type": "PropertyValue",
                "propertyID": "ISBN",
                "value": publication.isbn,
            }
    return json_ld_script(_without_empty(data))
