"""The one visibility rule: drafts and scheduled items never reach the public."""

import datetime

import pytest
import time_machine
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from ilo_office.publishing import Status
from newsroom.models import Article
from programmes.models import Programme
from tests.factories import (
    ArticleFactory,
    EventFactory,
    PartnerFactory,
    ProgrammeFactory,
    ProgrammePartnerFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

# Every unpublished item of the story has "Secret" in its title.
HIDDEN = "Secret"


@pytest.fixture
def story():
    """A programme, theme and partner with public, draft and scheduled content on each."""
    programme = ProgrammeFactory(name="Better Work Viet Nam", slug="better-work")
    theme = ThemeFactory(name="Social dialogue", slug="social-dialogue")
    partner = PartnerFactory(name="Ministry of Home Affairs", slug="moha")
    ProgrammePartnerFactory(programme=programme, partner=partner)
    links = {"programmes": [programme], "themes": [theme], "partners": [partner]}
    public = ArticleFactory(title="Public story", slug="public-story", **links)
    ArticleFactory(title="Public sibling", **links)
    ArticleFactory(title="Secret draft story", slug="draft-story", draft=True, **links)
    ArticleFactory(title="Secret scheduled story", slug="scheduled-story", scheduled=True, **links)
    EventFactory(title="Public meeting", slug="public-meeting", **links)
    EventFactory(title="Secret draft meeting", slug="draft-meeting", draft=True, **links)
    EventFactory(
        title="Secret scheduled meeting", slug="scheduled-meeting", scheduled=True, **links
    )
    past = timezone.localdate() - datetime.timedelta(days=30)
    EventFactory(title="Secret draft past meeting", start_date=past, draft=True, **links)
    EventFactory(title="Public past meeting", start_date=past, **links)
    ProgrammeFactory(name="Secret draft programme", slug="draft-programme", draft=True)
    ProgrammeFactory(name="Secret scheduled programme", slug="scheduled-programme", scheduled=True)
    return {"programme": programme, "theme": theme, "partner": partner, "article": public}


def public_urls(story):
    return [
        reverse("home"),
        reverse("newsroom:article_list"),
        story["article"].get_absolute_url(),
        reverse("events:event_list"),
        reverse("events:past_event_list"),
        reverse("events:event_detail", kwargs={"slug": "public-meeting"}),
        reverse("programmes:programme_list"),
        story["programme"].get_absolute_url(),
        reverse("programmes:theme_list"),
        story["theme"].get_absolute_url(),
        reverse("programmes:partner_list"),
        story["partner"].get_absolute_url(),
    ]


@pytest.fixture(params=["anonymous", "staff", "superuser"])
def visitor(request, client, django_user_model):
    """Every kind of visitor sees the same public site."""
    if request.param != "anonymous":
        user = django_user_model.objects.create_user(
            "someone",
            password="a-long-test-password",
            is_staff=True,
            is_superuser=request.param == "superuser",
        )
        client.force_login(user)
    return client


def test_published_excludes_drafts_and_scheduled(story):
    """published() returns only items whose status is published and whose time has come."""
    titles = set(Article.objects.published().values_list("title", flat=True))
    assert titles == {"Public story", "Public sibling"}
    assert set(Programme.objects.published().values_list("name", flat=True)) == {
        "Better Work Viet Nam"
    }
    assert "Secret draft meeting" not in set(
        Event.objects.upcoming().values_list("title", flat=True)
    )
    assert "Secret draft past meeting" not in set(
        Event.objects.past().values_list("title", flat=True)
    )


def test_no_page_shows_drafts_or_scheduled_items(story, visitor):
    """No list, page or side block shows a draft or a scheduled item, to any visitor."""
    for url in public_urls(story):
        response = visitor.get(url)
        assert response.status_code == 200, url
        assert HIDDEN not in response.content.decode(), f"unpublished item leaked on {url}"


@pytest.mark.parametrize(
    "url",
    [
        "/news/draft-story/",
        "/news/scheduled-story/",
        "/events/draft-meeting/",
        "/events/scheduled-meeting/",
        "/programmes/draft-programme/",
        "/programmes/scheduled-programme/",
    ],
)
def test_unpublished_pages_are_not_found(story, visitor, url):
    """A draft or scheduled item's own address answers 404."""
    assert visitor.get(url).status_code == 404


def test_counts_ignore_unpublished_items(story, client):
    """The number of articles the news list reports counts published ones only."""
    response = client.get(reverse("newsroom:article_list"))
    assert response.context["paginator"].count == 2


def test_scheduled_article_appears_when_its_time_comes(client):
    """An article scheduled for later is invisible until then, then listed without any action."""
    publish_at = timezone.now() + datetime.timedelta(hours=2)
    ArticleFactory(title="Embargoed release", slug="embargoed", publish_at=publish_at)
    assert "Embargoed release" not in client.get("/news/").content.decode()
    assert client.get("/news/embargoed/").status_code == 404
    with time_machine.travel(publish_at + datetime.timedelta(minutes=1)):
        assert "Embargoed release" in client.get("/news/").content.decode()
        assert client.get("/news/embargoed/").status_code == 200


def test_related_articles_exclude_self_and_unpublished(story):
    """'Other news' offers published articles only, never the article itself."""
    related = Article.objects.related_to(story["article"])
    assert [a.title for a in related] == ["Public sibling"]


def test_related_articles_prefer_shared_programme(story):
    """Articles of the same programme come before newer unrelated ones."""
    ArticleFactory(title="Newest but unrelated", publish_at=timezone.now())
    titles = [a.title for a in Article.objects.related_to(story["article"])]
    assert titles == ["Public sibling", "Newest but unrelated"]


def test_event_end_before_start_is_refused_by_the_database():
    """The database itself refuses an event that ends before it starts."""
    with pytest.raises(IntegrityError):
        EventFactory(start_date=datetime.date(2020, 7, 23), end_date=datetime.date(2020, 7, 22))


def test_unpublishing_hides_an_article_again(story, client):
    """Setting a published article back to draft removes it from the site."""
    article = story["article"]
    article.status = Status.DRAFT
    article.save()
    assert client.get(article.get_absolute_url()).status_code == 404
    assert "Public story" not in client.get("/news/").content.decode()
