from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ilo_office.backoffice.admin_base import (
    PUBLISHING_FIELDSET,
    LockedWithParentInline,
    PublishableAdmin,
    StateFilter,
    side_by_side,
)
from publications.models import Publication, PublicationFile


class PublicationFileInline(LockedWithParentInline, admin.TabularInline):
    model = PublicationFile
    extra = 1
    fields = ["language", "label", "file", "order", "pages", "size"]
    readonly_fields = ["pages", "size"]


@admin.register(Publication)
class PublicationAdmin(PublishableAdmin):
    list_display = ["title", "kind", "published_on", "status_badge", "publish_at"]
    list_display_links = ["title"]
    list_filter = [StateFilter, "kind", "programmes", "themes", "partners"]
    ordering = ["-published_on", "-publish_at"]
    search_fields = [*PublishableAdmin.search_fields, "slug", "authors", "isbn", "issn"]
    autocomplete_fields = ["programmes", "themes", "partners", "events"]
    readonly_fields = [*PublishableAdmin.readonly_fields, "cover_preview"]
    inlines = [PublicationFileInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    side_by_side("title"),
                    "kind",
                    side_by_side("summary"),
                    "authors",
                    "publisher",
                    ("published_on", "date_precision"),
                    ("isbn", "issn"),
                    ("cover", "cover_preview"),
                ]
            },
        ),
        (_("Related to"), {"fields": ["programmes", "themes", "partners", "events"]}),
        PUBLISHING_FIELDSET,
    ]

    @admin.display(description=_("cover in use"))
    def cover_preview(self, obj):
        if not obj or not obj.cover:
            return _("Made from the first page of the PDF when you save.")
        return format_html('<img src="{}" alt="" width="120">', obj.cover.url)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The files are saved now: their text goes into search, and a cover is made.
        form.instance.refresh_from_files()
