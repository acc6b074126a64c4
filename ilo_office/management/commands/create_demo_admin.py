from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "ilo-demo-admin"  # noqa: S105 - a local demo account, refused unless DEBUG is on


class Command(BaseCommand):
    help = "Create (or reset) the local demo superuser and print how to log in. DEBUG only."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "The demo admin account exists only for local development (DEBUG=1)."
            )
        user, _ = get_user_model().objects.get_or_create(
            username=USERNAME, defaults={"email": "admin@example.org"}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(PASSWORD)
        user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin login: username '{USERNAME}', password '{PASSWORD}' "
                "(local demo account; never use it on a server)."
            )
        )
