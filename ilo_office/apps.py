from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IloOfficeConfig(AppConfig):
    name = "ilo_office"
    verbose_name = _("Site")

    def ready(self):
        from django.db.models.signals import post_migrate

        from ilo_office.cache import connect_signals
        from ilo_office.search_index import restore_sqlite_triggers

        connect_signals()
        # SQLite drops a table's triggers when a migration rebuilds the table.
        post_migrate.connect(restore_sqlite_triggers, sender=self)
