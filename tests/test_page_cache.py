"""The shared page cache: fast for readers, never stale after a change, never staff's pages.

Each test turns the page cache on (the rest of the suite measures views without it).
"""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from ilo_office import cache as generation_cache
from ilo_office.preview import signed_preview_url
from ilo_office.publishing import Status
from tests.factories import ArticleFactory, EventFactory, ProgrammeFactory, staff_user

pytestmark = pytest.mark.django_db

NEWS = "/news/"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE = True


def get(client, path, **headers):
    return client.get(path, headers=headers)


def cache_state(response):
    return response.headers.get("X-Page-Cache")


def test_second_anonymous_visit_is_served_from_the_cache(client):
    """The first reader's visit stores the page; the next one gets it without the view."""
    ArticleFactory(title="Cached story")
    first = get(client, NEWS)
    second = get(client, NEWS)
    assert cache_state(first) == "miss"
    assert cache_state(second) == "hit"
    assert second.content == first.content
    assert "Cached story" in second.text


def test_cached_page_keeps_its_security_headers(client):
    """A page served from the cache carries the same policy headers as a fresh one."""
    ArticleFactory()
    first = get(client, NEWS)
    second = get(client, NEWS)
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Type", "ETag"):
        assert second.headers[header] == first.headers[header]


def test_publishing_shows_at_once(client):
    """A story published after the list was cached is on the list at the next visit."""
    ArticleFactory(title="Older story")
    get(client, NEWS)
    ArticleFactory(title="Fresh story")
    response = get(client, NEWS)
    assert cache_state(response) == "miss"
    assert "Fresh story" in response.text


def test_editing_unpublishing_and_deleting_show_at_once(client):
    """An edit, an unpublish and a delete each reach the cached pages at once."""
    article = ArticleFactory(title="First title")
    detail = article.get_absolute_url()
    assert "First title" in get(client, detail).text
    article.title = "Corrected title"
    article.save()
    assert "Corrected title" in get(client, detail).text
    assert "Corrected title" in get(client, NEWS).text
    article.status = Status.DRAFT
    article.save()
    assert get(client, detail).status_code == 404
    assert "Corrected title" not in get(client, NEWS).text
    other = ArticleFactory(title="Doomed story")
    assert "Doomed story" in get(client, NEWS).text
    other.delete()
    assert "Doomed story" not in get(client, NEWS).text


def test_a_change_to_a_linked_programme_reaches_the_article_page(client):
    """Renaming a programme refreshes every cached page that names it."""
    programme = ProgrammeFactory(name="Old programme name")
    article = ArticleFactory(programmes=[programme])
    assert "Old programme name" in get(client, article.get_absolute_url()).text
    programme.name = "New programme name"
    programme.save()
    assert "New programme name" in get(client, article.get_absolute_url()).text


def test_relation_change_alone_reaches_the_page(client):
    """Linking an article to a programme (no field changed) refreshes its page."""
    programme = ProgrammeFactory(name="Linked later")
    article = ArticleFactory()
    assert "Linked later" not in get(client, article.get_absolute_url()).text
    article.programmes.add(programme)
    assert "Linked later" in get(client, article.get_absolute_url()).text


def test_scheduled_story_appears_at_its_time_without_any_save(client):
    """A story scheduled for 10:00 is on the cached list from 10:00, with no cron and no save."""
    now = timezone.now()
    ArticleFactory(title="Already out", publish_at=now - datetime.timedelta(days=1))
    ArticleFactory(title="Embargoed story", publish_at=now + datetime.timedelta(hours=2))
    with time_machine.travel(now, tick=False):
        assert "Embargoed story" not in get(client, NEWS).text
        assert cache_state(get(client, NEWS)) == "hit"
    with time_machine.travel(now + datetime.timedelta(hours=2, seconds=1), tick=False):
        response = get(client, NEWS)
        assert "Embargoed story" in response.text


def test_unpublish_time_takes_the_story_off_the_cached_list(client):
    """A story whose unpublish time passes leaves the cached list at that time."""
    now = timezone.now()
    ArticleFactory(
        title="Call closing soon",
        publish_at=now - datetime.timedelta(days=1),
        unpublish_at=now + datetime.timedelta(minutes=30),
    )
    with time_machine.travel(now, tick=False):
        assert "Call closing soon" in get(client, NEWS).text
    with time_machine.travel(now + datetime.timedelta(minutes=31), tick=False):
        assert "Call closing soon" not in get(client, NEWS).text


