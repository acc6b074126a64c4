from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class BackofficeConfig(AppConfig):
    name = "ilo_office.backoffice"
    label = "backoffice"
    verbose_name = _("Back office")

    def ready(self):
        from ilo_office.backoffice import revisions, roles

        revisions.register_all()
        # After every `migrate` (so on every deploy) the three roles get the permissions
        # roles.py gives them; one added by hand stays unless roles.REVOKED names it.
        post_migrate.connect(roles.sync_roles_after_migrate, sender=self)
