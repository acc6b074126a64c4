from django.core.management.base import BaseCommand

from ilo_office.demo.loader import load


class Command(BaseCommand):
    help = (
        "Load the demo content written from the seed documents. Safe to run again: missing "
        "items are added, existing ones are left as they are, and an item staff deleted, "
        "renamed, unpublished or edited is never touched again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--refresh",
            action="store_true",
            help=(
                "Bring demo items nobody has touched since they were loaded to the seed's "
                "current values (a revision and a log entry each); staff's items are kept."
            ),
        )

    def handle(self, *args, refresh=False, **options):
        loader = load(refresh=refresh)
        self.stdout.write(self.style.SUCCESS(loader.report()))
