from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ilo_office.models import Photo


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    list_display = ["thumbnail", "title", "credit", "created_at"]
    list_display_links = ["thumbnail", "title"]
    search_fields = ["title", "alt_text", "caption", "credit"]
    date_hierarchy = "created_at"
    readonly_fields = ["width", "height", "created_at", "updated_at"]

    @admin.display(description=_("photo"))
    def thumbnail(self, obj):
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
