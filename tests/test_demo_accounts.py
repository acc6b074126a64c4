"""The quick start's demo accounts: one per role, so the workflow can be tried at once."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGINS = {
    "admin": "ilo-demo-admin",
    "contributor": "ilo-demo-contributor",
    "editor": "ilo-demo-editor",
}


def test_refused_unless_debug(settings, django_user_model):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG=1"):
        call_command("create_demo_admin")
    assert not django_user_model.objects.exists()


def test_creates_an_admin_a_contributor_and_an_editor_and_prints_their_logins(
    settings, client, django_user_model
):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("create_demo_admin", stdout=out)
    for username, password in LOGINS.items():
        assert f"username '{username}', password '{password}'" in out.getvalue()
        assert client.login(username=username, password=password)
        assert client.get(reverse("admin:index")).status_code == 200
        client.logout()
    users = {user.username: user for user in django_user_model.objects.all()}
    assert users["admin"].is_superuser
    contributor, editor = users["contributor"], users["editor"]
    assert not contributor.is_superuser and not editor.is_superuser
    assert contributor.has_perm("newsroom.change_article")
    assert not contributor.has_perm("newsroom.publish_article")
    assert editor.has_perm("newsroom.publish_article")


def test_running_again_resets_the_accounts(settings, django_user_model):
    settings.DEBUG = True
    call_command("create_demo_admin", stdout=io.StringIO())
    editor = django_user_model.objects.get(username="editor")
    editor.set_password("changed-by-someone")
    editor.groups.clear()
    editor.save()
    call_command("create_demo_admin", stdout=io.StringIO())
    editor.refresh_from_db()
    assert editor.check_password(LOGINS["editor"])
    assert [group.name for group in editor.groups.all()] == ["Editor"]
    assert django_user_model.objects.count() == 3
