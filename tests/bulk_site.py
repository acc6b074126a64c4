"""A whole site in bulk: articles, events, programmes, partners, themes and their links.

The same shape as the office's content over decades (`fill()` defaults: 20,000 articles
over 25 years, 5,000 events, 60 programmes, 400 partners), built with bulk_create so that
the full size takes seconds, not minutes. Used by the query-count test (a small site and
one ten times larger) and the query-plan test (the full size on PostgreSQL).

Calling `fill()` again grows the site: new rows get new slugs and link to old and new
programmes, themes and partners alike. Named rows that tests request (`SLUGS`) are made
by the first call, fully linked, so every public URL has something to show.
"""

import datetime
import random

from django.utils import timezone

from events.models import Event
from ilo_office.models import Photo
from ilo_office.pages.models import OfficePage
from ilo_office.publishing import Status, office_today
from newsroom.models import Article, DailyReads
from opportunities.models import Opportunity
from programmes.models import Partner, Place, Programme, ProgrammePartner, Theme
from publications.models import Publication, PublicationFile

SLUGS = {
    "article": "named-article",
    "event": "named-event",
    "programme": "named-programme",
    "theme": "named-theme",
    "partner": "named-partner",
    "office_page": "named-office-page",
    "opportunity": "named-opportunity",
    "publication": "named-publication",
    "place": "named-place",
}
BATCH = 2000
YEARS = 25
THEMES = 15
READ_DAYS = 200  # a year of reads would be realistic; 200 days keep the fill quick


def _searchable(items):
    """The items with their folded search text filled, as save() would (bulk_create does
    not call save()): the search at volume then finds what it would in production."""
    for item in items:
        item.refresh_search_columns()
        yield item


def _photo():
    """One photo every row shares (its file need not exist: pages print its address)."""
    photo = Photo.objects.filter(title="Bulk photo").first()
    if photo is None:
        photo = Photo.objects.bulk_create(
            [
                Photo(
                    title="Bulk photo",
                    image="photos/bulk.jpg",
                    width=1200,
                    height=600,
                    alt_text="Workers at their sewing machines",
                    caption="A garment factory in Hanoi.",
                    credit="© ILO",
                )
            ]
        )[0]
    return photo


def _pick(rng, rows, low, high):
    return rng.sample(rows, min(len(rows), rng.randint(low, high)))


