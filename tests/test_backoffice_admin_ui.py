"""The back office as staff meet it: content first, Vietnamese throughout, clear errors."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from ilo_office.backoffice.roles import EDITOR, SITE_MANAGER
from tests.factories import ArticleFactory, staff_user
from tests.test_backoffice_roles import form_data

pytestmark = pytest.mark.django_db


def test_dashboard_lists_content_first_and_accounts_and_security_last(client):
    client.force_login(staff_user(SITE_MANAGER))
    html = client.get(reverse("admin:index")).content.decode()
    apps = re.findall(r'<div class="app-(\w+) module', html)
    assert apps[:3] == ["newsroom", "events", "programmes"]
    assert apps.index("pages") < apps.index("auth")
    assert apps[-2:] == ["auth", "axes"]


def test_vietnamese_admin_has_no_english_revision_strings(client):
    """django-reversion ships no Vietnamese: "RECOVER DELETED BÀI VIẾT" is now all Vietnamese."""
    client.force_login(staff_user(EDITOR))
    url = reverse("admin:newsroom_article_changelist")
    html = client.get(f"/vi{url}").content.decode()
    assert "Recover deleted" not in html
    assert "Khôi phục" in html
    recover = client.get(f"/vi{url}recover/").content.decode()
    assert "Recover deleted" not in recover and "deleted objects" not in recover


def test_one_line_says_times_are_hanoi_time(client):
    """Instead of the browser's "You are 7 hours behind server time" under each field."""
    client.force_login(staff_user(EDITOR))
    article = ArticleFactory()
    html = client.get(reverse("admin:newsroom_article_change", args=[article.pk])).content
    assert html.decode().count("All times are Hanoi time") == 1
    vietnamese = client.get(f"/vi{reverse('admin:newsroom_article_change', args=[article.pk])}")
    assert "Mọi thời gian đều theo giờ Hà Nội" in vietnamese.content.decode()


def test_error_summary_at_the_top_links_to_each_field_in_error(client):
    client.force_login(staff_user(EDITOR))
    article = ArticleFactory()
    url = reverse("admin:newsroom_article_change", args=[article.pk])
    data = form_data(client.get(url))
    data.update({"title_en": "", "slug": "not a slug!"})
    html = client.post(url, data).content.decode()
    summary = html[html.index('class="error-summary"') :]
    summary = summary[: summary.index("</nav>")]
    assert 'href="#id_title_en"' in summary
    assert 'href="#id_slug"' in summary
    assert html.index('class="error-summary"') < html.index('name="title_en"')


def test_role_names_read_in_vietnamese(client):
    """The groups keep their English names (the code finds roles by them); staff read them
    in their language, "Editor" as the person (biên tập viên), not the text editor."""
    client.force_login(staff_user(SITE_MANAGER, username="manager"))
    writer = staff_user("Contributor", username="lan")
    html = client.get(f"/vi{reverse('admin:auth_user_change', args=[writer.pk])}").content
    html = html.decode()
    assert "Cộng tác viên" in html and "Biên tập viên" in html and "Quản trị trang" in html


def test_roles_list_reads_in_vietnamese(admin_client):
    groups = admin_client.get(f"/vi{reverse('admin:auth_group_changelist')}").content.decode()
    assert "Biên tập viên" in groups and ">Editor<" not in groups


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        ("newsroom/article", ["title_en", "title_vi"]),
        ("events/event", ["title_en", "title_vi"]),
        ("programmes/programme", ["name_en", "name_vi"]),
        ("publications/publication", ["title_en", "title_vi"]),
        ("opportunities/opportunity", ["title_en", "title_vi"]),
    ],
)
def test_title_inputs_are_as_wide_as_the_form(client, model, fields):
    """A headline gets the form's width (class title-input), not Django's 20em box."""
    client.force_login(staff_user(SITE_MANAGER))
    html = client.get(f"/admin/{model}/add/").content.decode()
    for name in fields:
        (tag,) = re.findall(rf'<input [^>]*name="{name}"[^>]*>', html)
        assert "title-input" in re.search(r'class="([^"]*)"', tag).group(1).split(), tag
    css = (settings.BASE_DIR / "static/backoffice/admin.css").read_text()
    rule = re.search(r"input\.title-input \{([^}]*)\}", css).group(1)
    assert "width: 100%" in rule


def test_read_only_fields_look_read_only(client):
    """The article's created/updated times sit in a shaded box, not in something to type in."""
    client.force_login(staff_user(SITE_MANAGER))
    article = ArticleFactory()
    html = client.get(reverse("admin:newsroom_article_change", args=[article.pk])).content
    assert '<div class="readonly">' in html.decode()
    css = (settings.BASE_DIR / "static/backoffice/admin.css").read_text()
    assert re.search(r"\.form-row div\.readonly \{[^}]*background:", css)
