"""The role/action matrix: every role against every action on every content type.

Contributors write drafts and submit them; editors and site managers also publish,
unpublish, schedule and delete. Each action goes through the admin as a browser would
send it (the change form, its buttons, a bulk action), and a refusal must hold for a
hand-made POST too: the tests post the values the form would refuse to offer.
"""

import datetime

import pytest
from django import forms
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from ilo_office.backoffice.roles import CONTRIBUTOR, EDITOR, SITE_MANAGER
from ilo_office.pages.models import OfficePage
from ilo_office.publishing import Status
from newsroom.models import Article
from programmes.models import Programme
from tests.factories import (
    ArticleFactory,
    EventFactory,
    OfficePageFactory,
    ProgrammeFactory,
    staff_user,
)

pytestmark = pytest.mark.django_db

# model, factory, the fields a new item needs, the name of its title field
TYPES = {
    "article": (Article, ArticleFactory, {"title_en": "Fresh article"}, "title_en"),
    "event": (
        Event,
        EventFactory,
        {"title_en": "Fresh event", "start_date": "2031-03-04"},
        "title_en",
    ),
    "programme": (
        Programme,
        ProgrammeFactory,
        {"name_en": "Fresh programme", "summary_en": "What it does."},
        "name_en",
    ),
    "officepage": (OfficePage, OfficePageFactory, {"title_en": "Fresh page"}, "title_en"),
}


