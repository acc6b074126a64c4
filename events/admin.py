from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from events.models import Event, office_today
from ilo_office.admin import photo_thumbnail
from ilo_office.admin_base import PUBLISHING_FIELDSET, PublishableAdmin


class WhenFilter(admin.SimpleListFilter):
    title = _("when")
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("upcoming", _("Upcoming and ongoing")), ("past", _("Past"))]

    def queryset(self, request, queryset):
        queryset = queryset.with_last_day()
        today = office_today()
        if self.value() == "upcoming":
            return queryset.filter(last_day__gte=today)
        if self.value() == "past":
            return queryset.filter(last_day__lt=today)
        return queryset


@admin.register(Event)
class EventAdmin(PublishableAdmin):
    list_display = [
        "title",
        "start_date",
        "end_date",
        "kind",
        "event_status",
        "programme_list",
        "status",
    ]
    list_filter = [WhenFilter, "status", "event_status", "kind", "is_online", "programmes"]
    search_fields = ["title", "summary", "description", "venue", "city"]
    date_hierarchy = "start_date"
    ordering = ["-start_date"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["photo", "programmes", "themes", "partners"]
    readonly_fields = ["created_at", "updated_at", "sequence", "photo_preview"]
    fieldsets = [
        (None, {"fields": ["title", "kind", "event_status", "summary", "description"]}),
        (
            _("When"),
            {
                "fields": [
                    "precision",
                    ("start_date", "end_date"),
                    ("start_time", "end_time"),
                    "time_zone",
                ]
            },
        ),
        (
            _("Where"),
            {"fields": ["venue", "city", "country", "is_online", "online_url", "show_online_link"]},
        ),
        (_("Registration"), {"fields": ["registration"]}),
        (
            _("Related to"),
            {"fields": ["programmes", "themes", "partners", "photo", "photo_preview"]},
        ),
        (_("Publishing"), {"fields": [*PUBLISHING_FIELDSET[1]["fields"], "sequence"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("programmes")

    @admin.display(description=_("programmes"))
    def programme_list(self, obj):
        return ", ".join(p.acronym or p.name for p in obj.programmes.all())

    @admin.display(description=_("photo"))
    def photo_preview(self, obj):
        return photo_thumbnail(obj.photo)
