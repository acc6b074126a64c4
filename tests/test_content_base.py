"""The shared content base: unpublish times, review status, languages and search columns."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from events.models import Event
from ilo_office.pages.models import OfficePage
from ilo_office.publishing import Status
from newsroom.models import Article
from programmes.models import Programme
from publications.models import Publication
from tests.factories import ArticleFactory, EventFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def test_item_disappears_at_its_unpublish_time(client):
    """An article with an unpublish time is public until then and gone from that moment."""
    now = timezone.now()
    article = ArticleFactory(
        title="Call for applications", unpublish_at=now + datetime.timedelta(hours=1)
    )
    assert client.get(article.get_absolute_url()).status_code == 200
    assert Article.objects.published().filter(pk=article.pk).exists()
    with time_machine.travel(now + datetime.timedelta(hours=2)):
        assert not Article.objects.published().filter(pk=article.pk).exists()
        assert client.get(article.get_absolute_url()).status_code == 404
        assert "Call for applications" not in client.get("/news/").text


def test_items_in_review_are_not_public(client):
    """An item submitted for review stays off the public site like a draft."""
    article = ArticleFactory(title="Awaiting the editor", status=Status.REVIEW)
    assert client.get(article.get_absolute_url()).status_code == 404
    assert "Awaiting the editor" not in client.get("/news/").text


def test_database_refuses_unpublish_before_publish():
    """The unpublish time must come after the publish time: the database says so too."""
    now = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(publish_at=now, unpublish_at=now - datetime.timedelta(minutes=1))


@pytest.mark.parametrize("model", [Article, Event, Publication, Programme, OfficePage])
def test_each_content_type_has_a_publish_permission(model):
    """Publishing is a permission of its own on every public content type."""
    codename = f"publish_{model._meta.model_name}"
    assert Permission.objects.filter(
        codename=codename, content_type__app_label=model._meta.app_label
    ).exists()


def test_search_columns_are_folded_at_save():
    """Titles, summaries and bodies are kept without diacritics, in both languages."""
    article = ArticleFactory(
        title="Việt Nam và lao động di cư",
        standfirst="Đồng Nai workers",
        body="<p>Chính sách <strong>an sinh</strong> xã hội</p>",
        title_vi="Lao động di cư an toàn",
    )
    article.refresh_from_db()
    assert "viet nam va lao dong di cu" in article.search_title
    assert "lao dong di cu an toan" in article.search_title
    assert article.search_summary == "dong nai workers"
    assert article.search_body.startswith("chinh sach an sinh xa hoi")
    assert "<" not in article.search_body


def test_search_columns_follow_an_edit():
    """Editing the title refreshes its search column at the next save."""
    event = EventFactory(title="Old title")
    event.title = "Hội thảo mới"
    event.save(update_fields=["title_en"])
    event.refresh_from_db()
    assert event.search_title == "hoi thao moi"


def test_vietnamese_reader_sees_vietnamese_text_or_the_english_fallback(client):
    """/vi/ shows the Vietnamese title where staff wrote one, the English one otherwise."""
    translated = ArticleFactory(title="Safe migration", title_vi="Di cư an toàn")
    english_only = ArticleFactory(title="Better Work launches")
    page = client.get("/vi/news/").text
    assert "Di cư an toàn" in page
    assert "Better Work launches" in page
    assert client.get("/news/").text.count("Di cư an toàn") == 0
    with translation.override("vi"):
        assert Article.objects.get(pk=translated.pk).title == "Di cư an toàn"
        assert Article.objects.get(pk=english_only.pk).title == "Better Work launches"


def test_vietnamese_body_is_sanitised_on_save():
    """Staff HTML written in the Vietnamese column goes through the same allow-list."""
    article = ArticleFactory(body_vi='<p onclick="x()">Nội dung</p><script>alert(1)</script>')
    article.refresh_from_db()
    assert article.body_vi == "<p>Nội dung</p>"
    programme = ProgrammeFactory(description_vi="<p>Mô tả</p><iframe src=x></iframe>")
    programme.refresh_from_db()
    assert programme.description_vi == "<p>Mô tả</p>"
