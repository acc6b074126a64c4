"""Previews: staff with the change permission, or a signed link, see an item before it is public."""

import datetime

import pytest
from django.contrib.auth.models import Permission, User
from django.core import signing
from django.utils import timezone

from ilo_office.preview import make_preview_token, preview_url, signed_preview_url
from ilo_office.publishing import Status
from tests.factories import (
    ArticleFactory,
    EventFactory,
    OfficePageFactory,
    ProgrammeFactory,
    PublicationFactory,
)

pytestmark = pytest.mark.django_db

BANNER = "Preview — not public"

# (factory, permission codename, app label, template of the public page)
TYPES = [
    (ArticleFactory, "change_article", "newsroom", "newsroom/article_detail.html"),
    (EventFactory, "change_event", "events", "events/event_detail.html"),
    (
        PublicationFactory,
        "change_publication",
        "publications",
        "publications/publication_detail.html",
    ),
    (ProgrammeFactory, "change_programme", "programmes", "programmes/programme_detail.html"),
    (OfficePageFactory, "change_officepage", "pages", "pages/office_page.html"),
]
TYPE_IDS = ["article", "event", "publication", "programme", "officepage"]


def not_public(factory, state):
    """An item in one of the states the public must not see."""
    now = timezone.now()
    kwargs = {
        "draft": {"status": Status.DRAFT},
        "review": {"status": Status.REVIEW},
        "scheduled": {"scheduled": True},
        "expired": {
            "publish_at": now - datetime.timedelta(days=3),
            "unpublish_at": now - datetime.timedelta(days=1),
        },
    }[state]
    name_field = "name" if factory is ProgrammeFactory else "title"
    return factory(**{name_field: "Not yet for readers"}, **kwargs)


def staff(codename=None, app_label=None, **extra):
    user = User.objects.create_user(
        f"user-{User.objects.count()}", password="a long password 123", is_staff=True, **extra
    )
    if codename:
        user.user_permissions.add(
            Permission.objects.get(codename=codename, content_type__app_label=app_label)
        )
    return user


@pytest.mark.parametrize(("factory", "codename", "app_label", "template"), TYPES, ids=TYPE_IDS)
@pytest.mark.parametrize("state", ["draft", "review", "scheduled", "expired"])
def test_staff_with_change_permission_see_the_public_page_with_a_banner(
    client, factory, codename, app_label, template, state
):
    """The preview is the public template with the item on it and a "not public" banner."""
    obj = not_public(factory, state)
    client.force_login(staff(codename, app_label))

    response = client.get(preview_url(obj))

    assert response.status_code == 200
    assert template in [t.name for t in response.templates]
    assert "Not yet for readers" in response.text
    assert BANNER in response.text
    assert client.get(obj.get_absolute_url()).status_code == 404  # still hidden from the public


@pytest.mark.parametrize(("factory", "codename", "app_label", "template"), TYPES, ids=TYPE_IDS)
def test_preview_is_never_cached_nor_indexed(client, factory, codename, app_label, template):
    """Browsers and proxies keep no copy; search engines are told not to index it."""
    client.force_login(staff(codename, app_label))

    response = client.get(preview_url(not_public(factory, "draft")))

    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert "noindex" in response["X-Robots-Tag"]


@pytest.mark.parametrize(("factory", "codename", "app_label", "template"), TYPES, ids=TYPE_IDS)
def test_anonymous_visitor_gets_404_not_a_login_page(
    client, factory, codename, app_label, template
):
    """An outsider cannot even learn that an item with that number exists."""
    response = client.get(preview_url(not_public(factory, "draft")))

    assert response.status_code == 404
    assert "Not yet for readers" not in response.text


@pytest.mark.parametrize(("factory", "codename", "app_label", "template"), TYPES, ids=TYPE_IDS)
def test_staff_without_the_change_permission_get_404(
    client, factory, codename, app_label, template
):
    """Being staff is not enough: the change permission of that type is needed."""
    other = "change_photo" if app_label != "ilo_office" else "change_article"
    client.force_login(staff(other, "ilo_office"))

    assert client.get(preview_url(not_public(factory, "draft"))).status_code == 404