def test_yesterdays_event_leaves_the_upcoming_list_after_midnight_in_hanoi(client, settings):
    """Events turn past at the office's midnight: the cached calendar follows without a save."""
    settings.PAGE_CACHE_SECONDS = 7 * 24 * 3600  # the generation alone must do it
    hanoi = datetime.timezone(datetime.timedelta(hours=7))
    evening = datetime.datetime(2030, 5, 10, 22, 0, tzinfo=hanoi)
    with time_machine.travel(evening - datetime.timedelta(days=30), tick=False):
        EventFactory(title="Closing workshop", start_date=datetime.date(2030, 5, 10))
    with time_machine.travel(evening, tick=False):
        assert "Closing workshop" in get(client, "/events/").text
    with time_machine.travel(evening + datetime.timedelta(hours=3), tick=False):
        assert "Closing workshop" not in get(client, "/events/").text


def test_each_language_has_its_own_cached_page(client):
    """/news/ and /vi/news/ are cached apart: neither reader gets the other's language."""
    ArticleFactory()
    english = get(client, NEWS)
    vietnamese = get(client, "/vi/news/")
    assert cache_state(vietnamese) == "miss"
    assert 'lang="vi"' in get(client, "/vi/news/").text
    assert 'lang="en"' in get(client, NEWS).text.split(">", 2)[1]
    assert english.content != vietnamese.content


def test_no_vary_on_accept_language_where_the_url_fixes_the_language(client):
    """The URL says the language, so a CDN keeps one copy per URL, not one per browser."""
    ArticleFactory()
    for path in (NEWS, "/vi/news/", "/", "/news/feed/rss/", "/sitemap.xml"):
        response = get(client, path, accept_language="vi")
        assert "accept-language" not in response.headers.get("Vary", "").lower(), path
    assert 'lang="en"' in get(client, NEWS, accept_language="vi").text[:300]


def test_anonymous_pages_may_be_kept_briefly_by_a_cdn(client, settings):
    """Cache-Control lets a shared cache keep a public page for PAGE_CDN_SECONDS."""
    settings.PAGE_CDN_SECONDS = 60
    ArticleFactory()
    response = get(client, NEWS)
    directives = {d.strip() for d in response.headers["Cache-Control"].split(",")}
    assert {"public", "max-age=0", "s-maxage=60"} <= directives


def test_staff_pages_are_never_cached_nor_served_to_readers(client):
    """A signed-in editor's view is private, and readers never receive it."""
    article = ArticleFactory(title="Shared story")
    editor = staff_user("Editor")
    client.force_login(editor)
    staff_response = get(client, article.get_absolute_url())
    assert cache_state(staff_response) is None
    assert "private" in staff_response.headers["Cache-Control"]
    client.logout()
    assert cache_state(get(client, article.get_absolute_url())) == "miss"


def test_draft_seen_by_staff_never_reaches_the_cache(client):
    """Staff may open a draft at its address; a reader still gets a 404 afterwards."""
    draft = ArticleFactory(title="Secret draft", status=Status.DRAFT)
    editor = staff_user("Editor")
    client.force_login(editor)
    get(client, draft.get_absolute_url())
    client.logout()
    response = get(client, draft.get_absolute_url())
    assert response.status_code == 404
    assert "Secret draft" not in response.text


def test_signed_preview_links_are_never_cached(client):
    """A preview link shows the draft each time it is opened, and is never stored."""
    draft = ArticleFactory(title="Draft under review", status=Status.DRAFT)
    url = signed_preview_url(draft)
    first = get(client, url)
    assert first.status_code == 200
    assert cache_state(first) is None
    assert cache_state(get(client, url)) is None
    assert (
        "no-cache" in first.headers["Cache-Control"] or "no-store" in first.headers["Cache-Control"]
    )


def test_not_found_pages_are_not_stored(client):
    """A 404 is answered fresh each time, so an item published later is found at once."""
    assert cache_state(get(client, "/news/not-yet-there/")) is None


def test_a_read_counted_does_not_empty_the_cache(client):
    """The read beacon writes on every article view; the cached pages stay."""
    article = ArticleFactory()
    get(client, NEWS)
    client.post(reverse("newsroom:record_read", kwargs={"slug": article.slug}))
    assert cache_state(get(client, NEWS)) == "hit"


def test_the_host_is_part_of_the_key(client, settings):
    """Feeds print absolute addresses: one host's feed is never served on another."""
    settings.ALLOWED_HOSTS = ["www.example.org", "staging.example.org"]
    ArticleFactory(title="Hosted story")
    first = get(client, "/news/feed/rss/", host="www.example.org")
    second = get(client, "/news/feed/rss/", host="staging.example.org")
    assert "www.example.org" in first.text
    assert "staging.example.org" in second.text
    assert "www.example.org" not in second.text


