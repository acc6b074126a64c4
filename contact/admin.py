from django.contrib import admin

from contact.models import MediaContact, OfficeContact
from ilo_office.backoffice.admin_base import TranslatedAdmin, side_by_side


@admin.register(OfficeContact)
class OfficeContactAdmin(TranslatedAdmin):
    fieldsets = [
        (
            None,
            {
                "fields": [
                    side_by_side("address"),
                    ("phone", "email"),
                    side_by_side("opening_hours"),
                    side_by_side("directions"),
                    "map_url",
                ]
            },
        ),
        (
            None,
            {
                "fields": [
                    "photo_library_url",
                    "facebook_url",
                    "x_url",
                    "youtube_url",
                    "linkedin_url",
                ]
            },
        ),
    ]

    def has_add_permission(self, request):
        # One row: the first save makes it, every later one edits it.
        return super().has_add_permission(request) and not OfficeContact.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(MediaContact)
class MediaContactAdmin(TranslatedAdmin):
    list_display = ["name", "role", "email", "phone", "is_default", "order"]
    list_editable = ["order"]
    search_fields = ["name", "role_en", "role_vi", "email"]
    fields = ["name", side_by_side("role"), ("email", "phone"), "is_default", "order"]
