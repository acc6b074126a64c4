"""Backups restore: `manage.py backup` then `restore` brings back every item, revision,
log entry and photo file after the database and the media are wiped.

Runs on SQLite and on PostgreSQL (pg_dump/pg_restore; CI runs the suite on both).
"""

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
import reversion
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from reversion.models import Revision, Version

from events.models import Event
from ilo_office.backoffice.models import PublishingLog
from ilo_office.models import Photo
from newsroom.models import Article
from programmes.models import Programme
from tests.factories import (
    ArticleFactory,
    EventFactory,
    PhotoFactory,
    ProgrammeFactory,
    jpeg_bytes,
    staff_user,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _client_programs():
    if connection.vendor == "postgresql" and not (
        shutil.which("pg_dump") and shutil.which("pg_restore")
    ):
        pytest.fail("pg_dump and pg_restore are needed (apt-get install postgresql-client)")


def wipe_database():
    """What losing the database server looks like: no tables at all."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE")
            cursor.execute("CREATE SCHEMA public")
    else:
        connection.ensure_connection()
        with sqlite3.connect(":memory:") as empty:
            empty.backup(connection.connection)
        empty.close()
    assert connection.introspection.table_names() == []


def file_bytes(photo):
    names = [photo.image.name]
    for rendition in photo.renditions:
        names += [value for key, value in rendition.items() if isinstance(value, str)]
    assert len(names) > 1, "the photo should have renditions"
    return {name: default_storage.open(name).read() for name in names}


def make_content():
    editor = staff_user("Editor", username="editor")
    hero = PhotoFactory(
        title="Garment factory",
        image=SimpleUploadedFile("garment.jpg", jpeg_bytes(1400, 800), "image/jpeg"),
    )
    second = PhotoFactory(title="Đồng Nai training")
    programme = ProgrammeFactory(name="Better Work Viet Nam", photo=second)
    with reversion.create_revision():
        article = ArticleFactory(title="Minimum wage rises", hero=hero)
        article.programmes.add(programme)
        reversion.set_user(editor)
        reversion.set_comment("First version")
    with reversion.create_revision():
        article.title = "Minimum wage rises in 2027"
        article.save()
        reversion.set_comment("Title changed")
    event = EventFactory(title="Workshop on social dialogue", draft=True)
    for obj, action in ((article, "published"), (event, "submitted")):
        PublishingLog.objects.create(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            object_repr=str(obj),
            action=action,
            user=editor,
            note=f"{action} in the test",
        )
    return article, event, programme


def snapshot():
    return {
        "articles": sorted(Article.objects.values_list("slug", "title", "status")),
        "events": sorted(Event.objects.values_list("slug", "title", "status")),
        "programmes": sorted(Programme.objects.values_list("slug", "name", "status")),
        "revisions": sorted(Revision.objects.values_list("pk", "comment", "user__username")),
        "versions": sorted(Version.objects.values_list("pk", "object_id", "serialized_data")),
        "log": sorted(
            PublishingLog.objects.values_list("object_repr", "action", "user__username", "at")
        ),
        "photos": {photo.title: file_bytes(photo) for photo in Photo.objects.all()},
    }


def test_a_backup_brings_back_every_item_revision_log_entry_and_photo(tmp_path, settings, client):
    article, _event, _programme = make_content()
    before = snapshot()
    assert len(before["photos"]) == 2 and len(before["revisions"]) == 2
    backup = Path(call_command("backup", str(tmp_path / "backups")))
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["vendor"] == connection.vendor
    assert "newsroom.0001_initial" in manifest["migrations"]

    wipe_database()
    shutil.rmtree(settings.MEDIA_ROOT)

    call_command("restore", str(backup))

    assert snapshot() == before
    response = client.get(Article.objects.get(pk=article.pk).get_absolute_url())
    assert response.status_code == 200
    assert "Minimum wage rises in 2027" in response.content.decode()
    # Restored sequences go on from the restored rows: new content saves.
    ArticleFactory(title="Written after the restore")


def test_restore_refuses_to_overwrite_a_site_unless_told_to(tmp_path):
    make_content()
    backup = Path(call_command("backup", str(tmp_path)))
    ArticleFactory(title="Written after the backup")

    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(backup))
    assert Article.objects.filter(title="Written after the backup").exists()

    call_command("restore", str(backup), replace=True)
    assert not Article.objects.filter(title="Written after the backup").exists()
    assert Article.objects.filter(title="Minimum wage rises in 2027").exists()


def test_a_damaged_foreign_or_too_new_backup_is_refused_before_anything_changes(tmp_path):
    make_content()
    backup = Path(call_command("backup", str(tmp_path)))
    with open(next(backup.glob("database.*")), "ab") as database:
        database.write(b"garbage")
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", str(backup), replace=True)
    backup = Path(call_command("backup", str(tmp_path)))
    manifest = json.loads((backup / "manifest.json").read_text())
    manifest["migrations"].append("newsroom.9999_from_the_future")
    (backup / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(CommandError, match=r"newer code.*newsroom\.9999_from_the_future"):
        call_command("restore", str(backup), replace=True)
    with pytest.raises(CommandError, match="not a backup"):
        call_command("restore", str(tmp_path / "nowhere"), replace=True)
    assert Article.objects.filter(title="Minimum wage rises in 2027").exists()
