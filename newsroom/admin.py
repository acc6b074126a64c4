from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ilo_office.admin import photo_thumbnail
from ilo_office.backoffice.admin_base import (
    PUBLISHING_FIELDSET,
    LockedWithParentInline,
    PublishableAdmin,
    StateFilter,
    side_by_side,
)
from newsroom.models import Article, ArticlePhoto


class ArticlePhotoInline(LockedWithParentInline, admin.TabularInline):
    model = ArticlePhoto
    autocomplete_fields = ["photo"]
    extra = 0


@admin.register(Article)
class ArticleAdmin(PublishableAdmin):
    list_display = [
        "thumbnail",
        "title",
        "kind",
        "status_badge",
        "publish_at",
        "is_featured",
    ]
    list_display_links = ["thumbnail", "title"]
    list_filter = [StateFilter, "kind", "is_featured", "programmes", "themes", "partners"]
    list_select_related = ["hero"]
    ordering = ["-publish_at"]
    search_fields = [*PublishableAdmin.search_fields, "slug", "source_name"]
    autocomplete_fields = ["hero", "programmes", "themes", "partners", "media_contacts"]
    # The chosen main photo is shown beside its picker, so the editor sees what readers will.
    readonly_fields = [*PublishableAdmin.readonly_fields, "thumbnail"]
    inlines = [ArticlePhotoInline]
    # Translated fields: the English and Vietnamese columns side by side on one row.
    fieldsets = [
        (
            None,
            {
                "fields": [
                    side_by_side("title"),
                    "kind",
                    side_by_side("dateline"),
                    side_by_side("standfirst"),
                    side_by_side("body"),
                    ("hero", "thumbnail"),
                    "is_featured",
                ]
            },
        ),
        (_("Related to"), {"fields": ["programmes", "themes", "partners"]}),
        (_("Press release"), {"fields": ["media_contacts", "media_contact"]}),
        (
            _("Republished from another outlet"),
            {"fields": ["source_name", "source_url", "source_published_on"]},
        ),
        (_("Publishing"), {"fields": [*PUBLISHING_FIELDSET[1]["fields"], "revised_at"]}),
    ]

    @admin.display(description=_("photo"))
    def thumbnail(self, obj):
        return photo_thumbnail(obj.hero)
