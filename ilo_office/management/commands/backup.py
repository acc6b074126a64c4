"""Back up the database and the uploaded files into one directory (see `restore`).

PostgreSQL: `pg_dump --format=custom` (compressed; `pg_restore` can restore it whole or
in part). SQLite (the quick start): SQLite's online backup of the database file. The
uploaded photos and their renditions under MEDIA_ROOT go into `media.tar.gz`; with
MEDIA_STORAGE=s3 they are in the bucket, which this command does not copy (use the
object store's versioning or `aws s3 sync`/`rclone sync`, see the README).
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

DATABASE_POSTGRESQL = "database.dump"
DATABASE_SQLITE = "database.sqlite3"
MEDIA = "media.tar.gz"
MANIFEST = "manifest.json"


def postgresql_environment(settings_dict):
    """libpq's variables for this database: no password on a command line (ps shows it)."""
    env = dict(os.environ)
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("NAME", "PGDATABASE"),
    ):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    sslmode = (settings_dict.get("OPTIONS") or {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = sslmode
    return env


def client_program(name):
    path = shutil.which(name)
    if path is None:
        raise CommandError(
            f"{name} was not found: install PostgreSQL's client programs "
            "(Debian: apt-get install postgresql-client), the same major version as the "
            "server or newer."
        )
    return path


def media_on_local_disk():
    backend = settings.STORAGES["default"]["BACKEND"]
    return backend == "django.core.files.storage.FileSystemStorage"


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class Command(BaseCommand):
    help = (
        "Back up the database (PostgreSQL: pg_dump custom format; SQLite: a copy) and the "
        "uploaded files (MEDIA_ROOT) into a new directory under DESTINATION."
    )

    def add_arguments(self, parser):
        parser.add_argument("destination", help="a directory; each backup is a new folder in it")
        parser.add_argument("--database", default="default", help="database alias")

    def handle(self, destination, database, **options):
        connection = connections[database]
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        target = self.new_directory(Path(destination), f"ilo-office-{stamp}")

        files = {}
        if connection.vendor == "postgresql":
            files["database"] = self.dump_postgresql(connection, target / DATABASE_POSTGRESQL)
        elif connection.vendor == "sqlite":
            files["database"] = self.copy_sqlite(connection, target / DATABASE_SQLITE)
        else:
            raise CommandError(f"Backups of {connection.vendor} databases are not supported.")

        if media_on_local_disk():
            files["media"] = self.archive_media(Path(settings.MEDIA_ROOT), target / MEDIA)
        else:
            self.stdout.write(
                self.style.WARNING(
                    "Media are on object storage (MEDIA_STORAGE=s3): not copied here; back "
                    "up the bucket with the object store's own tools."
                )
            )

        connection.ensure_connection()
        recorder = MigrationRecorder(connection)
        manifest = {
            "made_at": timezone.localtime().isoformat(),
            "vendor": connection.vendor,
            "migrations": sorted(f"{app}.{name}" for app, name in recorder.applied_migrations()),
            "files": {
                kind: {"name": path.name, "bytes": path.stat().st_size, "sha256": sha256(path)}
                for kind, path in files.items()
            },
        }
        (target / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
        self.stdout.write(self.style.SUCCESS(f"Backup written to {target}"))
        return str(target)

    def new_directory(self, parent, name):
        for suffix in ["", *(f"-{n}" for n in range(2, 100))]:
            target = parent / f"{name}{suffix}"
            try:
                target.mkdir(parents=True)
            except FileExistsError:
                continue
            except OSError as error:
                raise CommandError(f"Cannot create {target}: {error}") from error
            return target
        raise CommandError(f"Too many backups named {name} in {parent}.")

    def dump_postgresql(self, connection, path):
        self.stdout.write(f"Dumping PostgreSQL database {connection.settings_dict['NAME']} ...")
        # Custom format: compressed, and pg_restore can order, filter and parallelise it.
        # No owner or grants: the dump restores under whichever role restores it.
        done = subprocess.run(  # noqa: S603 - fixed program and options, no shell
            [
                client_program("pg_dump"),
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--file={path}",
            ],
            env=postgresql_environment(connection.settings_dict),
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise CommandError(f"pg_dump failed: {done.stderr.strip()}")
        return path

    def copy_sqlite(self, connection, path):
        self.stdout.write("Copying the SQLite database (online backup) ...")
        connection.ensure_connection()
        # SQLite's backup API copies a consistent snapshot even while the site writes.
        with sqlite3.connect(path) as copy:
            connection.connection.backup(copy)
        copy.close()
        return path

    def archive_media(self, media_root, path):
        self.stdout.write(f"Archiving uploaded files in {media_root} ...")
        with tarfile.open(path, "w:gz") as archive:
            if media_root.is_dir():
                for child in sorted(media_root.iterdir()):
                    archive.add(child, arcname=child.name)
        return path
