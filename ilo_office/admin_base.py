"""What every admin of a public content type shares."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

PUBLISHING_FIELDSET = (_("Publishing"), {"fields": ["slug", "status", "publish_at"]})


class PublishableAdmin(admin.ModelAdmin):
    list_filter = ["status"]
    date_hierarchy = "publish_at"
    readonly_fields = ["created_at", "updated_at"]
    save_on_top = True
    view_on_site = True
