from django.core.management.base import BaseCommand, CommandError

from subscriptions.services import record_bounce


class Command(BaseCommand):
    help = (
        "Record a bounce or a spam complaint for an address: `hard` and `complaint` stop "
        "all mail to it; `soft` (a full mailbox, a server down) changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("address")
        parser.add_argument("type", choices=["hard", "soft", "complaint"])

    def handle(self, *args, address, type, **options):
        if "@" not in address:
            raise CommandError("Give an e-mail address.")
        changed = record_bounce(address, type)
        self.stdout.write("deactivated" if changed else "nothing to change")
