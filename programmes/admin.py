from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from ilo_office.admin import photo_thumbnail
from ilo_office.backoffice.admin_base import (
    PUBLISHING_FIELDSET,
    BackofficeAdmin,
    LockedWithParentInline,
    PublishableAdmin,
    StateFilter,
    TranslatedAdmin,
    side_by_side,
)
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
class ThemeAdmin(TranslatedAdmin):
    list_display = ["thumbnail", "name", "is_cross_cutting", "order"]
    list_display_links = ["thumbnail", "name"]
    list_editable = ["order"]
    list_filter = ["is_cross_cutting"]
    list_select_related = ["photo"]
    ordering = ["order", "name_en"]
    search_fields = ["name_en", "name_vi", "summary_en", "summary_vi"]
    autocomplete_fields = ["photo"]
    fields = [
        side_by_side("name"),
        "slug",
        "is_cross_cutting",
        "order",
        side_by_side("summary"),
        side_by_side("description"),
        "photo",
    ]

    @admin.display(description=_("photo"))
    def thumbnail(self, obj):
        return photo_thumbnail(obj.photo)


@admin.register(Partner)
class PartnerAdmin(TranslatedAdmin):
    list_display = ["name_en", "acronym", "name_vi", "kind", "successor", "successor_since"]
    list_filter = ["kind", ("successor", admin.EmptyFieldListFilter)]
    ordering = ["name"]
    search_fields = ["name_en", "acronym", "name_vi"]
    autocomplete_fields = ["logo", "successor"]
    list_select_related = ["successor"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    side_by_side("name"),
                    "acronym",
                    "slug",
                    "kind",
                    side_by_side("summary"),
                    "website",
                    "logo",
                ]
            },
        ),
        (
            _("Renamed or merged"),
            {
                "fields": ["successor", "successor_since", side_by_side("successor_note")],
                "description": _(
                    "Fill in only when the organisation was renamed or merged into another."
                ),
            },
        ),
    ]


@admin.register(Place)
class PlaceAdmin(BackofficeAdmin):
    list_display = ["name", "vietnamese_name", "kind", "region", "successor", "successor_since"]
    list_filter = ["kind", "region", ("successor", admin.EmptyFieldListFilter)]
    ordering = ["name"]
    search_fields = ["name", "vietnamese_name"]
    autocomplete_fields = ["successor"]
    list_select_related = ["successor"]


class ProgrammePhaseInline(LockedWithParentInline, TranslationStackedInline):
    model = ProgrammePhase
    extra = 0
    fields = [side_by_side("name"), "order", ("start_date", "end_date"), side_by_side("focus")]


class KeyFigureInline(LockedWithParentInline, TranslationStackedInline):
    model = KeyFigure
    extra = 0
    fields = [
        side_by_side("label"),
        "order",
        ("qualifier", "value", "unit"),
        ("as_of", "source", "source_url"),
    ]


class ProgrammePartnerInline(LockedWithParentInline, admin.TabularInline):
    model = ProgrammePartner
    autocomplete_fields = ["partner"]
    extra = 1


class ProgrammeContactInline(LockedWithParentInline, admin.TabularInline):
    model = ProgrammeContact
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(PublishableAdmin):
    list_display = [
        "thumbnail",
        "name",
        "acronym",
        "stage",
        "status_badge",
        "start_date",
        "publish_at",
    ]
    list_display_links = ["thumbnail", "name"]
    list_filter = [StateFilter, "stage", "themes"]
    list_select_related = ["photo"]
    ordering = ["name_en"]
    search_fields = [*PublishableAdmin.search_fields, "slug"]
    autocomplete_fields = ["themes", "places", "photo", "logo"]
    inlines = [
        ProgrammePhaseInline,
        KeyFigureInline,
        ProgrammePartnerInline,
        ProgrammeContactInline,
    ]
    # Translated fields: the English and Vietnamese columns side by side on one row.
    fieldsets = [
        (
            None,
            {
                "fields": [
                    side_by_side("name"),
                    "acronym",
                    side_by_side("tagline"),
                    side_by_side("summary"),
                    side_by_side("description"),
                    ("photo", "logo"),
                    "website",
                ]
            },
        ),
        (
            _("Status and dates"),
            {"fields": ["stage", ("start_date", "end_date"), "themes", "places"]},
        ),
        PUBLISHING_FIELDSET,
    ]

    @admin.display(description=_("photo"))
    def thumbnail(self, obj):
        return photo_thumbnail(obj.photo)
