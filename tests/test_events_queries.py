"""Every events list, page and feed runs the same number of SQL queries with 5 or 100 events."""

import datetime

import pytest
from django.utils import timezone

from events.models import Event
from ilo_office.publishing import Status, office_today
from tests.factories import (
    EventFactory,
    PartnerFactory,
    PhotoFactory,
    ProgrammeFactory,
    ThemeFactory,
)
from tests.public_urls import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def links():
    """Two programmes, themes and partners, and a photo, for events to point at."""
    return {
        "programmes": [ProgrammeFactory(slug="enhance"), ProgrammeFactory()],
        "themes": [ThemeFactory(), ThemeFactory()],
        "partners": [PartnerFactory(), PartnerFactory()],
        "photo": PhotoFactory(),
    }


def add_events(links, count, offset):
    """Bulk-create `count` upcoming and `count` past events, each linked to everything."""
    today = office_today()
    published = timezone.now() - datetime.timedelta(days=1)
    events = []
    for i in range(offset, offset + count):
        common = {
            "status": Status.PUBLISHED,
            "publish_at": published - datetime.timedelta(minutes=i),
            "photo": links["photo"],
            "summary": "A meeting with the social partners.",
            "city": "Hanoi",
            "event_status": list(Event.EventStatus)[i % 4],
        }
        events.append(
            Event(
                title=f"Upcoming {i}",
                slug=f"upcoming-{i}",
                start_date=today + datetime.timedelta(days=1 + i % 60),
                end_date=today + datetime.timedelta(days=2 + i % 60),
                start_time=datetime.time(9, 0) if i % 2 else None,
                time_zone="Europe/Zurich" if i % 3 == 0 else "Asia/Ho_Chi_Minh",
                **common,
            )
        )
        events.append(
            Event(
                title=f"Past {i}",
                slug=f"past-{i}",
                start_date=datetime.date(2019, 1 + i % 12, 1 + i % 28),
                **common,
            )
        )
    events = Event.objects.bulk_create(events)
    for name in ("programmes", "themes", "partners"):
        through = getattr(Event, name).through
        field = name[:-1]  # programmes -> programme: the through model's column
        through.objects.bulk_create(
            through(event=event, **{field: target}) for event in events for target in links[name]
        )


URLS = {
    "upcoming list": "/events/",
    "past list": "/events/past/",
    "event page": "/events/detail/",
    "event .ics": "/events/detail.ics",
    "all-events .ics": "/events/calendar.ics",
    "programme .ics": "/events/calendar/enhance.ics",
    "RSS": "/events/feed/rss/",
    "Atom": "/events/feed/atom/",
    "Vietnamese past list": "/vi/events/past/",
}


def test_query_count_does_not_grow_with_the_number_of_events(links, client):
    """Each events page and feed costs the same queries with 5 or 100 events around."""
    EventFactory(
        slug="detail",
        photo=links["photo"],
        **{k: links[k] for k in ("programmes", "themes", "partners")},
    )
    add_events(links, 5, 0)
    small = {name: count_queries(client, url) for name, url in URLS.items()}
    add_events(links, 95, 5)
    assert Event.objects.published().count() == 201
    large = {name: count_queries(client, url) for name, url in URLS.items()}
    assert large == small
