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
        if not obj.image:
            return "-"
        return format_html(
            '<img src="{}" alt="" width="80" height="{}" loading="lazy">',
            obj.image.url,
            round(80 * obj.height / obj.width) if obj.width and obj.height else 45,
        )
