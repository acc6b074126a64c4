from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from events.models import Event, time_zone_choices
from ilo_office.admin import photo_thumbnail
from ilo_office.backoffice.admin_base import (
    PUBLISHING_FIELDSET,
    PublishableAdmin,
    StateFilter,
    side_by_side,
)


class WhenFilter(admin.SimpleListFilter):
    title = _("when")
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("upcoming", _("Upcoming and ongoing")), ("past", _("Past"))]

    def queryset(self, request, queryset):
        if self.value() == "upcoming":
            return queryset.not_over()
        if self.value() == "past":
            return queryset.over()
        return queryset


@admin.register(Event)
class EventAdmin(PublishableAdmin):
    list_display = [
        "thumbnail",
        "title",
        "start_date",
        "end_date",
        "kind",
        "event_status",
        "programme_list",
        "status_badge",
    ]
    list_display_links = ["thumbnail", "title"]
    list_filter = [WhenFilter, StateFilter, "event_status", "kind", "is_online", "programmes"]
    list_select_related = ["photo"]
    search_fields = [*PublishableAdmin.search_fields, "slug"]
    date_hierarchy = "start_date"
    ordering = ["-start_date"]
    autocomplete_fields = ["photo", "programmes", "themes", "partners"]
    readonly_fields = ["created_at", "updated_at", "sequence", "photo_preview"]
    # Translated fields: the English and Vietnamese columns side by side on one row.
    fieldsets = [
        (
            None,
            {
                "fields": [
                    side_by_side("title"),
                    "kind",
                    "event_status",
                    side_by_side("summary"),
                    side_by_side("description"),
                ]
            },
        ),
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
            {
                "fields": [
                    side_by_side("venue"),
                    side_by_side("city"),
                    side_by_side("country"),
                    "is_online",
                    "online_url",
                    "show_online_link",
                ]
            },
        ),
        (_("Registration"), {"fields": [side_by_side("registration")]}),
        (
            _("Related to"),
            {"fields": ["programmes", "themes", "partners", ("photo", "photo_preview")]},
        ),
        (_("Publishing"), {"fields": [*PUBLISHING_FIELDSET[1]["fields"], "sequence"]}),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "time_zone":
            # A choice from the IANA list rather than free text, which let "Hanoi" or
            # "GMT+7" through to the model validator's error after the whole form was
            # typed. Built here, not as model choices, so a tzdata update needs no
            # migration (see validate_time_zone).
            return forms.ChoiceField(
                choices=time_zone_choices(),
                initial=db_field.default,
                label=db_field.verbose_name.capitalize(),
                help_text=db_field.help_text,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("programmes")

    @admin.display(description=_("programmes"))
    def programme_list(self, obj):
        return ", ".join(p.acronym or p.name for p in obj.programmes.all())

    @admin.display(description=_("photo"))
    def photo_preview(self, obj):
        return photo_thumbnail(obj.photo)

    @admin.display(description=_("photo"))
    def thumbnail(self, obj):
        return photo_thumbnail(obj.photo)
