from django.core.management.base import BaseCommand

from subscriptions.sending import send_due


class Command(BaseCommand):
    help = (
        "Send every subscriber the digest it is due (immediate, weekly, monthly). Run it "
        "from cron or a systemd timer, every 15 minutes or so; running it again, or after "
        "a run that stopped half-way, never sends an item twice (see subscriptions.sending)."
    )

    def handle(self, *args, **options):
        report = send_due()
        self.stdout.write(
            f"{report.sent} digests sent, {report.failed} failed, "
            f"{report.skipped} skipped (claimed by another run)."
        )
