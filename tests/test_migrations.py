"""Deploys against staff work: `migrate` on a populated database, and the roles it syncs."""

import re

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


# The project's own apps.
PROJECT_APPS = (
    "backoffice",
    "pages",
    "events",
    "opportunities",
    "newsroom",
    "programmes",
    "newsroom",
    "programmes",
    "publications",
    "ilo_office",
)
# Content written before the second language and search existed is the oldest data a
# live site can hold; every later migration has to carry it.
BEFORE = ("ilo_office", "0003_translations_review_search")


def _migrate(targets):
    """What `migrate` does: the plan, then post_migrate (SQLite's FTS triggers, roles)."""
    from django.core.management.sql import emit_post_migrate_signal
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)


def _old_and_new_states():
    """Each project app's last migration before BEFORE, and its last migration now."""
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    graph = MigrationLoader(connection).graph
    old, new = [], []
    for app in PROJECT_APPS:
        leaf = max(node for node in graph.leaf_nodes() if node[0] == app)
        new.append(leaf)
        earlier = [
            node
            for node in graph.forwards_plan(leaf)
            if node[0] == app and BEFORE not in graph.forwards_plan(node)
        ]
        old.append(earlier[-1] if earlier else (app, None))
    return old, new


# Migrating from an empty database is what every test run does first (pytest-django
# builds the test database with `migrate`), on SQLite and on PostgreSQL in CI.
@pytest.mark.django_db(transaction=True)
def test_migrations_apply_forward_on_content_written_before_translations_and_search(client):
    """Rows saved under the early schema survive every later migration, and come out
    published, with their English columns filled, linked and found by site search."""
    import datetime

    from django.db import connection
    from django.db.migrations.loader import MigrationLoader
    from django.utils import timezone

    from events.models import Event
    from newsroom.models import Article
    from programmes.models import Partner, Programme

    old_state, new_state = _old_and_new_states()
    assert ("newsroom", None) not in old_state
    try:
        _migrate(old_state)
        old = MigrationLoader(connection).project_state([n for n in old_state if n[1]]).apps
        an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
        programme = old.get_model("programmes", "Programme").objects.create(
            slug="zebrafinch",
            name="Zebrafinch programme",
            summary="Old row.",
            status="published",
            publish_at=an_hour_ago,
        )
        article = old.get_model("newsroom", "Article").objects.create(
            slug="quokka-story",
            title="Quokka wages story",
            kind="news",
            standfirst="Written before translations existed.",
            status="published",
            publish_at=an_hour_ago,
        )
        article.programmes.add(programme.pk)
        # The partner's Vietnamese name moves to a column of its own later (PostgreSQL
        # refused that migration on a populated table once: pending trigger events).
        old_partner = old.get_model("programmes", "Partner")
        old_partner.objects.create(
            slug="pangolin-union",
            name="Pangolin union",
            vietnamese_name="Công đoàn Tê tê",
            kind="workers",
            successor=old_partner.objects.create(slug="pangolin-federation", kind="workers"),
            successor_note="Merged into the federation.",
        )
        old.get_model("events", "Event").objects.create(
            slug="axolotl-workshop",
            title="Axolotl workshop",
            kind="workshop",
            start_date=timezone.localdate() + datetime.timedelta(days=3),
            status="published",
            publish_at=an_hour_ago,
        )
    finally:
        _migrate(new_state)

    article = Article.objects.published().get(slug="quokka-story")
    assert article.title_en == "Quokka wages story"
    assert list(article.programmes.values_list("slug", flat=True)) == ["zebrafinch"]
    assert Event.objects.published().get(slug="axolotl-workshop").title_en == "Axolotl workshop"
    assert Programme.objects.published().get(slug="zebrafinch").name_en == "Zebrafinch programme"
    partner = Partner.objects.get(slug="pangolin-union")
    assert (partner.name_en, partner.name_vi) == ("Pangolin union", "Công đoàn Tê tê")
    assert client.get(article.get_absolute_url()).status_code == 200
    found = client.get("/search/", {"q": "quokka"}).content.decode()
    assert "Quokka wages story" in re.sub(r"</?mark>", "", found)
