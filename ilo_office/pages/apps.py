from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "ilo_office.pages"
    label = "pages"
    verbose_name = _("Office pages and home page")