def test_permission_of_another_type_does_not_open_a_preview(client):
    """May change events, may not preview an article."""
    client.force_login(staff("change_event", "events"))

    assert client.get(preview_url(not_public(ArticleFactory, "draft"))).status_code == 404


def test_user_who_is_not_staff_gets_404_even_with_the_permission(client):
    """A deactivated staff account or a plain user account opens nothing."""
    article = not_public(ArticleFactory, "draft")
    plain = staff("change_article", "newsroom")
    plain.is_staff = False
    plain.save()
    client.force_login(plain)

    assert client.get(preview_url(article)).status_code == 404


def test_unknown_type_or_item_is_a_404(client):
    """Made-up addresses are not found, never a 500."""
    client.force_login(User.objects.create_superuser("boss", password="a long password 123"))

    assert client.get("/preview/auth/user/1/").status_code == 404
    assert client.get("/preview/newsroom/article/999999/").status_code == 404
    assert client.get("/preview/nothing/here/1/").status_code == 404


def test_preview_works_in_vietnamese(client):
    """/vi/preview/... shows the Vietnamese text, with the banner, in a Vietnamese page."""
    article = ArticleFactory(
        status=Status.DRAFT, title_en="Draft in English", title_vi="Bản nháp tiếng Việt"
    )
    client.force_login(staff("change_article", "newsroom"))

    response = client.get("/vi" + preview_url(article))

    assert response.status_code == 200
    assert 'lang="vi"' in response.text
    assert "Bản nháp tiếng Việt" in response.text
    assert "preview-banner" in response.text


def test_public_page_has_no_banner(client):
    """Readers of a published page never see the preview banner."""
    article = ArticleFactory(title="Public story")

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert "preview-banner" not in response.text


def test_banner_says_when_a_scheduled_item_goes_live(client):
    """For a scheduled item the banner gives the publish time."""
    when = timezone.now() + datetime.timedelta(days=2)
    article = ArticleFactory(publish_at=when)
    client.force_login(staff("change_article", "newsroom"))

    response = client.get(preview_url(article))

    assert "Scheduled" in response.text
    assert timezone.localtime(when).strftime("%Y") in response.text


def test_preview_of_an_article_sends_no_read_beacon(client):
    """Looking at a preview is not a read: the page carries no read beacon."""
    article = ArticleFactory()  # published, so the public page has the beacon
    client.force_login(staff("change_article", "newsroom"))

    assert "data-read-beacon" in client.get(article.get_absolute_url()).text
    assert "data-read-beacon" not in client.get(preview_url(article)).text


def test_related_blocks_on_a_preview_stay_published_only(client):
    """Side blocks list published items only, even when the page itself is a draft."""
    programme = ProgrammeFactory(status=Status.DRAFT, name="Draft programme")
    ArticleFactory(title="Published sibling", programmes=[programme], is_featured=True)
    ArticleFactory(
        status=Status.DRAFT, title="Another draft sibling", programmes=[programme], is_featured=True
    )
    draft = ArticleFactory(status=Status.DRAFT, title="The draft", programmes=[programme])
    EventFactory(status=Status.DRAFT, title="Draft event", programmes=[programme])
    client.force_login(User.objects.create_superuser("boss", password="a long password 123"))

    article_page = client.get(preview_url(draft)).text
    programme_page = client.get(preview_url(programme)).text

    assert "Published sibling" in article_page
    assert "Another draft sibling" not in article_page
    assert "Published sibling" in programme_page
    assert "The draft" not in programme_page
    assert "Draft event" not in programme_page


# Signed links -------------------------------------------------------------------------


