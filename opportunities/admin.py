from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ilo_office.backoffice.admin_base import (
    PUBLISHING_FIELDSET,
    PublishableAdmin,
    StateFilter,
    side_by_side,
)
from opportunities.models import Opportunity


class OpenFilter(admin.SimpleListFilter):
    title = _("applications")
    parameter_name = "applications"

    def lookups(self, request, model_admin):
        return [("open", _("Open")), ("closed", _("Closed"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "open":
            return queryset.filter(closes_at__gt=now)
        if self.value() == "closed":
            return queryset.filter(closes_at__lte=now)
        return queryset


@admin.register(Opportunity)
class OpportunityAdmin(PublishableAdmin):
    list_display = ["title", "kind", "reference", "closes_at", "status_badge"]
    list_filter = [OpenFilter, StateFilter, "kind", "programmes"]
    search_fields = [*PublishableAdmin.search_fields, "slug", "reference"]
    date_hierarchy = "closes_at"
    ordering = ["-closes_at"]
    autocomplete_fields = ["programmes", "themes"]
    # Translated fields: the English and Vietnamese columns side by side on one row.
    fieldsets = [
        (
            None,
            {
                "fields": [
                    side_by_side("title"),
                    "kind",
                    ("reference", "grade"),
                    side_by_side("duty_station"),
                    side_by_side("summary"),
                    side_by_side("description"),
                ]
            },
        ),
        (
            _("Applications"),
            {
                "fields": [
                    ("opens_at", "closes_at"),
                    side_by_side("how_to_apply"),
                    "terms_of_reference",
                ]
            },
        ),
        (_("Related to"), {"fields": ["programmes", "themes"]}),
        PUBLISHING_FIELDSET,
    ]
