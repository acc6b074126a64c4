from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ilo_office.admin import photo_thumbnail
from ilo_office.backoffice.admin_base import (
    PUBLISHING_FIELDSET,
    PublishableAdmin,
    TranslatedAdmin,
    side_by_side,
)
from ilo_office.pages.models import FeaturedProgramme, FeaturedStory, HomeBlock, OfficePage


@admin.register(OfficePage)
class OfficePageAdmin(PublishableAdmin):
    list_display = [
        "thumbnail",
        "title",
        "nav_order",
        "show_in_navigation",
        "status_badge",
        "publish_at",
    ]
    list_display_links = ["thumbnail", "title"]
    # Site managers reorder the About menu right here in the list: change the numbers, save.
    list_editable = ["nav_order", "show_in_navigation"]
    # ...and only they: the menu's order is theirs to arrange.
    arrangement_fields = ("nav_order", "show_in_navigation")
    list_filter = [*PublishableAdmin.list_filter, "show_in_navigation"]
    list_select_related = ["photo"]
    ordering = ["nav_order", "title_en"]
    search_fields = [*PublishableAdmin.search_fields, "slug"]
    autocomplete_fields = ["photo"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    side_by_side("title"),
                    side_by_side("summary"),
                    side_by_side("body"),
                    "photo",
                ]
            },
        ),
        (_("Menu"), {"fields": ["nav_order", "show_in_navigation"]}),
        PUBLISHING_FIELDSET,
    ]

    @admin.display(description=_("photo"))
    def thumbnail(self, obj):
        return photo_thumbnail(obj.photo)


@admin.register(HomeBlock)
class HomeBlockAdmin(TranslatedAdmin):
    """The five blocks of the home page: reorder, rename or hide them from the list."""

    list_display = ["kind", "heading", "order", "is_shown"]
    list_display_links = ["kind"]
    list_editable = ["heading", "order", "is_shown"]
    ordering = ["order", "pk"]
    fields = ["kind", side_by_side("heading"), "order", "is_shown"]
    readonly_fields = ["kind"]

    # The five blocks are fixed (made by a migration): the page code knows each kind.
    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(FeaturedStory)
class FeaturedStoryAdmin(admin.ModelAdmin):
    list_display = ["article", "order", "is_public"]
    list_display_links = ["article"]
    list_editable = ["order"]
    list_select_related = ["article"]
    ordering = ["order", "pk"]
    autocomplete_fields = ["article"]

    @admin.display(description=_("shown to readers"), boolean=True)
    def is_public(self, obj):
        return obj.article.is_published


@admin.register(FeaturedProgramme)
class FeaturedProgrammeAdmin(admin.ModelAdmin):
    list_display = ["programme", "order", "is_public"]
    list_display_links = ["programme"]
    list_editable = ["order"]
    list_select_related = ["programme"]
    ordering = ["order", "pk"]
    autocomplete_fields = ["programme"]

    @admin.display(description=_("shown to readers"), boolean=True)
    def is_public(self, obj):
        return obj.programme.is_published
