from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ilo_office.admin_base import PUBLISHING_FIELDSET, PublishableAdmin
from programmes.models import Partner, Programme, ProgrammePartner, Theme


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "is_cross_cutting", "order"]
    list_editable = ["order"]
    list_filter = ["is_cross_cutting"]
    search_fields = ["name", "summary"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "kind", "website"]
    list_filter = ["kind"]
    search_fields = ["name", "acronym"]
    prepopulated_fields = {"slug": ["acronym"]}


class ProgrammePartnerInline(admin.TabularInline):
    model = ProgrammePartner
    autocomplete_fields = ["partner"]
    extra = 1


@admin.register(Programme)
class ProgrammeAdmin(PublishableAdmin):
    list_display = ["name", "acronym", "stage", "status", "publish_at"]
    list_filter = ["status", "stage", "themes"]
    search_fields = ["name", "acronym", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["themes", "photo"]
    inlines = [ProgrammePartnerInline]
    fieldsets = [
        (None, {"fields": ["name", "acronym", "summary", "description", "photo", "website"]}),
        (_("Status and dates"), {"fields": ["stage", "start_date", "end_date", "themes"]}),
        PUBLISHING_FIELDSET,
    ]
