"""Deploys against staff work: `migrate` on a populated database, and the roles it syncs."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from ilo_office.backoffice import roles
from ilo_office.backoffice.roles import CONTRIBUTOR, EDITOR, SITE_MANAGER


def _labels(group):
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


@pytest.mark.django_db
def test_a_deploy_keeps_a_permission_a_site_manager_gave_a_role():
    """An editor allowed on purpose to maintain partners stays allowed after `migrate`."""
    editor = Group.objects.get(name=EDITOR)
    before = _labels(editor)
    assert "programmes.change_partner" not in before
    editor.permissions.add(
        Permission.objects.get(content_type__app_label="programmes", codename="change_partner")
    )

    call_command("migrate", verbosity=0)
    call_command("migrate", verbosity=0)

    assert _labels(editor) == before | {"programmes.change_partner"}


@pytest.mark.django_db
def test_a_deploy_restores_the_roles_code_defined_permissions_and_a_deleted_role():
    contributor = Group.objects.get(name=CONTRIBUTOR)
    expected = _labels(contributor)
    contributor.permissions.remove(Permission.objects.get(codename="add_article"))
    Group.objects.get(name=EDITOR).delete()

    call_command("migrate", verbosity=0)

    assert _labels(contributor) == expected
    assert Group.objects.get(name=EDITOR).permissions.filter(codename="publish_article").exists()
    assert Group.objects.filter(name__in=[CONTRIBUTOR, EDITOR, SITE_MANAGER]).count() == 3


@pytest.mark.django_db
def test_a_deploy_withdraws_only_what_the_code_explicitly_revokes(monkeypatch):
    contributor = Group.objects.get(name=CONTRIBUTOR)
    publish = Permission.objects.get(codename="publish_article")
    change_partner = Permission.objects.get(codename="change_partner")
    contributor.permissions.add(publish, change_partner)
    monkeypatch.setitem(roles.REVOKED, CONTRIBUTOR, {"newsroom.publish_article"})

    call_command("migrate", verbosity=0)

    labels = _labels(contributor)
    assert "newsroom.publish_article" not in labels
    assert "programmes.change_partner" in labels


def test_no_role_is_granted_and_revoked_the_same_permission():
    granted = roles.role_permissions()
    for name, revoked in roles.REVOKED.items():
        assert not revoked & granted[name], name