@pytest.mark.parametrize("page_cache", [True, False])
def test_unchanged_page_answers_304_to_its_etag(client, settings, page_cache):
    """A browser revalidating an unchanged page gets 304 and no body, cache on or off."""
    settings.PAGE_CACHE = page_cache
    ArticleFactory()
    first = get(client, NEWS)
    etag = first.headers["ETag"]
    again = get(client, NEWS, if_none_match=etag)
    assert again.status_code == 304
    assert again.content == b""
    ArticleFactory(title="Something new")
    assert get(client, NEWS, if_none_match=etag).status_code == 200


def test_feeds_answer_if_modified_since_with_304(client):
    """A feed reader polling with If-Modified-Since gets 304 until something is published."""
    ArticleFactory()
    first = get(client, "/news/feed/rss/")
    last_modified = first.headers["Last-Modified"]
    assert get(client, "/news/feed/rss/", if_modified_since=last_modified).status_code == 304
    assert get(client, "/events/feed/rss/").status_code == 200


def test_calendar_and_sitemap_are_cached_and_revalidated(client):
    """The subscription calendar and the sitemap are cached and carry validators."""
    EventFactory()
    for path in ("/events/calendar.ics", "/sitemap.xml"):
        first = get(client, path)
        assert first.status_code == 200
        assert cache_state(get(client, path)) == "hit", path
        assert get(client, path, if_none_match=first.headers["ETag"]).status_code == 304


def test_page_cache_off_stores_nothing(client, settings):
    """PAGE_CACHE=0 (for measuring) serves every request from the view."""
    settings.PAGE_CACHE = False
    ArticleFactory()
    get(client, NEWS)
    assert cache_state(get(client, NEWS)) is None


def test_generation_moves_on_when_a_scheduled_item_goes_live():
    """Cached fragments (kept without a lifetime cap) go stale at a scheduled publish time."""
    now = timezone.now()
    ArticleFactory(publish_at=now + datetime.timedelta(hours=1))
    with time_machine.travel(now, tick=False):
        before = generation_cache.generation()
        assert generation_cache.generation() == before
    with time_machine.travel(now + datetime.timedelta(hours=1, seconds=1), tick=False):
        assert generation_cache.generation() != before


def test_restarted_cache_never_serves_pages_of_an_older_generation(client):
    """A counter lost with the cache restarts from the clock, above every older value."""
    ArticleFactory(title="Before restart")
    get(client, NEWS)
    before = generation_cache.generation()
    cache.delete(generation_cache.COUNTER_KEY)
    after = generation_cache.generation()
    assert int(after.split("-")[0]) > int(before.split("-")[0])


def test_a_new_release_never_serves_pages_the_old_one_rendered(client, settings):
    """A deploy with changed templates must not be handed the old release's cached pages."""
    ArticleFactory(title="Release story")
    assert get(client, NEWS)["X-Page-Cache"] == "miss"
    assert get(client, NEWS)["X-Page-Cache"] == "hit"
    settings.RELEASE_ID = "next-release"
    generation_cache.release.cache_clear()
    try:
        assert get(client, NEWS)["X-Page-Cache"] == "miss"
    finally:
        generation_cache.release.cache_clear()


def test_release_fingerprint_is_stable_and_covers_templates():
    """Without RELEASE_ID every server running the same files computes the same release."""
    generation_cache.release.cache_clear()
    first = generation_cache.release()
    generation_cache.release.cache_clear()
    assert generation_cache.release() == first
    assert ".html" in generation_cache.RELEASE_SUFFIXES


def test_redis_outage_costs_a_miss_not_an_error(client, settings):
    """With Redis unreachable, pages are served uncached and quickly, never a 500."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            # Port 9 (discard) on loopback: nothing listens, the connection is refused.
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    ArticleFactory(title="Served anyway")
    for _ in range(2):
        response = get(client, NEWS)
        assert response.status_code == 200
        assert "Served anyway" in response.text


def test_unreadable_schedule_serves_the_page_uncached(client, monkeypatch):
    """If the next scheduled change cannot be read, the page is answered, not stored."""
    from django.db import OperationalError

    ArticleFactory(title="Still readable")
    cache.clear()

    def unreadable(now=None):
        raise OperationalError("database unavailable")

    monkeypatch.setattr(generation_cache, "next_scheduled_change", unreadable)
    for _ in range(2):
        response = get(client, NEWS)
        assert response.status_code == 200
        assert cache_state(response) is None
        assert "Still readable" in response.text