def admin_url(model, view, *args):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def _encode(value):
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def form_data(response):
    """What the browser would send back unchanged from an admin add/change page."""
    context = response.context
    bound = [context["adminform"].form]
    data = {}
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        for field in formset.management_form:
            data[field.html_name] = field.value()
        bound.extend(formset.forms)
    for form in bound:
        for name, field in form.fields.items():
            bound_field = form[name]
            value = bound_field.value()
            widget = field.widget
            if isinstance(widget, forms.MultiWidget):
                parts = value if isinstance(value, list) else widget.decompress(value)
                for index, part in enumerate(parts):
                    data[f"{bound_field.html_name}_{index}"] = "" if part is None else _encode(part)
            elif isinstance(field, forms.BooleanField):
                if value:
                    data[bound_field.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[bound_field.html_name] = [_encode(v) for v in value]
            elif value is not None:
                data[bound_field.html_name] = _encode(value)
    return data


def post_form(client, url, **changes):
    """Open the form, change some values, send it: the response of the POST."""
    page = client.get(url)
    assert page.status_code == 200, url
    data = form_data(page)
    data.update(changes)
    return client.post(url, data)


def split(moment):
    local = timezone.localtime(moment)
    return {"_0": local.date().isoformat(), "_1": local.time().replace(microsecond=0).isoformat()}


def times(name, moment):
    return {f"{name}{suffix}": value for suffix, value in split(moment).items()}


def refused(response):
    """A refusal is a 403, or the form again with its errors; never a 500, never a save."""
    if response.status_code == 403:
        return True
    if response.status_code == 200 and "adminform" in response.context:
        form = response.context["adminform"].form
        return bool(form.errors)
    return False


# Each action: (kind) -> True when it took effect; a refused one must leave no trace.


def add_draft(client, kind):
    model, _factory, fields, _title = TYPES[kind]
    before = model.objects.count()
    response = post_form(client, admin_url(model, "add"), status="draft", **fields)
    if model.objects.count() == before:
        assert refused(response)
        return False
    return model.objects.latest("pk").status == Status.DRAFT


def add_published(client, kind):
    model, _factory, fields, _title = TYPES[kind]
    response = post_form(client, admin_url(model, "add"), status="published", **fields)
    if not model.objects.filter(status=Status.PUBLISHED).exists():
        assert refused(response)
        return False
    return True


def _edit(client, kind, **factory_kwargs):
    model, factory, _fields, title = TYPES[kind]
    obj = factory(**factory_kwargs)
    url = admin_url(model, "change", obj.pk)
    page = client.get(url)
    if page.status_code == 200 and title in page.context["adminform"].form.fields:
        response = client.post(url, {**form_data(page), title: "Changed title"})
    else:
        # Read-only (or closed) to this user: a forged POST is refused all the same.
        response = client.post(url, {title: "Changed title"})
    obj.refresh_from_db()
    if getattr(obj, title) != "Changed title":
        assert refused(response)
        return False
    return True


def edit_draft(client, kind):
    return _edit(client, kind, draft=True)


def edit_in_review(client, kind):
    return _edit(client, kind, status=Status.REVIEW)


def edit_published(client, kind):
    return _edit(client, kind)


def edit_scheduled(client, kind):
    return _edit(client, kind, scheduled=True)


def _button(client, kind, button, to_status, **factory_kwargs):
    model, factory, _fields, _title = TYPES[kind]
    obj = factory(**factory_kwargs)
    url = admin_url(model, "change", obj.pk)
    page = client.get(url)
    data = form_data(page) if "adminform" in page.context else {}
    response = client.post(url, {**data, button: "1"})
    obj.refresh_from_db()
    if obj.status != to_status:
        assert refused(response)
        return False
    return True


def submit_button(client, kind):
    return _button(client, kind, "_submit", Status.REVIEW, draft=True)


def publish_button(client, kind):
    return _button(client, kind, "_publish", Status.PUBLISHED, status=Status.REVIEW)


def unpublish_button(client, kind):
    return _button(client, kind, "_unpublish", Status.DRAFT)


def forged_status(client, kind):
    """The status select offers no "published" to a contributor; send it anyway."""
    model, factory, _fields, _title = TYPES[kind]
    obj = factory(status=Status.REVIEW)
    response = post_form(client, admin_url(model, "change", obj.pk), status="published")
    obj.refresh_from_db()
    if obj.status != Status.PUBLISHED:
        assert refused(response)
        return False
    return True


def _times(client, kind, name, moment):
    model, factory, _fields, _title = TYPES[kind]
    obj = factory(draft=True)
    response = post_form(client, admin_url(model, "change", obj.pk), **times(name, moment))
    obj.refresh_from_db()
    stored = getattr(obj, name)
    if stored is None or abs(stored - moment) > datetime.timedelta(seconds=1):
        assert refused(response)
        return False
    return True


def schedule(client, kind):
    return _times(client, kind, "publish_at", timezone.now() + datetime.timedelta(days=3))


def set_unpublish_time(client, kind):
    return _times(client, kind, "unpublish_at", timezone.now() + datetime.timedelta(days=30))


def _bulk(client, kind, action, to_status, **factory_kwargs):
    model, factory, _fields, _title = TYPES[kind]
    obj = factory(**factory_kwargs)
    response = client.post(
        admin_url(model, "changelist"), {"action": action, "_selected_action": [obj.pk]}
    )
    assert response.status_code in (200, 302)
    obj.refresh_from_db()
    return obj.status == to_status


def bulk_submit(client, kind):
    return _bulk(client, kind, "submit_selected", Status.REVIEW, draft=True)


def bulk_publish(client, kind):
    return _bulk(client, kind, "publish_selected", Status.PUBLISHED, status=Status.REVIEW)


def bulk_unpublish(client, kind):
    return _bulk(client, kind, "unpublish_selected", Status.DRAFT)


def delete(client, kind):
    model, factory, _fields, _title = TYPES[kind]
    obj = factory(draft=True)
    response = client.post(admin_url(model, "delete", obj.pk), {"post": "yes"})
    if model.objects.filter(pk=obj.pk).exists():
        assert response.status_code == 403
        return False
    return True


def bulk_delete(client, kind):
    model, factory, _fields, _title = TYPES[kind]
    obj = factory(draft=True)
    client.post(
        admin_url(model, "changelist"),
        {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"},
    )
    return not model.objects.filter(pk=obj.pk).exists()


ACTIONS = {
    "add a draft": add_draft,
    "add as published": add_published,
    "edit a draft": edit_draft,
    # Submitted by someone else (the factory): locked to its author and the editors.
    "edit another's item in review": edit_in_review,
    "edit a published item": edit_published,
    "edit a scheduled item": edit_scheduled,
    "submit for review (button)": submit_button,
    "publish (button)": publish_button,
    "unpublish (button)": unpublish_button,
    "publish (forged status)": forged_status,
    "schedule (publish time)": schedule,
    "set an unpublish time": set_unpublish_time,
    "submit for review (bulk)": bulk_submit,
    "publish (bulk)": bulk_publish,
    "unpublish (bulk)": bulk_unpublish,
    "delete": delete,
    "delete (bulk)": bulk_delete,
}
CONTRIBUTOR_MAY = {
    "add a draft",
    "edit a draft",
    "submit for review (button)",
    "submit for review (bulk)",
}
EXPECTED = {
    CONTRIBUTOR: CONTRIBUTOR_MAY,
    EDITOR: set(ACTIONS),
    SITE_MANAGER: set(ACTIONS),
}


@pytest.mark.parametrize("action", list(ACTIONS))
@pytest.mark.parametrize("role", [CONTRIBUTOR, EDITOR, SITE_MANAGER])
@pytest.mark.parametrize("kind", list(TYPES))
def test_role_action_matrix(client, kind, role, action):
    """Each role may do exactly its share of the workflow on each content type."""
    client.force_login(staff_user(role))
    assert ACTIONS[action](client, kind) is (action in EXPECTED[role])
