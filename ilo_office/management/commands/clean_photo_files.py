"""Store again, without metadata, the photos uploaded before uploads were cleaned.

Until issue 13, the original of every photo was kept as sent, with the camera's EXIF
(GPS position included), XMP and comments, at an address derived from the sent name,
and renditions kept JPEG comments. Run this once after deploying (safe to run again):
each such original is stored again as new uploads are (upright, no metadata, a made
name), its renditions are made again, and the old files are deleted once the change
is committed. Photos that share one file (the volume data) move to the new file
together. Works through the storage API, so on S3 as well as on local files.
"""

import re

from django.core.management.base import BaseCommand
from django.db import transaction

from ilo_office.models import Photo

# The names ilo_office.images.safe_name makes: a photo already stored the new way.
CLEANED = re.compile(r"-[0-9a-f]{12}\.(jpg|png|webp)$")


class Command(BaseCommand):
    help = "Store photos uploaded before uploads were cleaned again, without metadata."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List the files that would be cleaned."
        )

    def handle(self, *args, dry_run=False, **options):
        names = (
            Photo._base_manager.exclude(image="")
            .order_by("image")
            .values_list("image", flat=True)
            .distinct()
        )
        cleaned = failed = 0
        for name in list(names):
            if CLEANED.search(name):
                continue
            if dry_run:
                self.stdout.write(name)
                cleaned += 1
                continue
            try:
                self.clean(name)
            except Exception as error:  # one unreadable file must not stop the rest
                failed += 1
                self.stderr.write(f"{name}: {error}")
            else:
                cleaned += 1
        verb = "would be cleaned" if dry_run else "cleaned"
        self.stdout.write(f"{cleaned} photo files {verb}, {failed} could not be read.")

    def clean(self, name):
        photos = list(Photo._base_manager.filter(image=name).order_by("pk"))
        first, others = photos[0], photos[1:]
        with transaction.atomic():
            # An original not yet processed is what Photo.save stores again.
            first.renditions_of = ""
            first.save()
            Photo._base_manager.filter(pk__in=[photo.pk for photo in others]).update(
                image=first.image.name,
                width=first.width,
                height=first.height,
                renditions=first.renditions,
                renditions_of=first.renditions_of,
            )
