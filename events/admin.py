from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from events.models import Event
from ilo_office.admin_base import PUBLISHING_FIELDSET, PublishableAdmin


@admin.register(Event)
class EventAdmin(PublishableAdmin):
    list_display = ["title", "kind", "start_date", "end_date", "status"]
    list_filter = ["status", "kind", "is_online", "programmes"]
    search_fields = ["title", "summary", "description"]
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["photo", "programmes", "themes", "partners"]
    fieldsets = [
        (None, {"fields": ["title", "kind", "start_date", "end_date", "summary", "description"]}),
        (_("Place"), {"fields": ["venue", "city", "country", "is_online", "photo"]}),
        (_("Related to"), {"fields": ["programmes", "themes", "partners"]}),
        PUBLISHING_FIELDSET,
    ]
