from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IloOfficeConfig(AppConfig):
    name = "ilo_office"
    verbose_name = _("Site")

    def ready(self):
        from ilo_office.cache import connect_signals

        connect_signals()
