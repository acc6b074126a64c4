from django.core.management.base import BaseCommand, CommandError

from ilo_office import volume


class Command(BaseCommand):
    help = (
        "Fill the database with realistic content at volume (by default 20,000 published "
        "articles and 5,000 events over 25 years, 60 programmes, 400 partners), for "
        "performance work. The same seed on the same day gives the same content. Every "
        'generated row has a slug starting with "vol-" (photos: a title starting with '
        '"vol: "); a run first deletes the rows an earlier run generated, and never '
        "touches staff or demo content. Use --delete to remove the generated rows only."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles", type=int, default=20000, help="Published articles (default 20000)."
        )
        parser.add_argument(
            "--events", type=int, default=5000, help="Published events (default 5000)."
        )
        parser.add_argument("--programmes", type=int, default=60, help="Programmes (default 60).")
        parser.add_argument("--partners", type=int, default=400, help="Partners (default 400).")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="Multiplies every count, e.g. 0.1 for CI (default 1).",
        )
        parser.add_argument(
            "--delete",
            action="store_true",
            help="Only delete the rows an earlier run generated, and generate nothing.",
        )

    def handle(self, *args, **options):
        if options["delete"]:
            volume.remove(stdout=self.stdout)
            return
        if options["scale"] < 0:
            raise CommandError("--scale must not be negative.")
        counts = {}
        for name in ("articles", "events", "programmes", "partners"):
            if options[name] < 0:
                raise CommandError(f"--{name} must not be negative.")
            counts[name] = round(options[name] * options["scale"])
        volume.generate(**counts, seed=options["seed"], stdout=self.stdout)
