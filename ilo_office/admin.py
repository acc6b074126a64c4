from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ilo_office.admin_base import TranslatedAdmin, side_by_side
from ilo_office.models import Photo


@admin.register(Photo)
class PhotoAdmin(TranslatedAdmin):
    """The shared photo library; also opens as the "+" popup beside every photo picker."""

    list_display = ["thumbnail", "title", "alt_text", "credit", "created_at"]
    list_display_links = ["thumbnail", "title"]
    search_fields = ["title", "alt_text_en", "alt_text_vi", "caption", "credit"]
    date_hierarchy = "created_at"
    ordering = ["-created_at"]
    readonly_fields = ["preview", "width", "height", "created_at", "updated_at"]
    # The description for screen readers in both languages, side by side; English is required.
    fields = [
        "title",
        "image",
        "preview",
        side_by_side("alt_text"),
        "caption",
        "credit",
        ("width", "height"),
        ("created_at", "updated_at"),
    ]

    @admin.display(description=_("photo"))
    def thumbnail(self, obj):
        return photo_thumbnail(obj)

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return photo_thumbnail(obj)


def photo_thumbnail(photo):
    """An 80-pixel-wide preview from the smallest rendition, for admin lists."""
    if not photo or not photo.renditions:
        return "-"
    smallest = photo.renditions[0]
    return format_html(
        '<img src="{}" alt="" width="80" height="{}" loading="lazy">',
        photo.image.storage.url(smallest["jpeg"]),
        round(80 * smallest["height"] / smallest["width"]),
    )
