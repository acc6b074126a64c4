"""JobPosting JSON-LD for vacancies and internships (schema.org, as Google reads it).

Built as data and serialised by the site's one JSON-LD writer (ilo_office seo), which
escapes "<", ">" and "&", so no staff text can end the script element.
"""

from django import template
from django.utils.html import strip_tags
from django.utils.timezone import localtime

from ilo_office.templatetags.seo import _absolute, _without_empty, json_ld_script, office

register = template.Library()

# What schema.org's employmentType says for each kind that is a job.
EMPLOYMENT_TYPE = {"vacancy": "FULL_TIME", "internship": "INTERN"}


@register.simple_tag(takes_context=True)
def job_posting_json_ld(context, opportunity):
    """A JobPosting: title, description, dates (validThrough = the closing time), place."""
    request = context.get("request")
    description = opportunity.description or opportunity.summary or opportunity.title
    identifier = None
    if opportunity.reference:
        identifier = {
            "@type": "PropertyValue",
            "name": office(request)["name"],
            "value": opportunity.reference,
        }
    data = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": opportunity.title,
        "description": strip_tags(description),
        "url": _absolute(request, opportunity.get_absolute_url()),
        "identifier": identifier,
        "datePosted": localtime(opportunity.opens_at).isoformat(),
        "validThrough": localtime(opportunity.closes_at).isoformat(),
        "employmentType": EMPLOYMENT_TYPE.get(opportunity.kind),
        "hiringOrganization": office(request),
        "jobLocation": {
            "@type": "Place",
            "address": _without_empty(
                {
                    "@type": "PostalAddress",
                    "addressLocality": opportunity.duty_station,
                    "addressCountry": "VN",
                }
            ),
        },
    }
    return json_ld_script(_without_empty(data))
