"""The rich-text editor in the admin, and what reaches the database from it."""

import html as html_lib
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ilo_office.markup import clean_html
from ilo_office.models import Photo
from tests.factories import (
    ArticleFactory,
    EventFactory,
    OfficePageFactory,
    ProgrammeFactory,
    ThemeFactory,
    jpeg_bytes,
    staff_user,
)
from tests.test_backoffice_roles import form_data

pytestmark = pytest.mark.django_db

RICH_TEXT = [
    ("newsroom", "article", ArticleFactory, "body"),
    ("events", "event", EventFactory, "description"),
    ("programmes", "programme", ProgrammeFactory, "description"),
    ("programmes", "theme", ThemeFactory, "description"),
    ("pages", "officepage", OfficePageFactory, "body"),
]

# What the editor (ProseMirror/Tiptap) sends for each tool of its toolbar.
EDITOR_OUTPUT = (
    "<h2>Heading two</h2><h3>Heading three</h3><h4>Heading four</h4>"
    "<p><strong>Bold</strong> and <em>italic</em>, with a "
    '<a href="https://www.ilo.org/hanoi">link</a>.</p>'
    "<ul><li><p>Bullet</p></li></ul><ol><li><p>Number</p></li></ol>"
    "<blockquote><p>A quotation.</p></blockquote>"
    '<table><tbody><tr><th colspan="1" rowspan="1"><p>Year</p></th>'
    '<td colspan="1" rowspan="1"><p>2024</p></td></tr></tbody></table>'
)


def editor_config(html, name):
    """The configuration the page gives the editor of field `name`, or None without one."""
    match = re.search(
        rf'<textarea name="{name}"[^>]*data-django-prose-editor-configurable="([^"]*)"', html
    )
    return json.loads(html_lib.unescape(match.group(1))) if match else None


@pytest.mark.parametrize(("app", "model", "factory", "field"), RICH_TEXT)
def test_every_rich_text_field_has_the_editor_in_both_languages(client, app, model, factory, field):
    """English and Vietnamese columns get the editor with exactly the allowed tools."""
    client.force_login(staff_user("Site manager"))
    obj = factory()
    html = client.get(reverse(f"admin:{app}_{model}_change", args=[obj.pk])).content.decode()
    for language in ("en", "vi"):
        config = editor_config(html, f"{field}_{language}")
        assert config is not None, language
        tools = set(config["extensions"])
        assert {
            "Bold",
            "Italic",
            "BulletList",
            "OrderedList",
            "Blockquote",
            "Link",
            "Table",
        } <= tools
        assert config["extensions"]["Heading"] == {"levels": [2, 3, 4]}
        assert "HTML" not in tools  # no raw HTML mode
        assert not tools & {"Image", "Figure", "Color", "Highlight", "TextAlign", "CodeBlock"}
    assert "django_prose_editor/editor.js" in html
    assert editor_config(html, "summary_en") is None  # plain text stays plain


def test_what_the_editor_produces_survives_the_allow_list():
    """Headings, emphasis, links, lists, quotes and tables from the editor are all kept."""
    cleaned = clean_html(EDITOR_OUTPUT)
    for tag in (
        "<h2>",
        "<h3>",
        "<h4>",
        "<strong>",
        "<em>",
        "<ul>",
        "<ol>",
        "<blockquote>",
        "<table>",
        "<th",
        "<td",
    ):
        assert tag in cleaned, tag
    assert '<a href="https://www.ilo.org/hanoi" rel="noopener noreferrer">link</a>' in cleaned


def test_body_saved_from_the_admin_is_sanitised(client):
    """Editor output is stored as written; script, styles, handlers and javascript: links go."""
    article = ArticleFactory(draft=True)
    client.force_login(staff_user("Contributor"))
    url = reverse("admin:newsroom_article_change", args=[article.pk])
    hostile = (
        '<p style="color:red" onclick="steal()">Hi<script>alert(1)</script></p>'
        '<p><a href="javascript:alert(1)">click</a></p><iframe src="https://evil.example"></iframe>'
    )
    data = {**form_data(client.get(url)), "body_en": EDITOR_OUTPUT, "body_vi": hostile}
    assert client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.body_en == clean_html(EDITOR_OUTPUT)
    assert "<table>" in article.body_en and "<blockquote>" in article.body_en
    for bad in ("script", "style", "onclick", "javascript", "iframe"):
        assert bad not in article.body_vi, bad
    assert "Hi" in article.body_vi


def test_an_empty_editor_saves_an_empty_body(client):
    """The empty paragraph an untouched editor sends is stored as no text at all."""
    article = ArticleFactory(draft=True)
    client.force_login(staff_user("Contributor"))
    url = reverse("admin:newsroom_article_change", args=[article.pk])
    client.post(url, {**form_data(client.get(url)), "body_vi": "<p></p>"})
    article.refresh_from_db()
    assert article.body_vi == ""


def test_photo_added_from_the_article_form_needs_alt_text(client):
    """The "+" beside the main photo opens the library's form; without alt text it is refused."""
    client.force_login(staff_user("Contributor"))
    add_form = client.get(reverse("admin:newsroom_article_add")).content.decode()
    assert re.search(r'id="add_id_hero"[^>]*href="/admin/ilo_office/photo/add/\?', add_form)
    url = reverse("admin:ilo_office_photo_add") + "?_to_field=id&_popup=1"

    def upload(**fields):
        image = SimpleUploadedFile("p.jpg", jpeg_bytes(), "image/jpeg")
        return client.post(url, {"title": "Workers", "image": image, "_popup": "1", **fields})

    refused = upload(alt_text_en="")
    assert refused.status_code == 200
    assert "alt_text_en" in refused.context["adminform"].form.errors
    assert not Photo.objects.exists()
    accepted = upload(
        alt_text_en="Garment workers at their machines",
        alt_text_vi="Công nhân may",
        credit="© ILO/A.Santos",
    )
    assert accepted.status_code == 200  # the popup closes itself and fills the picker
    photo = Photo.objects.get()
    assert (
        "popup_response" in accepted.content.decode() or str(photo.pk) in accepted.content.decode()
    )
    assert photo.alt_text_vi == "Công nhân may"
