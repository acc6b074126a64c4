"""Review links: an item's change form gives staff who may change it a signed preview link
to send to a colleague without an account, with a copy button and its expiry stated."""

import datetime
import re
import zoneinfo
from html import unescape

import pytest
from django.contrib.auth.models import Permission
from django.core import signing
from django.urls import reverse

from ilo_office.publishing import Status
from tests.factories import (
    ArticleFactory,
    EventFactory,
    OfficePageFactory,
    ProgrammeFactory,
    staff_user,
)

pytestmark = pytest.mark.django_db

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")

TYPES = [
    (ArticleFactory, "title", "newsroom", "article"),
    (EventFactory, "title", "events", "event"),
    (ProgrammeFactory, "name", "programmes", "programme"),
    (OfficePageFactory, "title", "pages", "officepage"),
]
TYPE_IDS = [model for *_rest, model in TYPES]


def draft(factory, name_field):
    return factory(**{name_field: "Draft for the reviewer"}, status=Status.DRAFT)


def change_form(client, app_label, model, obj):
    response = client.get(reverse(f"admin:{app_label}_{model}_change", args=[obj.pk]))
    assert response.status_code == 200
    return response.content.decode()


def link_in(html):
    match = re.search(r'<input type="text" id="review-link-url"[^>]*value="([^"]+)"', html)
    return unescape(match.group(1)) if match else None


@pytest.mark.parametrize(("factory", "name_field", "app_label", "model"), TYPES, ids=TYPE_IDS)
def test_change_form_of_every_previewable_type_shows_a_link_that_opens_without_an_account(
    admin_client, client, factory, name_field, app_label, model
):
    """The link on the change form opens the draft for someone who is not signed in."""
    obj = draft(factory, name_field)
    url = link_in(change_form(admin_client, app_label, model, obj))
    assert url and url.startswith("http://testserver/preview/s/")
    response = client.get(url)  # a colleague with no account
    assert response.status_code == 200
    assert "Draft for the reviewer" in response.content.decode()


def test_the_link_states_its_expiry_in_hanoi_time(admin_client, settings, monkeypatch):
    """ "This link works for 3 days, until 3 Dec 2026 21:00 Hanoi time"."""
    settings.PREVIEW_LINK_MAX_AGE = 3 * 24 * 60 * 60
    now = datetime.datetime(2026, 11, 30, 14, 0, tzinfo=datetime.UTC)  # 21:00 in Hanoi
    monkeypatch.setattr(signing.time, "time", now.timestamp)
    article = draft(ArticleFactory, "title")
    html = change_form(admin_client, "newsroom", "article", article)
    assert "This link works for 3 days, until 3 Dec 2026 21:00 Hanoi time." in html


def test_a_short_lifetime_is_stated_in_hours(admin_client, settings):
    """A lifetime set in hours reads in hours."""
    settings.PREVIEW_LINK_MAX_AGE = 2 * 60 * 60
    html = change_form(admin_client, "newsroom", "article", draft(ArticleFactory, "title"))
    assert "This link works for 2 hours, until" in html


def test_the_link_has_a_copy_button_from_a_static_file(admin_client):
    """The copy button works through a static script: no inline code, allowed by the CSP."""
    html = change_form(admin_client, "newsroom", "article", draft(ArticleFactory, "title"))
    assert re.search(r'<button type="button"[^>]*data-copy-from="review-link-url"', html)
    assert '<script src="/static/backoffice/copy-link.js" defer></script>' in html
    assert " onclick=" not in html


def test_the_copy_script_passes_the_admins_csp(admin_client):
    """The admin's policy allows scripts from the site itself, which serves copy-link.js."""
    response = admin_client.get(
        reverse("admin:newsroom_article_change", args=[draft(ArticleFactory, "title").pk])
    )
    script_src = next(
        part.split()[1:]
        for part in response["Content-Security-Policy"].split(";")
        if part.strip().startswith("script-src")
    )
    assert "'self'" in script_src
    assert "'unsafe-inline'" not in script_src


def test_a_contributor_who_may_change_the_item_sees_the_link(client):
    """The author of a draft can send it for review."""
    client.force_login(staff_user("Contributor"))
    article = draft(ArticleFactory, "title")
    assert link_in(change_form(client, "newsroom", "article", article))


def test_staff_who_may_only_view_get_no_link(client):
    """A link opens the draft to anyone: only those who may change the item hand one out."""
    viewer = staff_user()
    viewer.user_permissions.add(
        Permission.objects.get(codename="view_article", content_type__app_label="newsroom")
    )
    client.force_login(viewer)
    html = change_form(client, "newsroom", "article", draft(ArticleFactory, "title"))
    assert link_in(html) is None
    assert "/preview/s/" not in html


def test_no_link_on_the_add_form(admin_client):
    """An item not yet saved has nothing to preview."""
    html = admin_client.get(reverse("admin:newsroom_article_add")).content.decode()
    assert link_in(html) is None


def test_the_link_stops_working_after_its_lifetime(admin_client, client, settings, monkeypatch):
    """The expiry the form states is when the link dies."""
    settings.PREVIEW_LINK_MAX_AGE = 3 * 24 * 60 * 60
    url = link_in(change_form(admin_client, "newsroom", "article", draft(ArticleFactory, "title")))
    assert client.get(url).status_code == 200
    later = signing.time.time() + settings.PREVIEW_LINK_MAX_AGE + 60
    monkeypatch.setattr(signing.time, "time", lambda: later)
    assert client.get(url).status_code == 404
