"""The article admin, as a press officer uses it: list, search, filters, forms."""

import json
import re
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from newsroom.models import Article, ArticlePhoto
from tests.factories import (
    ArticleFactory,
    PartnerFactory,
    PhotoFactory,
    ProgrammeFactory,
    jpeg_bytes,
)

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:newsroom_article_changelist")
THUMBNAIL = re.compile(r'<img src="/media/photos/renditions/[^"]+\.jpg" alt="" width="80"')


@pytest.fixture
def articles():
    hero = PhotoFactory(
        title="Opening ceremony",
        image=SimpleUploadedFile("h.jpg", jpeg_bytes(1200, 600), "image/jpeg"),
    )
    release = ArticleFactory(
        title="ILO Office opens in Hanoi",
        kind=Article.Kind.PRESS_RELEASE,
        hero=hero,
        programmes=[ProgrammeFactory(name="Better Work Viet Nam")],
        partners=[PartnerFactory(name="Viet Nam General Confederation of Labour")],
    )
    ArticlePhoto.objects.create(article=release, photo=PhotoFactory(title="Guests"), order=0)
    ArticleFactory(title="Hanoi workshop on social dialogue", kind=Article.Kind.NEWS)
    ArticleFactory(title="Draft about Hanoi", kind=Article.Kind.PRESS_RELEASE, draft=True)
    return {"release": release}


def rows(response):
    """The titles in the change list, in order."""
    return re.findall(r'<td class="field-title"><a [^>]+>([^<]+)</a>', response.content.decode())


def test_changelist_shows_kind_status_date_and_thumbnail(articles, admin_client):
    """The list has a column for each, a date drill-down and the hero as a small picture."""
    response = admin_client.get(CHANGELIST)
    assert response.status_code == 200
    html = response.content.decode()
    for column in ("column-kind", "column-status", "column-publish_at", "column-thumbnail"):
        assert column in html
    assert THUMBNAIL.search(html)
    assert '<nav class="toplinks">' in html  # the date hierarchy
    assert len(rows(response)) == 3


def test_changelist_search_and_filters_combine(articles, admin_client):
    """Searching "Hanoi" among press releases finds the release and the draft, not the news."""
    response = admin_client.get(CHANGELIST, {"q": "Hanoi", "kind__exact": "press_release"})
    assert response.status_code == 200
    assert sorted(rows(response)) == ["Draft about Hanoi", "ILO Office opens in Hanoi"]
    published = admin_client.get(
        CHANGELIST, {"q": "Hanoi", "kind__exact": "press_release", "status__exact": "published"}
    )
    assert rows(published) == ["ILO Office opens in Hanoi"]
    html = published.content.decode()
    for filter_title in ("By status", "By kind", "By featured", "By programmes", "By partners"):
        assert filter_title in html


def test_add_form_has_slug_from_title_autocompletes_and_photos_inline(admin_client):
    """The add form fills the slug from the title, autocompletes relations, and takes photos."""
    response = admin_client.get(reverse("admin:newsroom_article_add"))
    assert response.status_code == 200
    html = response.content.decode()
    prepopulated = re.search(r'data-prepopulated-fields="([^"]*)"', html).group(1)
    assert json.loads(unescape(prepopulated))[0]["dependency_list"] == ["title_en"]
    for field in ("hero", "programmes", "themes", "partners"):
        assert re.search(rf'<select name="{field}"[^>]*class="admin-autocomplete', html), field
    assert 'name="articlephoto_set-TOTAL_FORMS"' in html
    for label in ("Media contact", "Original outlet", "Original link", "Updated on"):
        assert label in html


def test_change_form_shows_the_main_photo(articles, admin_client):
    """The change form shows the chosen hero beside its picker, and the further photos inline."""
    release = articles["release"]
    response = admin_client.get(reverse("admin:newsroom_article_change", args=[release.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert THUMBNAIL.search(html)
    assert 'name="articlephoto_set-TOTAL_FORMS" value="1"' in html
    assert "Guests" in html


def test_admin_refuses_an_original_link_that_is_not_a_web_address(articles, admin_client):
    """A javascript: link typed as the original is a form error, not a stored link."""
    release = articles["release"]
    url = reverse("admin:newsroom_article_change", args=[release.pk])
    data = {
        "title_en": release.title,
        "kind": Article.Kind.COVERAGE,
        "slug": release.slug,
        "status": "published",
        "publish_at_0": "2024-04-19",
        "publish_at_1": "17:00:00",
        "source_url": "javascript:alert(1)",
        "articlephoto_set-TOTAL_FORMS": "0",
        "articlephoto_set-INITIAL_FORMS": "0",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Enter a valid URL." in response.content.decode()
    release.refresh_from_db()
    assert release.source_url == ""
