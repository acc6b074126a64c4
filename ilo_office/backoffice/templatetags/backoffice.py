"""The admin's dashboard and its language switch."""

from django import template
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse, translate_url
from django.utils import timezone
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from ilo_office import registry
from ilo_office.backoffice.models import ProposedCorrection, PublishingLog
from ilo_office.backoffice.workflow import can_publish, permission
from ilo_office.publishing import Status

register = template.Library()

DASHBOARD_SIZE = 10


# The admin's index lists apps alphabetically, which put "Authentication and
# authorization" and "Axes" above the content staff open every day. Content first, in
# the order of the site's menu (newer content apps slot in before the rest); the staff
# accounts and the sign-in lockouts last.
CONTENT_APPS = ("newsroom", "events", "programmes", "publications", "opportunities", "pages")
SECURITY_APPS = ("backoffice", "auth", "axes")


@register.filter
def content_first(app_list):
    """The admin index's apps: content, then the rest as Django orders them, then security."""

    def rank(app):
        label = app.get("app_label")
        if label in CONTENT_APPS:
            return (0, CONTENT_APPS.index(label))
        if label in SECURITY_APPS:
            return (2, SECURITY_APPS.index(label))
        return (1, 0)

    return sorted(app_list, key=rank)


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


def _sent_back(model, pks):
    """The pks among these drafts whose last workflow step is an editor's request for
    changes (see workflow.changes_requested), in one query."""
    if not pks:
        return set()
    latest = {}
    steps = (
        PublishingLog.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id__in=pks
        )
        .exclude(action__in=[PublishingLog.Action.REFRESHED, PublishingLog.Action.RETURNED])
        .order_by("-at", "-pk")
        .values_list("object_id", "action")
    )
    for pk, action in steps:
        latest.setdefault(pk, action)
    return {pk for pk, action in latest.items() if action == PublishingLog.Action.CHANGES_REQUESTED}


@register.inclusion_tag("admin/backoffice/dashboard.html", takes_context=True)
def backoffice_dashboard(context):
    """Awaiting review, scheduled next, and the user's own drafts, each linking to its form."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"sections": []}
    now = timezone.now()
    awaiting, scheduled, drafts = [], [], []
    for entry in registry.workflow_types():
        model = entry.model
        if not (
            user.has_perm(permission(model, "view")) or user.has_perm(permission(model, "change"))
        ):
            continue
        opts = model._meta
        url_name = f"admin:{opts.app_label}_{opts.model_name}_change"
        queryset = model._default_manager.all()
        for obj in queryset.filter(status=Status.REVIEW).order_by("-updated_at")[:DASHBOARD_SIZE]:
            awaiting.append(_entry(obj, reverse(url_name, args=[obj.pk]), obj.updated_at))
        if can_publish(user, model):
            # Corrections contributors proposed to published items wait for an editor too.
            corrections = ProposedCorrection.objects.filter(
                content_type=ContentType.objects.get_for_model(model),
                state=ProposedCorrection.State.PENDING,
            ).order_by("-at")[:DASHBOARD_SIZE]
            for correction in corrections:
                entry = _entry(
                    correction, reverse(url_name, args=[correction.object_id]), correction.at
                )
                entry["type"] = _("correction to a published %(type)s") % {
                    "type": opts.verbose_name
                }
                awaiting.append(entry)
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
        own = list(
            queryset.filter(status=Status.DRAFT, pk__in=ids).order_by("-updated_at")[
                :DASHBOARD_SIZE
            ]
        )
        requested = _sent_back(model, [obj.pk for obj in own])
        for obj in own:
            entry = _entry(obj, reverse(url_name, args=[obj.pk]), obj.updated_at)
            entry["sent_back"] = obj.pk in requested
            drafts.append(entry)
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
