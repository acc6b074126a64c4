"""Nothing staff saved is lost: every admin save is a revision; restore, compare, recover."""

import pytest
from django.urls import reverse
from reversion.models import Version

from newsroom.models import Article, ArticlePhoto
from programmes.models import Programme, ProgrammePhase
from tests.factories import (
    PhotoFactory,
    ProgrammeFactory,
    ProgrammePhaseFactory,
    ThemeFactory,
    staff_user,
)
from tests.test_backoffice_roles import form_data

pytestmark = pytest.mark.django_db


def save_form(client, url, **changes):
    response = client.post(url, {**form_data(client.get(url)), **changes})
    assert response.status_code == 302, (
        response.context and response.context["adminform"].form.errors
    )
    return response


@pytest.fixture
def editor(client):
    client.force_login(staff_user("Editor"))
    return client


def write_article(client):
    """An article written in the admin, with a programme, an area of work and a further photo."""
    programme, theme, photo = ProgrammeFactory(), ThemeFactory(), PhotoFactory()
    save_form(
        client,
        reverse("admin:newsroom_article_add"),
        title_en="First title",
        body_en="<p>First body.</p>",
        programmes=[str(programme.pk)],
        themes=[str(theme.pk)],
        **{
            "articlephoto_set-TOTAL_FORMS": "1",
            "articlephoto_set-0-photo": str(photo.pk),
            "articlephoto_set-0-order": "0",
        },
    )
    return Article.objects.get(), programme, theme, photo


def test_every_admin_save_keeps_a_revision(editor):
    """Two saves, two revisions, each with the user who made it."""
    article, *_ = write_article(editor)
    change = reverse("admin:newsroom_article_change", args=[article.pk])
    save_form(editor, change, title_en="Second title")
    versions = Version.objects.get_for_object(article)
    assert versions.count() == 2
    assert {v.revision.user.username for v in versions} == {"editor"}


def test_restoring_an_older_revision_brings_back_its_title_and_body(editor):
    """Restore the first revision from the history: the old title and body are back."""
    article, *_ = write_article(editor)
    change = reverse("admin:newsroom_article_change", args=[article.pk])
    save_form(editor, change, title_en="Second title", body_en="<p>Rewritten body.</p>")
    first = Version.objects.get_for_object(article).order_by("pk").first()
    history = editor.get(reverse("admin:newsroom_article_history", args=[article.pk]))
    revision_url = reverse("admin:newsroom_article_revision", args=[article.pk, first.pk])
    assert revision_url in history.content.decode()
    save_form(editor, revision_url)
    article.refresh_from_db()
    assert article.title_en == "First title"
    assert article.body_en == "<p>First body.</p>"
    assert Version.objects.get_for_object(article).count() == 3  # the restore is a revision too


