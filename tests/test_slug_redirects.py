"""A changed slug keeps every old address working: 301 to the current one, public items only."""

import pytest
from django.contrib.contenttypes.models import ContentType

from ilo_office.models import SlugHistory
from ilo_office.publishing import Status
from tests.factories import (
    ArticleFactory,
    EventFactory,
    OfficePageFactory,
    PartnerFactory,
    ProgrammeFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

# (factory, public URL prefix): every content type with a page of its own.
PAGES = [
    (ArticleFactory, "/news/"),
    (EventFactory, "/events/"),
    (ProgrammeFactory, "/programmes/"),
    (OfficePageFactory, "/about/"),
    (ThemeFactory, "/areas-of-work/"),
    (PartnerFactory, "/partners/"),
]
IDS = [prefix.strip("/") for _factory, prefix in PAGES]


def rename(obj, slug):
    obj.slug = slug
    obj.save()
    return obj


@pytest.mark.parametrize(("factory", "prefix"), PAGES, ids=IDS)
def test_old_slug_redirects_permanently_to_the_current_page(client, factory, prefix):
    """An old address answers 301 with the item's current address, and that page opens."""
    obj = rename(factory(slug="first-name"), "second-name")

    response = client.get(f"{prefix}first-name/")

    assert response.status_code == 301
    assert response["Location"] == f"{prefix}second-name/" == obj.get_absolute_url()
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(("factory", "prefix"), PAGES, ids=IDS)
def test_chain_of_renames_resolves_to_the_current_page_in_one_step(client, factory, prefix):
    """a -> b -> c: both a and b lead straight to c."""
    obj = rename(rename(factory(slug="a-slug"), "b-slug"), "c-slug")

    for old in ("a-slug", "b-slug"):
        response = client.get(f"{prefix}{old}/")
        assert response.status_code == 301
        assert response["Location"] == obj.get_absolute_url()


@pytest.mark.parametrize(("factory", "prefix"), PAGES, ids=IDS)
def test_old_slug_redirect_stays_in_vietnamese(client, factory, prefix):
    """Under /vi/ the redirect goes to the Vietnamese page, not the English one."""
    rename(factory(slug="old-vi"), "new-vi")

    response = client.get(f"/vi{prefix}old-vi/")

    assert response.status_code == 301
    assert response["Location"] == f"/vi{prefix}new-vi/"


@pytest.mark.parametrize(
    ("factory", "prefix"), [p for p in PAGES if p[0] not in (ThemeFactory, PartnerFactory)]
)
@pytest.mark.parametrize(
    "state",
    [{"status": Status.DRAFT}, {"status": Status.REVIEW}, {"scheduled": True}],
    ids=["draft", "review", "scheduled"],
)
def test_old_slug_of_an_item_that_is_not_public_is_a_404(client, factory, prefix, state):
    """A redirect never reveals an unpublished item: its old address is a plain 404."""
    rename(factory(slug="hidden-old", **state), "hidden-new")

    assert client.get(f"{prefix}hidden-old/").status_code == 404


def test_old_slug_of_a_deleted_item_is_a_404(client):
    """Once the item is gone its former addresses are gone too, not a 500."""
    article = rename(ArticleFactory(slug="gone-old"), "gone-new")
    article.delete()

    assert client.get("/news/gone-old/").status_code == 404


def test_unknown_slug_is_still_a_404(client):
    """A slug nobody ever had is not found."""
    ArticleFactory(slug="real")

    assert client.get("/news/never-existed/").status_code == 404


def test_slug_taken_by_another_item_shows_that_item(client):
    """When a new item takes a former slug, the address shows the new item, not a redirect."""
    rename(ArticleFactory(slug="shared-name", title="The old one"), "old-one-renamed")
    ArticleFactory(slug="shared-name", title="The new one")

    response = client.get("/news/shared-name/")

    assert response.status_code == 200
    assert "The new one" in response.text


def test_going_back_to_a_former_slug_leaves_no_loop(client):
    """a -> b -> a: the page opens at a, and b redirects to a."""
    article = rename(rename(ArticleFactory(slug="alpha"), "beta"), "alpha")

    assert client.get("/news/alpha/").status_code == 200
    response = client.get("/news/beta/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url() == "/news/alpha/"


def test_history_is_recorded_once_per_former_slug():
    """The database keeps one row per former slug of a type, pointing at its item."""
    article = rename(rename(rename(ArticleFactory(slug="one"), "two"), "one"), "two")

    rows = SlugHistory.objects.filter(content_type=ContentType.objects.get_for_model(article))
    assert sorted(rows.values_list("old_slug", "object_id")) == [("one", article.pk)]


def test_saving_without_changing_the_slug_records_nothing():
    """An ordinary edit does not fill the history."""
    article = ArticleFactory(slug="steady")
    article.title = "A new title"
    article.save()

    assert not SlugHistory.objects.exists()


def test_query_string_survives_the_redirect(client):
    """Tracking parameters in a shared link are kept."""
    rename(ArticleFactory(slug="tracked-old"), "tracked-new")

    response = client.get("/news/tracked-old/?utm_source=newsletter")

    assert response["Location"] == "/news/tracked-new/?utm_source=newsletter"


def test_event_ics_follows_the_rename(client):
    """The "add to calendar" file of a renamed event redirects to its new .ics address."""
    rename(EventFactory(slug="meeting-old"), "meeting-new")

    response = client.get("/events/meeting-old.ics")

    assert response.status_code == 301
    assert response["Location"] == "/events/meeting-new.ics"
    assert client.get(response["Location"])["Content-Type"].startswith("text/calendar")


def test_event_ics_of_an_unpublished_event_is_a_404(client):
    """The .ics of a draft event stays hidden behind a former slug too."""
    rename(EventFactory(slug="draft-old", status=Status.DRAFT), "draft-new")

    assert client.get("/events/draft-old.ics").status_code == 404


def test_programme_calendar_follows_the_rename(client):
    """A calendar subscription to a renamed programme keeps working."""
    rename(ProgrammeFactory(slug="bw-old"), "bw-new")

    response = client.get("/events/calendar/bw-old.ics")

    assert response.status_code == 301
    assert response["Location"] == "/events/calendar/bw-new.ics"
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    ("factory", "feed"),
    [
        (ProgrammeFactory, "/news/feed/programme/{}/rss/"),
        (ProgrammeFactory, "/news/feed/programme/{}/atom/"),
        (ThemeFactory, "/news/feed/theme/{}/rss/"),
        (ThemeFactory, "/news/feed/theme/{}/atom/"),
    ],
)
def test_news_feeds_of_a_renamed_programme_or_theme_follow(client, factory, feed):
    """Feed readers subscribed to the old feed address are sent to the new one."""
    rename(factory(slug="feed-old"), "feed-new")

    response = client.get(feed.format("feed-old"))

    assert response.status_code == 301
    assert response["Location"] == feed.format("feed-new")
    assert client.get(response["Location"]).status_code == 200


def test_feed_of_an_unpublished_renamed_programme_is_a_404(client):
    """No redirect reveals a programme that is not public."""
    rename(ProgrammeFactory(slug="secret-old", status=Status.DRAFT), "secret-new")

    assert client.get("/news/feed/programme/secret-old/rss/").status_code == 404
