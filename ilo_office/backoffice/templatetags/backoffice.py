"""The admin's dashboard and its language switch."""

from django import template
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse, translate_url
from django.utils import timezone
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from ilo_office.backoffice.workflow import permission
from ilo_office.publishing import Status

register = template.Library()

DASHBOARD_SIZE = 10
# The types on the dashboard, in this order.
CONTENT = (
    "newsroom.article",
    "events.event",
    "publications.publication",
    "programmes.programme",
    "pages.officepage",
)


@register.inclusion_tag("admin/backoffice/language_links.html", takes_context=True)
def admin_language_links(context):
    """The back office in English and in Vietnamese: the same page in the other language."""
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    current = get_language()
    languages = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        languages.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": translate_url(path, code),
                "current": code == current,
            }
        )
    return {"languages": languages}


def _entry(obj, url, when):
    return {
        "title": str(obj),
        "type": obj._meta.verbose_name,
        "url": url,
        "when": when,
    }


@register.inclusion_tag("admin/backoffice/dashboard.html", takes_context=True)
def backoffice_dashboard(context):
    """Awaiting review, scheduled next, and the user's own drafts, each linking to its form."""
    from django.apps import apps

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"sections": []}
    now = timezone.now()
    awaiting, scheduled, drafts = [], [], []
    for label in CONTENT:
        model = apps.get_model(label)
        if not (
            user.has_perm(permission(model, "view")) or user.has_perm(permission(model, "change"))
        ):
            continue
        opts = model._meta
        url_name = f"admin:{opts.app_label}_{opts.model_name}_change"
        queryset = model._default_manager.all()
        for obj in queryset.filter(status=Status.REVIEW).order_by("-updated_at")[:DASHBOARD_SIZE]:
            awaiting.append(_entry(obj, reverse(url_name, args=[obj.pk]), obj.updated_at))
        for obj in queryset.scheduled(now).order_by("publish_at")[:DASHBOARD_SIZE]:
            scheduled.append(_entry(obj, reverse(url_name, args=[obj.pk]), obj.publish_at))
        # "Mine": drafts this user created or changed in the admin (Django's own log).
        mine = (
            LogEntry.objects.filter(
                user=user, content_type=ContentType.objects.get_for_model(model)
            )
            .order_by("-action_time")
            .values_list("object_id", flat=True)[:200]
        )
        ids = {int(pk) for pk in mine if str(pk).isdigit()}
        for obj in queryset.filter(status=Status.DRAFT, pk__in=ids).order_by("-updated_at")[
            :DASHBOARD_SIZE
        ]:
            drafts.append(_entry(obj, reverse(url_name, args=[obj.pk]), obj.updated_at))
    awaiting.sort(key=lambda e: e["when"], reverse=True)
    scheduled.sort(key=lambda e: e["when"])
    drafts.sort(key=lambda e: e["when"], reverse=True)
    sections = [
        {
            "key": "review",
            "title": _("Awaiting review"),
            "items": awaiting[:DASHBOARD_SIZE],
            "empty": _("Nothing is waiting for review."),
        },
        {
            "key": "scheduled",
            "title": _("Scheduled next"),
            "items": scheduled[:DASHBOARD_SIZE],
            "empty": _("Nothing is scheduled to go live."),
        },
        {
            "key": "drafts",
            "title": _("My drafts"),
            "items": drafts[:DASHBOARD_SIZE],
            "empty": _("You have no drafts in progress."),
        },
    ]
    return {"sections": sections}
