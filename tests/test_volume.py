"""Volume data: the asked amounts, the same content for the same seed, safe re-runs."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from events.models import Event
from ilo_office import volume
from ilo_office.publishing import Status
from newsroom.models import Article, DailyReads
from programmes.models import Partner, Programme, ProgrammePartner
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

SMALL = {"articles": 120, "events": 40, "programmes": 6, "partners": 30}


def generated(model):
    return model.objects.filter(slug__startswith=volume.PREFIX)


def snapshot():
    """What a reader would compare: titles and dates of every generated article and event."""
    return (
        list(generated(Article).order_by("slug").values_list("slug", "title", "publish_at")),
        list(generated(Event).order_by("slug").values_list("slug", "title", "start_date")),
    )


@pytest.fixture
def small_run():
    return volume.generate(**SMALL, seed=7)


def test_creates_the_asked_numbers(small_run):
    """A small run publishes exactly the asked articles, events, programmes and partners."""
    assert generated(Article).published().count() == SMALL["articles"]
    assert generated(Event).published().count() == SMALL["events"]
    assert generated(Programme).published().count() == SMALL["programmes"]
    assert generated(Partner).count() == SMALL["partners"]
    assert ProgrammePartner.objects.filter(programme__in=generated(Programme)).exists()
    assert DailyReads.objects.exists()


def test_command_scales_every_count():
    """--scale multiplies every count, as CI uses it."""
    out = io.StringIO()
    call_command(
        "generate_volume_data",
        "--articles=1000",
        "--events=500",
        "--programmes=100",
        "--partners=200",
        "--scale=0.05",
        stdout=out,
    )
    assert generated(Article).published().count() == 50
    assert generated(Event).published().count() == 25
    assert generated(Programme).count() == 5
    assert generated(Partner).count() == 10
    assert "Volume data generated in" in out.getvalue()


def test_same_seed_gives_same_content(small_run):
    """Two runs with one seed on one day give the same titles and dates."""
    first = snapshot()
    volume.generate(**SMALL, seed=7)
    assert snapshot() == first
    volume.generate(**SMALL, seed=8)
    assert snapshot() != first


def test_rerun_replaces_without_touching_staff_content(small_run):
    """A second run does not duplicate, and a staff article keeps its fields and links."""
    programme = generated(Programme).first()
    staff = ArticleFactory(title="Staff story", slug="staff-story")
    staff.programmes.add(Programme.objects.create(name="Staff programme", summary="Ours."))
    volume.generate(**SMALL, seed=7)
    assert generated(Article).published().count() == SMALL["articles"]
    assert generated(Programme).count() == SMALL["programmes"]
    assert not Programme.objects.filter(pk=programme.pk).exists()
    staff.refresh_from_db()
    assert staff.title == "Staff story"
    assert [p.name for p in staff.programmes.all()] == ["Staff programme"]


def test_delete_removes_generated_rows_only(small_run):
    """--delete empties the generated content and leaves the staff's."""
    staff = ArticleFactory(slug="staff-story")
    call_command("generate_volume_data", "--delete", stdout=io.StringIO())
    assert not generated(Article).exists()
    assert not generated(Event).exists()
    assert list(Article.objects.all()) == [staff]


def test_hidden_share_is_there_and_stays_hidden(small_run):
    """Drafts, items in review, scheduled and expired items exist and are never published()."""
    articles = generated(Article)
    hidden = {
        "draft": articles.filter(status=Status.DRAFT),
        "review": articles.filter(status=Status.REVIEW),
        "scheduled": articles.scheduled(),
        "expired": articles.expired(),
    }
    for state, queryset in hidden.items():
        assert queryset.exists(), state
        assert not queryset.filter(pk__in=Article.objects.published()).exists(), state
    assert generated(Event).scheduled().exists()
    assert generated(Event).expired().exists()


def test_search_columns_filled_as_save_does(small_run):
    """Bulk-created rows carry the same folded search text a save() would write."""
    article = generated(Article).exclude(title_vi="").exclude(title_vi=None).first()
    stored = (article.search_title, article.search_summary, article.search_body)
    article.save()
    article.refresh_from_db()
    assert (article.search_title, article.search_summary, article.search_body) == stored
    assert "viet nam" in article.search_body or "lao dong" in article.search_body


def test_pages_render_on_generated_data(client, small_run):
    """The newsroom and an article page answer 200 on generated content."""
    assert client.get(reverse("newsroom:article_list")).status_code == 200
    article = generated(Article).published().filter(hero__isnull=False).first()
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert article.title in response.content.decode()