@pytest.mark.parametrize(("factory", "codename", "app_label", "template"), TYPES, ids=TYPE_IDS)
def test_signed_link_opens_the_preview_without_an_account(
    client, factory, codename, app_label, template
):
    """A colleague without an account opens the link and sees the page with the banner."""
    obj = not_public(factory, "draft")

    response = client.get(signed_preview_url(obj))

    assert response.status_code == 200
    assert template in [t.name for t in response.templates]
    assert BANNER in response.text
    assert "private" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]


def test_signed_link_works_in_both_languages(client):
    """The same token opens the English and the Vietnamese page."""
    url = signed_preview_url(not_public(ArticleFactory, "review"))

    assert client.get(url).status_code == 200
    response = client.get("/vi" + url)
    assert response.status_code == 200
    assert 'lang="vi"' in response.text


def test_signed_link_is_absolute_when_given_a_request(rf):
    """The link an editor copies includes the site's address."""
    article = not_public(ArticleFactory, "draft")

    url = signed_preview_url(article, rf.get("/", HTTP_HOST="testserver"))

    assert url.startswith("http://testserver/preview/s/")


def test_signed_link_expires(client, settings, monkeypatch):
    """After its lifetime the link is dead."""
    settings.PREVIEW_LINK_MAX_AGE = 3 * 24 * 60 * 60
    url = signed_preview_url(not_public(ArticleFactory, "draft"))
    assert client.get(url).status_code == 200

    later = signing.time.time() + settings.PREVIEW_LINK_MAX_AGE + 60
    monkeypatch.setattr(signing.time, "time", lambda: later)

    assert client.get(url).status_code == 404


def test_signed_link_lifetime_is_a_setting(client, settings, monkeypatch):
    """A shorter PREVIEW_LINK_MAX_AGE makes links die sooner."""
    settings.PREVIEW_LINK_MAX_AGE = 60
    url = signed_preview_url(not_public(ArticleFactory, "draft"))
    later = signing.time.time() + 120
    monkeypatch.setattr(signing.time, "time", lambda: later)

    assert client.get(url).status_code == 404


def test_tampered_signed_link_is_a_404(client):
    """Changing any character of the token makes it worthless."""
    article = not_public(ArticleFactory, "draft")
    token = make_preview_token(article)
    flipped = token[:-1] + ("A" if token[-1] != "A" else "B")

    assert client.get(f"/preview/s/{flipped}/").status_code == 404
    assert client.get("/preview/s/not-a-token/").status_code == 404


def test_signed_link_opens_its_own_item_and_no_other(client):
    """The token binds the model and the id: it cannot be turned into a link for another item."""
    mine = ArticleFactory(status=Status.DRAFT, title="Mine to review")
    other = ArticleFactory(status=Status.DRAFT, title="Someone else's draft")
    token = make_preview_token(mine)

    response = client.get(f"/preview/s/{token}/")
    assert "Mine to review" in response.text
    assert "Someone else's draft" not in response.text

    # Mine's signature under a payload that names the other item does not verify.
    signature = token.rsplit(":", 1)[1]
    other_payload = signing.TimestampSigner(salt="ilo_office.preview").sign_object(
        {"model": "newsroom.article", "pk": other.pk}
    )
    forged = other_payload.rsplit(":", 1)[0] + ":" + signature
    assert client.get(f"/preview/s/{forged}/").status_code == 404


def test_token_signed_for_another_purpose_is_refused(client):
    """Something else the site signs (another salt) does not open a preview."""
    article = not_public(ArticleFactory, "draft")
    token = signing.TimestampSigner(salt="something.else").sign_object(
        {"model": "newsroom.article", "pk": article.pk}
    )

    assert client.get(f"/preview/s/{token}/").status_code == 404


def test_signed_link_of_a_deleted_item_is_a_404(client):
    """Once the item is deleted, its preview link opens nothing."""
    article = not_public(ArticleFactory, "draft")
    url = signed_preview_url(article)
    article.delete()

    assert client.get(url).status_code == 404
