"""The publications the seeds name, with what the seeds say of them and nothing more.

Titles, dates and co-authors are the seeds' (tests/seeds/002_*, the events of June 2020
and January 2020; tests/seeds/004_*, the IOM and DoLAB workshop of April 2024). Where a
seed gives no date, the date is left empty; where it gives no title, the seed's own
description stands as the title. Each file is a generated placeholder PDF that says on
every page that it is one; staff replace it with the real publication.
"""

import datetime

from django.core.files.base import ContentFile

from events.models import Event
from ilo_office.demo import content
from ilo_office.publishing import Status
from programmes.models import Partner, Theme
from publications.models import Publication, PublicationFile
from publications.placeholder import placeholder_pdf

LANGUAGE_NAMES = {"en": "English", "vi": "Vietnamese"}

PUBLICATIONS = [
    {
        # "The findings of the NCLS 2018 ... are expected to be published early next year"
        # (the event of 1 January 2020): data collection led by GSO, report by ILSSA, with
        # ILO technical support. The seed gives no publication date.
        "slug": "national-child-labour-survey-2018",
        "title": "National Child Labour Survey (NCLS) 2018",
        "kind": Publication.Kind.REPORT,
        "summary": "The findings of the NCLS 2018, the second of its kind in Viet Nam: up to "
        "date information on the extent, characteristics and determinants of child labour in "
        "Viet Nam, to guide future strategies and interventions to prevent and reduce child "
        "labour. With ILO technical support, the statistical data collection was led by GSO, "
        "and the report was prepared by the Institute of Labour Science and Social Affairs "
        "(ILSSA).",
        "authors": "General Statistics Office (GSO)\n"
        "Institute of Labour Science and Social Affairs (ILSSA)",
        "publisher": "",
        "published_on": None,
        "date_precision": "year",
        "partners": ["gso", "ilssa"],
        "themes": [],
        "languages": ["en"],
        "events": [
            ("Upcoming publication of National Child Labour Survey (NCLS) 2018", 2020, 1, 1)
        ],
    },
    {
        "slug": "an-ilo-for-all-seasons",
        "title": "An ILO For All Seasons",
        "kind": Publication.Kind.BOOK,
        "summary": "Over a hundred years, the ILO has developed International Labour Standards "
        "and policy responses to mitigate the effects of employment and social crises. This "
        "book traces the development of these tools and the ways in which they have been "
        "successfully applied over the last hundred years.",
        "authors": "",
        "publisher": "",
        # Launched on 29 June 2020 (the seed's book launch); the seed gives no other date.
        "published_on": datetime.date(2020, 1, 1),
        "date_precision": "year",
        "partners": [],
        "themes": ["international-labour-standards"],
        "languages": ["en"],
        "events": [('Book Launch: "An ILO For All Seasons"', 2020, 6, 29)],
    },
    {
        "slug": "still-work-to-be-done",
        "title": "Still Work to be Done",
        "kind": Publication.Kind.BOOK,
        "summary": "Luc Cortebeeck examines the future of work: how can we eliminate child "
        "labour and exploitation? How do we make governments and multinationals respect all "
        "workers in supply chains? How will we work in the post-coronavirus world? A plea "
        "for effective international social regulations and a strong ILO as cornerstone for "
        "social progress.",
        "authors": "Luc Cortebeeck",
        "publisher": "",
        # Launched on 25 June 2020 (the seed's book launch).
        "published_on": datetime.date(2020, 1, 1),
        "date_precision": "year",
        "partners": [],
        "themes": [],
        "languages": ["en"],
        "events": [('Book launch: "Still Work to be Done"', 2020, 6, 25)],
    },
    # "the publications of two health handbooks for Vietnamese migrant workers living in
    # Japan and the Republic of Korea", IOM's support as DoLAB thanked it in April 2024.
    # The seed names neither their titles nor their dates.
    {
        "slug": "health-handbook-migrant-workers-japan",
        "title": "Health handbook for Vietnamese migrant workers living in Japan",
        "kind": Publication.Kind.HANDBOOK,
        "summary": "One of the two health handbooks for Vietnamese migrant workers that IOM "
        "supported, as the Department of Overseas Labour (DoLAB) recalled at the 2024 "
        "consultation workshop on safe labour migration.",
        "authors": "International Organization for Migration (IOM)",
        "publisher": "",
        "published_on": None,
        "date_precision": "year",
        "partners": ["iom", "dolab"],
        "themes": ["labour-market-governance"],
        "languages": ["vi"],
        "events": [],
    },
    {
        "slug": "health-handbook-migrant-workers-korea",
        "title": "Health handbook for Vietnamese migrant workers living in the Republic of Korea",
        "kind": Publication.Kind.HANDBOOK,
        "summary": "One of the two health handbooks for Vietnamese migrant workers that IOM "
        "supported, as the Department of Overseas Labour (DoLAB) recalled at the 2024 "
        "consultation workshop on safe labour migration.",
        "authors": "International Organization for Migration (IOM)",
        "publisher": "",
        "published_on": None,
        "date_precision": "year",
        "partners": ["iom", "dolab"],
        "themes": ["labour-market-governance"],
        "languages": ["vi"],
        "events": [],
    },
]


def _event(title, year, month, day):
    slug = content.event_slug({"title": title, "start_date": datetime.date(year, month, day)})
    return Event.objects.filter(slug=slug).first()


def load_publications(loader):
    """Each publication with its placeholder file(s); `loader` keeps staff's edits."""
    for spec in PUBLICATIONS:
        values = {
            key: spec[key]
            for key in (
                "title",
                "kind",
                "summary",
                "authors",
                "publisher",
                "published_on",
                "date_precision",
            )
        }
        values.update(status=Status.PUBLISHED, publish_at=content.PUBLISHED_AT)
        with loader.item(Publication, {"slug": spec["slug"]}, values) as (publication, write):
            if not write:
                continue
            loader.set_m2m(
                publication,
                "partners",
                [Partner.objects.filter(slug=s).first() for s in spec["partners"]],
            )
            loader.set_m2m(
                publication,
                "themes",
                [Theme.objects.filter(slug=s).first() for s in spec["themes"]],
            )
            loader.set_m2m(publication, "events", [_event(*e) for e in spec["events"]])
            added = False
            for order, language in enumerate(spec["languages"]):
                if publication.files.filter(language=language).exists():
                    continue
                data = placeholder_pdf(spec["title"], LANGUAGE_NAMES[language])
                PublicationFile.objects.create(
                    publication=publication,
                    language=language,
                    label="Placeholder (not the real publication)",
                    order=order,
                    file=ContentFile(data, name=f"{spec['slug']}-{language}-placeholder.pdf"),
                )
                added = True
            if added or not publication.cover:
                publication.refresh_from_files()
