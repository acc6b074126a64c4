"""Places in Vietnamese (issue 15): an event's venue, city and country, and an article's
dateline place, each with a Vietnamese version that /vi/ pages, feeds and calendars use,
English where staff gave none."""

import feedparser
import icalendar
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from events.models import Event
from newsroom.models import Article
from tests.factories import ArticleFactory, EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation():
    return EventFactory(
        slug="consultation",
        title="Tripartite consultation",
        title_vi="Tham vấn ba bên",
        venue="ILO Country Office, 304 Kim Ma",
        venue_vi="Văn phòng ILO, 304 Kim Mã",
        city="Hanoi",
        city_vi="Hà Nội",
        country="Viet Nam",
        country_vi="Việt Nam",
    )


ENGLISH_PLACE = "ILO Country Office, 304 Kim Ma, Hanoi, Viet Nam"
VIETNAMESE_PLACE = "Văn phòng ILO, 304 Kim Mã, Hà Nội, Việt Nam"


def test_event_page_and_list_give_the_place_in_the_reader_s_language(consultation, client):
    """/vi/ reads "Văn phòng ILO, 304 Kim Mã, Hà Nội, Việt Nam"; the English page the English."""
    for path in ("/vi/events/consultation/", "/vi/events/", "/vi/"):
        page = client.get(path).content.decode()
        assert VIETNAMESE_PLACE in page, path
        assert "Kim Ma," not in page, path
    for path in ("/events/consultation/", "/events/", "/"):
        page = client.get(path).content.decode()
        assert ENGLISH_PLACE in page, path
        assert "Hà Nội" not in page.split("<main", 1)[1], path


def test_a_place_staff_gave_only_in_english_is_shown_in_english_on_vi_pages(client):
    """No Vietnamese city: /vi/ shows "Can Tho City" rather than nothing."""
    EventFactory(slug="can-tho", city="Can Tho City", country="Viet Nam", country_vi="Việt Nam")
    page = client.get("/vi/events/can-tho/").content.decode()
    assert "Can Tho City, Việt Nam" in page


def test_feeds_carry_the_place_in_the_feed_s_language(consultation, client):
    """The Vietnamese events feed says where in Vietnamese, the English one in English."""
    vietnamese = feedparser.parse(client.get("/vi/events/feed/rss/").content)
    english = feedparser.parse(client.get("/events/feed/rss/").content)
    assert VIETNAMESE_PLACE in vietnamese.entries[0].description
    assert ENGLISH_PLACE in english.entries[0].description


def test_calendar_location_is_in_the_calendar_s_language(consultation, client):
    """LOCATION of the Vietnamese .ics (event and subscription) is the Vietnamese place;
    a place with online access reads "... và trực tuyến"."""
    for path in ("/vi/events/consultation.ics", "/vi/events/calendar.ics"):
        (vevent,) = icalendar.Calendar.from_ical(client.get(path).content).walk("VEVENT")
        assert str(vevent["location"]) == VIETNAMESE_PLACE, path
    (vevent,) = icalendar.Calendar.from_ical(client.get("/events/consultation.ics").content).walk(
        "VEVENT"
    )
    assert str(vevent["location"]) == ENGLISH_PLACE
    consultation.is_online = True
    consultation.save()
    (vevent,) = icalendar.Calendar.from_ical(
        client.get("/vi/events/consultation.ics").content
    ).walk("VEVENT")
    assert str(vevent["location"]) == f"{VIETNAMESE_PLACE} và trực tuyến"


def test_a_new_vietnamese_place_updates_subscribed_calendars(consultation):
    """Changing only the Vietnamese city raises SEQUENCE: the Vietnamese calendar shows it."""
    before = consultation.sequence
    consultation.city_vi = "Thành phố Hà Nội"
    consultation.save()
    consultation.refresh_from_db()
    assert consultation.sequence == before + 1


@pytest.fixture
def release():
    return ArticleFactory(
        slug="office-opens",
        kind=Article.Kind.PRESS_RELEASE,
        dateline="Hanoi",
        dateline_vi="Hà Nội",
        body="<p>The ILO opened its office.</p>",
    )


def dateline(client, path):
    page = client.get(path).content.decode()
    start = page.index('<strong class="dateline">') + len('<strong class="dateline">')
    return page[start : page.index("</strong>", start)]


def test_a_vietnamese_body_opens_with_the_vietnamese_dateline(release, client):
    """HÀ NỘI (Tin ILO) - before a Vietnamese body; HANOI (ILO News) - before the English."""
    release.body_vi = "<p>ILO khai trương văn phòng.</p>"
    release.save()
    assert dateline(client, "/vi/news/office-opens/") == "HÀ NỘI (Tin ILO) -"
    assert dateline(client, "/news/office-opens/") == "HANOI (ILO News) -"


def test_an_english_body_on_a_vi_page_keeps_the_english_dateline(release, client):
    """No Vietnamese body: /vi/ shows the English body, opened by "HANOI (ILO News) -"."""
    assert dateline(client, "/vi/news/office-opens/") == "HANOI (ILO News) -"
    # The meta line above the title is the page's: the place in Vietnamese.
    assert (
        '<span class="dateline-place">HÀ NỘI</span>'
        in client.get("/vi/news/office-opens/").content.decode()
    )


def test_a_vietnamese_body_without_a_vietnamese_place_keeps_the_english_place(release, client):
    """Staff wrote the body in Vietnamese but the place only in English: "HANOI (Tin ILO) -"."""
    release.dateline_vi = ""
    release.body_vi = "<p>ILO khai trương văn phòng.</p>"
    release.save()
    assert dateline(client, "/vi/news/office-opens/") == "HANOI (Tin ILO) -"


def test_staff_write_the_places_side_by_side_in_both_languages(client):
    """The event and article forms have an English and a Vietnamese box for each place."""
    admin = get_user_model().objects.create_superuser("boss", "boss@example.org", "pw-12345678")
    client.force_login(admin)
    event_form = client.get("/admin/events/event/add/").content.decode()
    for name in ("venue", "city", "country"):
        assert f'name="{name}_en"' in event_form and f'name="{name}_vi"' in event_form
    article_form = client.get("/admin/newsroom/article/add/").content.decode()
    assert 'name="dateline_en"' in article_form and 'name="dateline_vi"' in article_form


def test_demo_gives_vietnamese_places_only_where_it_has_the_vietnamese_name(db, client):
    """Samples in Hanoi read "Hà Nội" on /vi/; seed events get no place the seeds don't give."""
    call_command("load_demo_content", verbosity=0)
    sample = Event.objects.get(slug="sample-tripartite-consultation-on-the-labour-code")
    assert sample.city_vi == "Hà Nội" and sample.country_vi == "Việt Nam"
    assert "Hà Nội, Việt Nam" in client.get(f"/vi{sample.get_absolute_url()}").content.decode()
    seeds = Event.objects.exclude(slug__startswith="sample-")
    assert not seeds.exclude(venue_vi=None, city_vi=None, country_vi=None).exists()
    assert not Article.objects.exclude(dateline_vi=None).exclude(dateline_vi="").exists()