def fill(articles=20_000, events=5_000, programmes=60, partners=400, seed=1):
    """Add this many rows of each kind (plus drafts, scheduled and expired ones) and links."""
    rng = random.Random(seed)  # noqa: S311 - test data, repeatable by seed
    now = timezone.now()
    today = office_today()
    first = not Article.objects.filter(slug=SLUGS["article"]).exists()
    offset = Article.objects.count() + Event.objects.count() + Programme.objects.count()
    tag = f"{seed}-{offset}"
    photo = _photo()

    # The hub: themes (a handful, fixed), partners, programmes.
    if first:
        Theme.objects.bulk_create(
            Theme(name=f"Area of work {i}", slug=f"area-{i}", is_cross_cutting=i % 5 == 0, order=i)
            for i in range(THEMES - 1)
        )
        Theme.objects.create(name="Named area of work", slug=SLUGS["theme"])
        OfficePage.objects.bulk_create(
            OfficePage(
                title=f"Office page {i}",
                slug=SLUGS["office_page"] if i == 0 else f"office-page-{i}",
                status=Status.PUBLISHED,
                publish_at=now - datetime.timedelta(days=400),
                body="<p>About the office.</p>",
                nav_order=i,
            )
            for i in range(4)
        )
    new_partners = Partner.objects.bulk_create(
        _searchable(
            Partner(
                name=f"Partner organisation {tag} {i}",
                acronym=f"PO{i}",
                slug=SLUGS["partner"] if first and i == 0 else f"partner-{tag}-{i}",
                kind=list(Partner.Kind)[i % len(Partner.Kind)],
            )
            for i in range(partners)
        )
    )
    new_programmes = Programme.objects.bulk_create(
        _searchable(
            Programme(
                name=f"Programme {tag} {i}",
                acronym=f"P{i}",
                slug=SLUGS["programme"] if first and i == 0 else f"programme-{tag}-{i}",
                summary="Decent work for all.",
                status=Status.PUBLISHED if i % 10 or (first and i == 0) else Status.DRAFT,
                publish_at=now - datetime.timedelta(days=rng.randint(30, 365 * YEARS)),
                stage=list(Programme.Stage)[i % 3],
                photo=photo,
            )
            for i in range(programmes)
        )
    )
    # Places: a few provinces per fill, each with a former province merged into it (the
    # named one's linked to the named programme, so its page lists it as merged). Their
    # own random sequence: the rows drawn after them stay those the pins were set with.
    # Places outlive the query-plan test's truncation of the tables above (the data
    # migration's places are in the same table): the named one is made only once, and
    # the others are tagged by the number of places already there.
    place_rng = random.Random(seed + 1000)  # noqa: S311 - test data, repeatable by seed
    place_tag = f"{seed}-{Place.objects.count()}"
    named_place = Place.objects.filter(slug=SLUGS["place"]).first()
    regions = [*Place.Region, ""]
    new_places = Place.objects.bulk_create(
        Place(
            name=f"Province {place_tag} {i}",
            vietnamese_name=f"Tỉnh {place_tag} {i}",
            slug=SLUGS["place"] if named_place is None and i == 0 else f"province-{place_tag}-{i}",
            region=regions[i % len(regions)],
        )
        for i in range(max(3, programmes // 2))
    )
    named_place = named_place or new_places[0]
    former_places = Place.objects.bulk_create(
        Place(
            name=f"Former province {place_tag} {i}",
            slug=f"former-province-{place_tag}-{i}",
            successor=named_place if i == 0 else place,
            successor_since=datetime.date(2025, 7, 1),
        )
        for i, place in enumerate(new_places)
    )
    Programme.places.through.objects.bulk_create(
        (
            Programme.places.through(programme=p, place=place)
            for k, p in enumerate(new_programmes)
            for place in {
                *_pick(place_rng, [*new_places, *former_places], 1, 3),
                *([former_places[0], named_place] if first and k == 0 else []),
            }
        ),
        ignore_conflicts=True,
    )
    all_themes = list(Theme.objects.all())
    all_partners = list(Partner.objects.all())
    all_programmes = list(Programme.objects.all())
    named = {
        "programme": Programme.objects.get(slug=SLUGS["programme"]),
        "theme": Theme.objects.get(slug=SLUGS["theme"]),
        "partner": Partner.objects.get(slug=SLUGS["partner"]),
    }
    Programme.themes.through.objects.bulk_create(
        Programme.themes.through(programme=p, theme=t)
        for p in new_programmes
        for t in _pick(rng, all_themes, 1, 3)
    )
    roles = list(ProgrammePartner.Role)
    ProgrammePartner.objects.bulk_create(
        [
            *(
                ProgrammePartner(programme=p, partner=partner, role=rng.choice(roles))
                for p in new_programmes
                for partner in _pick(rng, all_partners, 2, 8)
            ),
            *(
                [
                    ProgrammePartner(
                        programme=named["programme"], partner=named["partner"], role=role
                    )
                    for role in roles[:2]
                ]
                if first
                else []
            ),
        ],
        ignore_conflicts=True,
    )

    # Articles over YEARS years, some drafts, some scheduled, a few taken down.
    def article(i):
        state = rng.random()
        publish_at = now - datetime.timedelta(minutes=rng.randint(10, YEARS * 365 * 24 * 60))
        status, unpublish_at = Status.PUBLISHED, None
        if state < 0.03:
            status = Status.DRAFT
        elif state < 0.04:
            publish_at = now + datetime.timedelta(days=rng.randint(1, 30))
        elif state < 0.05:
            unpublish_at = publish_at + datetime.timedelta(days=rng.randint(1, 60))
        elif state < 0.06:
            unpublish_at = now + datetime.timedelta(days=rng.randint(1, 60))
        if first and i == 0:
            status, unpublish_at = Status.PUBLISHED, None
            publish_at = now - datetime.timedelta(hours=1)
        return Article(
            title=f"Story {tag} {i} on decent work",
            slug=SLUGS["article"] if first and i == 0 else f"story-{tag}-{i}",
            kind=rng.choice(list(Article.Kind)),
            status=status,
            publish_at=publish_at,
            unpublish_at=unpublish_at,
            dateline="HANOI",
            standfirst=f"What happened in story {i}.",
            body=f"<p>The body of story {i}.</p>" * 20,
            is_featured=rng.random() < 0.05,
            hero=photo if rng.random() < 0.8 else None,
        )

    new_articles = Article.objects.bulk_create(
        _searchable(article(i) for i in range(articles)), BATCH
    )

    # Events over the same years, and some months ahead.
    def event(i):
        if first and i == 0:
            start = today - datetime.timedelta(days=30)
        elif first and i == 7:  # linked to the named programme, theme and partner, like 0
            start = today + datetime.timedelta(days=10)
        elif rng.random() < 0.05:
            start = today + datetime.timedelta(days=rng.randint(0, 180))
        else:
            start = today - datetime.timedelta(days=rng.randint(1, YEARS * 365))
        length = rng.choice([0, 0, 0, 1, 2, 4])
        precision = Event.Precision.EXACT if rng.random() < 0.9 else Event.Precision.MONTH
        if first and i == 0:
            precision = Event.Precision.EXACT
        timed = rng.random() < 0.5
        return Event(
            title=f"Event {tag} {i}",
            slug=SLUGS["event"] if first and i == 0 else f"event-{tag}-{i}",
            kind=rng.choice(list(Event.Kind)),
            status=Status.PUBLISHED
            if rng.random() < 0.96 or (first and i in (0, 7))
            else Status.DRAFT,
            # Announced some weeks ahead (never in the future: those would be scheduled).
            publish_at=min(
                now - datetime.timedelta(hours=1),
                timezone.make_aware(datetime.datetime.combine(start, datetime.time(8)))
                - datetime.timedelta(days=rng.randint(7, 90)),
            ),
            start_date=start,
            end_date=start + datetime.timedelta(days=length) if length else None,
            start_time=datetime.time(9) if timed else None,
            end_time=datetime.time(17) if timed else None,
            precision=precision,
            summary="A workshop with the social partners.",
            city="Hanoi",
            country="Viet Nam",
            photo=photo if rng.random() < 0.5 else None,
        )

    new_events = Event.objects.bulk_create(_searchable(event(i) for i in range(events)), BATCH)

    # Publications: one for every twenty articles (at least three), each with a PDF.
    # Their own random numbers: the rows the other tests request stay the same.
    prng = random.Random(seed + 1)  # noqa: S311 - test data, repeatable by seed

    def publication(i):
        published_on = today - datetime.timedelta(days=prng.randint(0, YEARS * 365))
        item = Publication(
            title=f"Report {tag} {i} on decent work",
            slug=SLUGS["publication"] if first and i == 0 else f"report-{tag}-{i}",
            kind=prng.choice(list(Publication.Kind)),
            status=Status.PUBLISHED if prng.random() < 0.95 or (first and i == 0) else Status.DRAFT,
            publish_at=now - datetime.timedelta(hours=1 + i),
            published_on=published_on,
            date_precision=prng.choice(["year", "month", "day"]),
            summary=f"What report {i} found.",
            authors="International Labour Organization",
        )
        return item

    new_publications = Publication.objects.bulk_create(
        _searchable(publication(i) for i in range(max(3, articles // 20))), BATCH
    )
    PublicationFile.objects.bulk_create(
        (
            PublicationFile(
                publication=item,
                language=prng.choice(["en", "vi"]),
                file=f"publications/files/report-{item.pk}.pdf",
                size=prng.randint(100_000, 9_000_000),
                pages=prng.randint(4, 300),
            )
            for item in new_publications
        ),
        BATCH,
    )

    # Links: each item to 1-2 programmes, 1-2 themes, 0-2 partners; the named ones to all.
    for model, items, name in (
        (Article, new_articles, "article"),
        (Event, new_events, "event"),
        (Publication, new_publications, "publication"),
    ):
        for field, targets, low in (
            ("programme", all_programmes, 1),
            ("theme", all_themes, 1),
            ("partner", all_partners, 0),
        ):
            through = getattr(model, f"{field}s").through
            rows = [
                through(**{f"{name}_id": item.pk, f"{field}_id": target.pk})
                for k, item in enumerate(items)
                for target in {
                    *_pick(rng, targets, low, 2),
                    *([named[field]] if k % 7 == 0 else []),
                }
            ]
            through.objects.bulk_create(rows, BATCH, ignore_conflicts=True)

    # Opportunities: half as many as events, most closed long ago, a few open; the named
    # one open, linked to the named programme.
    def opportunity(i):
        named_one = first and i == 0
        opens = now - datetime.timedelta(days=rng.randint(1, YEARS * 365))
        closes = opens + datetime.timedelta(days=rng.randint(7, 30))
        if named_one or rng.random() < 0.1:
            opens = now - datetime.timedelta(days=rng.randint(1, 10))
            closes = now + datetime.timedelta(days=rng.randint(1, 30))
        return Opportunity(
            title=f"Opportunity {tag} {i}",
            slug=SLUGS["opportunity"] if named_one else f"opportunity-{tag}-{i}",
            kind=rng.choice(list(Opportunity.Kind)),
            status=Status.PUBLISHED if named_one or rng.random() < 0.96 else Status.DRAFT,
            publish_at=opens,
            reference=f"ILO/HAN/{i}",
            duty_station="Hanoi",
            opens_at=opens,
            closes_at=closes,
            summary="A call of the office.",
            description="<p>The terms of the call.</p>" * 10,
        )

    new_opportunities = Opportunity.objects.bulk_create(
        (opportunity(i) for i in range(events // 2)), BATCH
    )
    Opportunity.programmes.through.objects.bulk_create(
        (
            Opportunity.programmes.through(opportunity_id=item.pk, programme_id=target.pk)
            for k, item in enumerate(new_opportunities)
            for target in {
                *_pick(rng, all_programmes, 0, 1),
                *([named["programme"]] if k == 0 else []),
            }
        ),
        BATCH,
        ignore_conflicts=True,
    )

    # Reads: a few hundred articles read each day of the last READ_DAYS days.
    readable = [a for a in new_articles if a.status == Status.PUBLISHED]
    DailyReads.objects.bulk_create(
        (
            DailyReads(article=a, day=today - datetime.timedelta(days=d), count=rng.randint(1, 500))
            for d in range(READ_DAYS)
            for a in rng.sample(readable, min(len(readable), max(1, articles // 100)))
        ),
        BATCH,
        ignore_conflicts=True,
    )
    return {
        "articles": len(new_articles),
        "events": len(new_events),
        "programmes": len(new_programmes),
        "partners": len(new_partners),
    }
