from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ilo_office.admin_base import PUBLISHING_FIELDSET, PublishableAdmin
from programmes.models import (
    KeyFigure,
    Partner,
    Place,
    Programme,
    ProgrammeContact,
    ProgrammePartner,
    ProgrammePhase,
    Theme,
)


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "is_cross_cutting", "order"]
    list_editable = ["order"]
    list_filter = ["is_cross_cutting"]
    search_fields = ["name", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["photo"]
    fields = ["name", "slug", "is_cross_cutting", "order", "summary", "description", "photo"]


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "vietnamese_name", "kind", "successor", "successor_since"]
    list_filter = ["kind", ("successor", admin.EmptyFieldListFilter)]
    search_fields = ["name", "acronym", "vietnamese_name"]
    prepopulated_fields = {"slug": ["acronym"]}
    autocomplete_fields = ["logo", "successor"]
    list_select_related = ["successor"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "vietnamese_name",
                    "acronym",
                    "slug",
                    "kind",
                    "summary",
                    "website",
                    "logo",
                ]
            },
        ),
        (
            _("Renamed or merged"),
            {
                "fields": ["successor", "successor_since", "successor_note"],
                "description": _(
                    "Fill in only when the organisation was renamed or merged into another."
                ),
            },
        ),
    ]


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "vietnamese_name", "kind", "successor", "successor_since"]
    list_filter = ["kind", ("successor", admin.EmptyFieldListFilter)]
    search_fields = ["name", "vietnamese_name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["successor"]
    list_select_related = ["successor"]


class ProgrammePhaseInline(admin.StackedInline):
    model = ProgrammePhase
    extra = 0
    fields = [("name", "order"), ("start_date", "end_date"), "focus"]


class KeyFigureInline(admin.StackedInline):
    model = KeyFigure
    extra = 0
    fields = [
        ("label", "order"),
        ("qualifier", "value", "unit"),
        ("as_of", "source", "source_url"),
    ]


class ProgrammePartnerInline(admin.TabularInline):
    model = ProgrammePartner
    autocomplete_fields = ["partner"]
    extra = 1


class ProgrammeContactInline(admin.TabularInline):
    model = ProgrammeContact
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(PublishableAdmin):
    list_display = ["name", "acronym", "stage", "status", "start_date", "publish_at"]
    list_filter = ["status", "stage", "themes"]
    search_fields = ["name", "acronym", "tagline", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["themes", "places", "photo", "logo"]
    inlines = [
        ProgrammePhaseInline,
        KeyFigureInline,
        ProgrammePartnerInline,
        ProgrammeContactInline,
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "acronym",
                    "tagline",
                    "summary",
                    "description",
                    "photo",
                    "logo",
                    "website",
                ]
            },
        ),
        (
            _("Status and dates"),
            {"fields": ["stage", "start_date", "end_date", "themes", "places"]},
        ),
        PUBLISHING_FIELDSET,
    ]
