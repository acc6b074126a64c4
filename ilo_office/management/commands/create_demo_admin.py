from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from ilo_office.backoffice.roles import CONTRIBUTOR, EDITOR

# Local demo accounts, refused unless DEBUG is on. Besides the superuser, one account
# per workflow role, so that a newcomer can submit as a contributor and review as an
# editor at once (a superuser passes every permission check and shows neither role).
# (username, password, group or None for the superuser, what the login is for)
ACCOUNTS = (
    ("admin", "ilo-demo-admin", None, "Admin"),
    ("contributor", "ilo-demo-contributor", CONTRIBUTOR, "Contributor"),
    ("editor", "ilo-demo-editor", EDITOR, "Editor"),
)
USERNAME, PASSWORD = ACCOUNTS[0][:2]


class Command(BaseCommand):
    help = (
        "Create (or reset) the local demo accounts (an admin, a Contributor and an Editor) "
        "and print how to log in. DEBUG only."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "The demo admin account exists only for local development (DEBUG=1)."
            )
        for username, password, group_name, label in ACCOUNTS:
            user, _ = get_user_model().objects.get_or_create(
                username=username, defaults={"email": f"{username}@example.org"}
            )
            user.is_staff = user.is_active = True
            user.is_superuser = group_name is None
            user.set_password(password)
            user.save()
            if group_name is not None:
                # The roles' groups are made by a migration; a reset puts the account
                # back in exactly its one role.
                user.groups.set([Group.objects.get(name=group_name)])
            self.stdout.write(
                self.style.SUCCESS(
                    f"{label} login: username '{username}', password '{password}' "
                    "(local demo account; never use it on a server)."
                )
            )
