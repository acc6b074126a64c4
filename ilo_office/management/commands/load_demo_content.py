from django.core.management.base import BaseCommand

from ilo_office.demo.loader import load


class Command(BaseCommand):
    help = (
        "Load the demo content written from the seed documents. Safe to run again: missing "
        "items are added, existing ones are left as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--refresh",
            action="store_true",
            help="Put the seed's values back on demo items that staff have changed.",
        )

    def handle(self, *args, refresh=False, **options):
        loader = load(refresh=refresh)
        self.stdout.write(self.style.SUCCESS(loader.report()))
