from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ilo_office.admin_base import PUBLISHING_FIELDSET, PublishableAdmin
from newsroom.models import Article


@admin.register(Article)
class ArticleAdmin(PublishableAdmin):
    list_display = ["title", "kind", "status", "publish_at"]
    list_filter = ["status", "kind", "programmes", "themes"]
    search_fields = ["title", "standfirst", "body"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["hero", "programmes", "themes", "partners"]
    fieldsets = [
        (None, {"fields": ["title", "kind", "dateline", "standfirst", "body", "hero"]}),
        (_("Related to"), {"fields": ["programmes", "themes", "partners"]}),
        (
            _("Republished from another outlet"),
            {"fields": ["source_name", "source_url", "source_published_on"]},
        ),
        PUBLISHING_FIELDSET,
    ]