def test_compare_two_revisions_shows_what_changed(editor):
    """The compare view sets the old and the new title side by side, escaped."""
    article, *_ = write_article(editor)
    change = reverse("admin:newsroom_article_change", args=[article.pk])
    save_form(editor, change, title_en="Title with <b>tags</b>")
    first, second = Version.objects.get_for_object(article).order_by("pk")
    response = editor.get(
        reverse("admin:newsroom_article_compare", args=[article.pk]),
        {"version_id1": first.pk, "version_id2": second.pk},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "First title" in html
    assert "&lt;b&gt;tags&lt;/b&gt;" in html
    assert "<b>tags</b>" not in html


def test_a_deleted_article_is_recovered_with_its_relations(editor):
    """Deleted, then recovered from "Recover deleted articles": programmes, themes, photos back."""
    article, programme, theme, photo = write_article(editor)
    pk = article.pk
    editor.post(reverse("admin:newsroom_article_delete", args=[pk]), {"post": "yes"})
    assert not Article.objects.filter(pk=pk).exists()
    assert not ArticlePhoto.objects.exists()
    recover_list = editor.get(reverse("admin:newsroom_article_recoverlist"))
    deleted = Version.objects.get_deleted(Article).get()
    recover_url = reverse("admin:newsroom_article_recover", args=[deleted.pk])
    assert recover_url in recover_list.content.decode()
    assert "First title" in recover_list.content.decode()
    save_form(editor, recover_url)
    article = Article.objects.get(pk=pk)
    assert article.title == "First title"
    assert list(article.programmes.all()) == [programme]
    assert list(article.themes.all()) == [theme]
    assert list(article.photos.all()) == [photo]


def test_restoring_a_programme_brings_back_a_deleted_phase(editor):
    """A programme's revision holds its phases: restoring it restores a phase removed since."""
    programme = ProgrammeFactory()
    ProgrammePhaseFactory(programme=programme, name="Phase I")
    change = reverse("admin:programmes_programme_change", args=[programme.pk])
    save_form(editor, change, tagline_en="Before")
    save_form(editor, change, **{"phases-0-DELETE": "on"})
    assert not ProgrammePhase.objects.exists()
    first = Version.objects.get_for_object(programme).order_by("pk").first()
    save_form(editor, reverse("admin:programmes_programme_revision", args=[programme.pk, first.pk]))
    assert list(Programme.objects.get().phases.values_list("name", flat=True)) == ["Phase I"]


def test_contributor_cannot_restore_an_old_version_over_a_published_item(client):
    """A published article is read-only to a contributor, through its history too."""
    editor = staff_user("Editor")
    client.force_login(editor)
    article, *_ = write_article(client)
    change = reverse("admin:newsroom_article_change", args=[article.pk])
    save_form(client, change, status="published")
    first = Version.objects.get_for_object(article).order_by("pk").first()
    client.force_login(staff_user("Contributor"))
    url = reverse("admin:newsroom_article_revision", args=[article.pk, first.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"title_en": "Hijacked"}).status_code == 403
    article.refresh_from_db()
    assert article.status == "published" and article.title == "First title"


def test_contributor_cannot_restore_an_old_publish_time(client):
    """Restoring an older revision of a draft does not let a contributor change its publish time."""
    import datetime

    from django.utils import timezone

    from tests.test_backoffice_roles import times

    client.force_login(staff_user("Editor"))
    article, *_ = write_article(client)
    change = reverse("admin:newsroom_article_change", args=[article.pk])
    old_time = timezone.now() + datetime.timedelta(days=30)
    save_form(client, change, **times("publish_at", old_time))
    now_time = timezone.now().replace(microsecond=0)
    save_form(client, change, **times("publish_at", now_time))
    scheduled_version = Version.objects.get_for_object(article).order_by("pk")[1]
    client.force_login(staff_user("Contributor"))
    url = reverse("admin:newsroom_article_revision", args=[article.pk, scheduled_version.pk])
    response = client.post(url, form_data(client.get(url)))
    assert response.status_code == 200
    assert "Only an editor can schedule" in response.content.decode()
    article.refresh_from_db()
    assert article.publish_at == now_time


def test_only_editors_recover_a_deleted_draft(client):
    """A contributor cannot bring back a draft an editor deleted; the editor can."""
    client.force_login(staff_user("Editor"))
    article, *_ = write_article(client)
    client.post(reverse("admin:newsroom_article_delete", args=[article.pk]), {"post": "yes"})
    deleted = Version.objects.get_deleted(Article).get()
    recover_url = reverse("admin:newsroom_article_recover", args=[deleted.pk])
    client.force_login(staff_user("Contributor"))
    changelist = reverse("admin:newsroom_article_changelist")
    assert "recoverlink" not in client.get(changelist).content.decode()
    assert client.get(reverse("admin:newsroom_article_recoverlist")).status_code == 403
    assert client.get(recover_url).status_code == 403
    assert client.post(recover_url, {"title_en": "Back"}).status_code == 403
    assert not Article.objects.exists()
    client.force_login(staff_user("Editor", username="editor-2"))
    assert "recoverlink" in client.get(changelist).content.decode()
    save_form(client, recover_url)
    assert Article.objects.get().title == "First title"
