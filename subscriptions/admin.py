"""Subscribers and the send log in the back office: Site managers only (backoffice.roles).

No other role has any permission here; should one be given the view permission by hand,
it still sees addresses masked (`sees_addresses`). Subscribers are never added by staff:
a row exists only when its owner confirmed (the double opt-in).
"""

import datetime
import json

from django.contrib import admin
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Q
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from ilo_office.backoffice.roles import SITE_MANAGER
from programmes.models import Programme, Theme
from subscriptions.models import KIND_TOPICS, Delivery, Frequency, Subscriber
from subscriptions.sending import digest_message, due_items


def sees_addresses(user):
    return user.is_superuser or user.groups.filter(name=SITE_MANAGER).exists()


def masked(address):
    name, _at, domain = address.partition("@")
    return f"{name[:1]}•••@{domain}"


class TopicFilter(admin.SimpleListFilter):
    title = _("topic")
    parameter_name = "topic"

    def lookups(self, request, model_admin):
        kinds = [(f"kind:{name}", label) for name, label in KIND_TOPICS]
        programmes = [(f"programme:{p.pk}", p.name) for p in Programme.objects.order_by("name")]
        themes = [(f"theme:{t.pk}", t.name) for t in Theme.objects.all()]
        return kinds + programmes + themes

    def queryset(self, request, queryset):
        kind, _colon, value = (self.value() or "").partition(":")
        if kind == "kind" and value in dict(KIND_TOPICS):
            return queryset.filter(**{value: True})
        if kind == "programme" and value.isdigit():
            return queryset.filter(programmes=value)
        if kind == "theme" and value.isdigit():
            return queryset.filter(themes=value)
        return queryset


class StateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("active", _("Receiving e-mails")),
            ("unsubscribed", _("Unsubscribed")),
            ("bounced", _("Deactivated by a bounce")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "active":
            return queryset.active()
        if self.value() == "unsubscribed":
            return queryset.filter(unsubscribed_at__isnull=False)
        if self.value() == "bounced":
            return queryset.filter(bounced_at__isnull=False)
        return queryset


def topic_counts():
    """[(topic, active subscribers)] for every topic that has any."""
    active = Subscriber.objects.active()
    kinds = active.aggregate(
        **{name: Count("pk", filter=Q(**{name: True})) for name, _label in KIND_TOPICS}
    )
    rows = [(label, kinds[name]) for name, label in KIND_TOPICS]
    for relation, model in (("programmes", Programme), ("themes", Theme)):
        through = getattr(Subscriber, relation).through
        column = model._meta.model_name
        counts = dict(
            through.objects.filter(subscriber__in=active)
            .values_list(column)
            .annotate(n=Count("pk"))
            .values_list(column, "n")
        )
        for obj in model.objects.filter(pk__in=counts):
            rows.append((obj.name, counts[obj.pk]))
    return rows


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ("email", "language", "frequency", "topics", "consent_at", "state")
    list_filter = (TopicFilter, "language", "frequency", StateFilter)
    search_fields = ("email",)
    date_hierarchy = "consent_at"
    fields = (
        "email",
        "language",
        "frequency",
        ("all_news", "press_releases", "events", "publications", "vacancies"),
        "programmes",
        "themes",
        "consent_at",
        "consent_text",
        "unsubscribed_at",
        "bounced_at",
        "last_digest_at",
        "created_at",
    )
    readonly_fields = (
        "email",
        "consent_at",
        "consent_text",
        "unsubscribed_at",
        "bounced_at",
        "last_digest_at",
        "created_at",
    )
    actions = ["export_json", "delete_selected"]
    change_list_template = "admin/subscriptions/subscriber/change_list.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # What a subscriber receives is the subscriber's choice, made through its own
        # signed link: staff look, export and delete, but do not change it.
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("programmes", "themes")

    def get_deleted_objects(self, objs, request):
        # A subscriber's send log is its data and goes with it (the log itself is read-only).
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        perms_needed.discard(Delivery._meta.verbose_name)
        return deleted, counts, perms_needed, protected

    def get_search_results(self, request, queryset, search_term):
        if not sees_addresses(request.user):
            # Searching by address would tell whether one is subscribed.
            return queryset, False
        return super().get_search_results(request, queryset, search_term)

    def get_list_display(self, request):
        if sees_addresses(request.user):
            return self.list_display
        return ("masked_address", *self.list_display[1:])

    @admin.display(description=_("e-mail address"))
    def masked_address(self, obj):
        return masked(obj.email)

    @admin.display(description=_("topics"))
    def topics(self, obj):
        names = [str(label) for name, label in KIND_TOPICS if getattr(obj, name)]
        names += [p.name for p in obj.programmes.all()] + [t.name for t in obj.themes.all()]
        return ", ".join(names)

    @admin.display(description=_("state"))
    def state(self, obj):
        if obj.bounced_at:
            return _("Deactivated by a bounce")
        if obj.unsubscribed_at:
            return _("Unsubscribed")
        return _("Receiving e-mails")

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if sees_addresses(request.user):
            return fields
        return [f for f in fields if f != "email"]

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "topic_counts": topic_counts()}
        return super().changelist_view(request, extra_context)

    @admin.action(description=_("Export the selected subscribers' data (JSON)"))
    def export_json(self, request, queryset):
        if not sees_addresses(request.user):
            self.message_user(request, _("Only Site managers may export subscribers."), "error")
            return None
        data = [
            {
                "email": s.email,
                "language": s.language,
                "frequency": s.frequency,
                "topics": {name: getattr(s, name) for name, _label in KIND_TOPICS},
                "programmes": [p.name for p in s.programmes.all()],
                "areas_of_work": [t.name for t in s.themes.all()],
                "consent_at": s.consent_at,
                "consent_text": s.consent_text,
                "unsubscribed_at": s.unsubscribed_at,
                "bounced_at": s.bounced_at,
                "last_digest_at": s.last_digest_at,
                "created_at": s.created_at,
                "sent": [
                    {"title": d.title, "status": d.status, "sent_at": d.sent_at}
                    for d in s.deliveries.order_by("created_at")
                ],
            }
            for s in queryset
        ]
        response = HttpResponse(
            json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="subscribers.json"'
        return response

    def get_urls(self):
        preview = self.admin_site.admin_view(self.preview_view)
        return [
            path("preview/", preview, name="subscriptions_subscriber_preview"),
            *super().get_urls(),
        ]

    def preview_view(self, request):
        """The next digest of each kind, for a subscriber of every topic, as sent now."""
        if not self.has_view_permission(request):
            return HttpResponse(status=403)
        language = request.GET.get("language")
        if language not in ("en", "vi"):
            language = translation.get_language() or "en"
        now = timezone.now()
        periods = {
            Frequency.IMMEDIATE: datetime.timedelta(days=1),
            Frequency.WEEKLY: datetime.timedelta(days=7),
            Frequency.MONTHLY: datetime.timedelta(days=31),
        }
        previews = []
        for frequency, period in periods.items():
            sample = Subscriber(
                email="preview@example.org",
                language=language,
                frequency=frequency,
                consent_at=now - period,
                **{name: True for name, _label in KIND_TOPICS},
            )
            items = due_items(sample, now)
            message = digest_message(sample, items) if items else None
            previews.append(
                {
                    "label": Frequency(frequency).label,
                    "count": len(items),
                    "subject": message.subject if message else "",
                    "text": message.body if message else "",
                }
            )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Next digests"),
            "opts": self.model._meta,
            "previews": previews,
            "language": language,
        }
        return TemplateResponse(request, "admin/subscriptions/preview.html", context)


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ("title", "subscriber", "status", "created_at", "sent_at")
    list_filter = ("status", "content_type")
    search_fields = ("title",)
    date_hierarchy = "created_at"
    list_select_related = ("subscriber",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_list_display(self, request):
        if sees_addresses(request.user):
            return self.list_display
        return ("title", "masked_address", "status", "created_at", "sent_at")

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        return fields if sees_addresses(request.user) else [f for f in fields if f != "subscriber"]

    @admin.display(description=_("subscriber"))
    def masked_address(self, obj):
        return masked(obj.subscriber.email)
