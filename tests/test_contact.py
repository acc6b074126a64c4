"""Contact and media: how to reach the office, whom journalists call, on every press release."""

import json
import re

import pytest

from contact.models import FLICKR, MediaContact, OfficeContact
from newsroom.models import Article
from tests.factories import ArticleFactory, staff_user

pytestmark = pytest.mark.django_db


def press_contact(**fields):
    values = {
        "name": "Nguyen Thi Lan",
        "role_en": "Communication Officer",
        "role_vi": "Cán bộ truyền thông",
        "email": "lan@ilo.org",
        "phone": "+84 24 0000 0000",
        **fields,
    }
    return MediaContact.objects.create(**values)


def json_ld(response):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', response.text, re.S)
    return [json.loads(block) for block in blocks]


def test_contact_page_shows_what_staff_saved_in_the_readers_language(client):
    """Address (English and Vietnamese), telephone, e-mail, hours, directions, a map link."""
    contact = OfficeContact.current()
    contact.phone = "+84 24 1111 2222"
    contact.email = "hanoi@ilo.org"
    contact.opening_hours_en = "Monday to Friday"
    contact.directions_en = "Bus 09 stops at the gate."
    contact.save()
    text = client.get("/contact/").text
    for fact in ("304 Kim Ma Street", "+84 24 1111 2222", "mailto:hanoi@ilo.org",
                 "Monday to Friday", "Bus 09 stops at the gate.", "openstreetmap.org"):  # fmt: skip
        assert fact in text
    assert "304 Kim Mã, Ba Đình, Hà Nội" in client.get("/vi/contact/").text
    assert 'href="tel:+842411112222"' in text


def test_a_telephone_field_holding_a_note_is_shown_without_a_tel_link(client):
    """A note (the demo's placeholder) is printed as written, never made into a tel: link."""
    contact = OfficeContact.current()
    contact.phone = "Demo placeholder / Chưa có số điện thoại"
    contact.save()
    text = client.get("/contact/").text
    assert "Demo placeholder / Chưa có số điện thoại" in text
    assert 'href="tel:' not in text


def test_contact_page_makes_no_request_to_a_map_service(client):
    """The map is a plain link out: no iframe, no script, no image from elsewhere."""
    text = client.get("/contact/").text
    assert "<iframe" not in text
    assert not re.search(r'<(img|script)[^>]+src="https?://', text)


def test_press_page_lists_media_contacts_latest_press_releases_and_photos(client):
    """Journalists find whom to call, the newest press releases (no other kind), and Flickr."""
    press_contact()
    ArticleFactory(title="Minimum wage rises", kind=Article.Kind.PRESS_RELEASE)
    ArticleFactory(title="A feature story", kind=Article.Kind.FEATURE)
    ArticleFactory(title="Draft release", kind=Article.Kind.PRESS_RELEASE, draft=True)
    text = client.get("/press/").text
    assert "Nguyen Thi Lan" in text and "lan@ilo.org" in text
    assert "Minimum wage rises" in text
    assert "A feature story" not in text
    assert "Draft release" not in text
    assert FLICKR in text
    assert "Cán bộ truyền thông" in client.get("/vi/press/").text


def test_press_release_names_its_chosen_media_contact_on_the_page_and_in_json_ld(client):
    """The contact chosen for a press release is on its page and in its JSON-LD."""
    chosen = press_contact(name="Tran Van Minh", email="minh@ilo.org")
    press_contact(name="Default Person", email="default@ilo.org", is_default=True)
    release = ArticleFactory(kind=Article.Kind.PRESS_RELEASE)
    release.media_contacts.set([chosen])
    response = client.get(release.get_absolute_url())
    assert "Tran Van Minh" in response.text
    assert "Default Person" not in response.text
    (article,) = [d for d in json_ld(response) if d.get("@type") == "NewsArticle"]
    assert article["publisher"]["contactPoint"][0]["email"] == "minh@ilo.org"


def test_every_press_release_names_the_default_contact_when_none_is_chosen(client):
    """A press release without a chosen contact names the office's default one."""
    press_contact(name="Default Person", email="default@ilo.org", is_default=True)
    release = ArticleFactory(kind=Article.Kind.PRESS_RELEASE)
    response = client.get(release.get_absolute_url())
    assert "Default Person" in response.text
    (article,) = [d for d in json_ld(response) if d.get("@type") == "NewsArticle"]
    assert article["publisher"]["contactPoint"][0]["email"] == "default@ilo.org"


def test_news_stories_name_no_media_contact(client):
    """Only press releases carry a media contact."""
    press_contact(name="Default Person", is_default=True)
    story = ArticleFactory(kind=Article.Kind.NEWS)
    assert "Default Person" not in client.get(story.get_absolute_url()).text


def test_only_one_default_media_contact(client):
    """A second default is a clear form error in the admin, not a crash."""
    press_contact(is_default=True)
    client.force_login(staff_user("Site manager"))
    response = client.post(
        "/admin/contact/mediacontact/add/",
        {"name": "Second", "role_en": "Officer", "email": "b@ilo.org", "is_default": "on",
         "order": "0"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "default already" in str(response.context["adminform"].form.errors)
    assert MediaContact.objects.count() == 1


def test_footer_has_the_photo_library_and_social_accounts_as_plain_links(client):
    """Accounts staff give, and the Flickr library, are links in the footer; no embeds."""
    contact = OfficeContact.current()
    contact.facebook_url = "https://www.facebook.com/example"
    contact.save()
    text = client.get("/").text
    footer = text[text.index('<footer class="site-footer">') :]
    assert FLICKR in footer
    assert "https://www.facebook.com/example" in footer
    assert 'href="/contact/"' in footer and 'href="/press/"' in footer


def test_editors_choose_media_contacts_and_site_managers_maintain_them():
    """Editors may pick contacts (view), only site managers change the office's details."""
    editor = staff_user("Editor", username="ed")
    manager = staff_user("Site manager", username="sm")
    assert editor.has_perm("contact.view_mediacontact")
    assert not editor.has_perm("contact.change_officecontact")
    assert manager.has_perm("contact.change_officecontact")
    assert manager.has_perm("contact.add_mediacontact")
