"""Restore a backup made by `backup`: the database, the uploaded files, an empty cache.

Everything is checked (manifest, checksums, database type) before anything is changed.
Into an empty database and an empty MEDIA_ROOT it just restores; over existing data it
refuses unless --replace, which first drops every table (PostgreSQL: the `public`
schema) and the files under MEDIA_ROOT.
"""

import json
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.db.migrations.loader import MigrationLoader

from ilo_office.management.commands.backup import (
    DATABASE_POSTGRESQL,
    DATABASE_SQLITE,
    MANIFEST,
    MEDIA,
    client_program,
    media_on_local_disk,
    postgresql_environment,
    sha256,
)


class Command(BaseCommand):
    help = (
        "Restore a backup directory made by `backup` into this site's database and "
        "MEDIA_ROOT. Refuses to overwrite existing data unless --replace."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="a backup directory (ilo-office-YYYYmmdd-HHMMSS)")
        parser.add_argument("--database", default="default", help="database alias")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="drop the existing tables and uploaded files first (they are lost)",
        )

    def handle(self, source, database, replace, **options):
        source = Path(source)
        connection = connections[database]
        manifest = self.read_manifest(source)
        if manifest["vendor"] != connection.vendor:
            raise CommandError(
                f"This backup is of a {manifest['vendor']} database; DATABASE_URL points to "
                f"{connection.vendor}."
            )
        files = manifest["files"]
        for entry in files.values():
            path = source / entry["name"]
            if not path.is_file() or sha256(path) != entry["sha256"]:
                raise CommandError(f"{path} is missing or damaged (checksum differs).")
        unknown = self.unknown_migrations(connection, manifest.get("migrations", []))
        if unknown:
            raise CommandError(
                "This backup comes from newer code than this checkout: it has migrations "
                f"this code does not know ({', '.join(unknown[:5])}). Deploy that release "
                "(or a newer one), then restore."
            )
        media_root = Path(settings.MEDIA_ROOT)
        restore_media = "media" in files and media_on_local_disk()

        tables = connection.introspection.table_names()
        has_media = restore_media and media_root.is_dir() and any(media_root.iterdir())
        if (tables or has_media) and not replace:
            raise CommandError(
                "The database or MEDIA_ROOT is not empty "
                f"({len(tables)} tables; files in {media_root}: {'yes' if has_media else 'no'}). "
                "Restore into an empty database, or pass --replace to drop what is there."
            )

        if connection.vendor == "postgresql":
            self.restore_postgresql(connection, source / files["database"]["name"], replace)
        else:
            self.restore_sqlite(connection, source / files["database"]["name"])

        if restore_media:
            self.restore_media(source / files["media"]["name"], media_root, replace)
        elif "media" in files:
            self.stdout.write(
                self.style.WARNING(
                    f"Media are on object storage here: {files['media']['name']} was not "
                    "unpacked; copy it to the bucket if the bucket needs restoring too."
                )
            )
        # Pages, fragments and the content generation cached before the restore describe
        # other content: none of them may be served afterwards.
        for alias in settings.CACHES:
            caches[alias].clear()
        self.stdout.write(self.style.SUCCESS(f"Restored {source}."))

    def read_manifest(self, source):
        try:
            manifest = json.loads((source / MANIFEST).read_text())
            vendor = manifest["vendor"]
            database_file = manifest["files"]["database"]["name"]
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise CommandError(
                f"{source} is not a backup made by `manage.py backup` ({error})."
            ) from error
        expected = {"postgresql": DATABASE_POSTGRESQL, "sqlite": DATABASE_SQLITE}
        if database_file != expected.get(vendor):
            raise CommandError(f"{source / MANIFEST} names an unexpected database file.")
        if "media" in manifest["files"] and manifest["files"]["media"]["name"] != MEDIA:
            raise CommandError(f"{source / MANIFEST} names an unexpected media file.")
        return manifest

    def unknown_migrations(self, connection, applied):
        """Migrations the backup's database had that no migration file here describes."""
        known = {f"{app}.{name}" for app, name in MigrationLoader(None).disk_migrations}
        return sorted(set(applied) - known)

    def restore_postgresql(self, connection, dump, replace):
        if replace:
            self.stdout.write("Dropping the existing tables (schema public) ...")
            with connection.cursor() as cursor:
                cursor.execute("DROP SCHEMA IF EXISTS public CASCADE")
                cursor.execute("CREATE SCHEMA public")
            if not connection.get_autocommit():
                connection.commit()
        # pg_restore works on its own connection; ours must not hold locks meanwhile.
        connection.close()
        self.stdout.write(f"Restoring {dump.name} into {connection.settings_dict['NAME']} ...")
        done = subprocess.run(  # noqa: S603 - fixed program and options, no shell
            [
                client_program("pg_restore"),
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                "--dbname",
                connection.settings_dict["NAME"],
                str(dump),
            ],
            env=postgresql_environment(connection.settings_dict),
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise CommandError(f"pg_restore failed (nothing restored): {done.stderr.strip()}")

    def restore_sqlite(self, connection, copy):
        self.stdout.write(f"Restoring {copy.name} ...")
        connection.ensure_connection()
        # The backup API replaces the whole database, tables and triggers, in one step.
        with sqlite3.connect(copy) as backup:
            backup.backup(connection.connection)
        backup.close()

    def restore_media(self, archive_path, media_root, replace):
        self.stdout.write(f"Unpacking uploaded files into {media_root} ...")
        if replace and media_root.is_dir():
            for child in media_root.iterdir():
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child)
                else:
                    child.unlink()
        media_root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive_path, "r:gz") as archive:
            # The "data" filter refuses absolute paths, "..", links out of the tree and
            # device files: a tampered archive cannot write outside MEDIA_ROOT.
            archive.extractall(media_root, filter="data")
