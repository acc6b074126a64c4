"""The review-and-publish workflow: who may do what to an item, and the record of it.

The rules, checked on the server for every path of the back office (the change form
and its buttons, bulk actions, a hand-made POST):

- A contributor holds the change permission of a type but not `publish_<model>`. They
  write drafts and submit them for review. An item whose status is "published" (live,
  scheduled or expired) is read-only to them, and they never set publish or unpublish
  times: that is scheduling, an editor's decision.
- An editor also holds `publish_<model>`: they publish, unpublish, schedule and edit
  published items.
- An item in review is locked to the contributor who submitted it and to the editors:
  other contributors see it read-only. A change by its author (a save, a restored
  revision) sends it back to draft, logged, so "in review" always means "as its author
  submitted it, or as an editor made it". An editor's edit keeps it in review:
  reviewing is editing.
- An editor may send an item in review back to its author with a comment: it returns
  to draft, the comment is kept in the publishing log, and the author finds it at the
  top of the change form (and their dashboard) until they submit again.
- A contributor who spots a mistake in a published item proposes a correction: the
  corrected text waits as a ProposedCorrection (the live item is untouched) until an
  editor publishes it over the item or declines it, both logged.
- Bulk publish takes items in review only. A draft is published from its own page,
  where the editor has its text in front of them; a list shows titles, not text.

Scheduled items need no job: `published()` compares publish_at with the time of the
query (ilo_office.publishing). Every change of status is written to PublishingLog.
"""

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ilo_office.backoffice.models import ProposedCorrection, PublishingLog
from ilo_office.publishing import Status


class State(models.TextChoices):
    """What a reader would see, as staff name it: the badge and the list filter."""

    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
    EXPIRED = "expired", _("Expired")


def state_of(obj):
    """The state of one item, from the publishing base's own rules."""
    if obj.status == Status.DRAFT:
        return State.DRAFT
    if obj.status == Status.REVIEW:
        return State.REVIEW
    if obj.is_expired:
        return State.EXPIRED
    if obj.is_scheduled:
        return State.SCHEDULED
    return State.PUBLISHED


def in_state(queryset, state, now=None):
    """The items of `queryset` in `state`, through the publishing QuerySet's rules."""
    return {
        State.DRAFT: lambda: queryset.filter(status=Status.DRAFT),
        State.REVIEW: lambda: queryset.filter(status=Status.REVIEW),
        State.SCHEDULED: lambda: queryset.scheduled(now),
        State.PUBLISHED: lambda: queryset.published(now),
        State.EXPIRED: lambda: queryset.expired(now),
    }[state]()


def permission(model, action):
    opts = model._meta
    return f"{opts.app_label}.{action}_{opts.model_name}"


def can_publish(user, model):
    """May publish, unpublish and schedule items of this type (and edit published ones)."""
    return user.has_perm(permission(model, "publish"))


def submitter_id(obj):
    """The pk of the user who last submitted `obj` for review (None if unknown)."""
    if obj.pk is None:
        return None
    return (
        log_for(obj)
        .filter(action=PublishingLog.Action.SUBMITTED)
        .values_list("user_id", flat=True)
        .first()
    )


def locked_in_review(user, obj):
    """In review and not this user's to change: they neither submitted it nor edit."""
    return (
        obj.status == Status.REVIEW
        and not can_publish(user, type(obj))
        and (user.pk is None or submitter_id(obj) != user.pk)
    )


def can_edit(user, obj):
    """May change this item: a published one only with the publish permission, one in
    review only as its author or an editor."""
    if not user.has_perm(permission(type(obj), "change")):
        return False
    if obj.status == Status.PUBLISHED:
        return can_publish(user, type(obj))
    return not locked_in_review(user, obj)


def sends_back_to_draft(user, obj, before):
    """Whether this change by `user` takes an item out of review (see the module docstring)."""
    return (
        before is not None
        and before.status == Status.REVIEW
        and obj.status != Status.PUBLISHED
        and not can_publish(user, type(obj))
    )


def can_submit(user, obj):
    return obj.status == Status.DRAFT and can_edit(user, obj)


def can_publish_item(user, obj):
    return obj.status != Status.PUBLISHED and can_edit(user, obj) and can_publish(user, type(obj))


def can_publish_reviewed(user, obj):
    """May publish this item without opening it: it is in review (bulk publish)."""
    return obj.status == Status.REVIEW and can_publish_item(user, obj)


def can_send_back(user, obj):
    """May return this item in review to its author with a comment: an editor's review."""
    return obj.status == Status.REVIEW and can_edit(user, obj) and can_publish(user, type(obj))


def changes_requested(obj):
    """The log entry of the editor's request, while the item is still a draft because of
    it (None once it is submitted again, published, or was never sent back)."""
    if obj.pk is None or obj.status != Status.DRAFT:
        return None
    latest = (
        log_for(obj)
        .exclude(action__in=[PublishingLog.Action.REFRESHED, PublishingLog.Action.RETURNED])
        .first()
    )
    if latest is not None and latest.action == PublishingLog.Action.CHANGES_REQUESTED:
        return latest
    return None


def can_unpublish(user, obj):
    return obj.status == Status.PUBLISHED and can_edit(user, obj) and can_publish(user, type(obj))


class Snapshot:
    """The publishing fields of an item as stored, before a change."""

    __slots__ = ("publish_at", "status", "unpublish_at")

    def __init__(self, status, publish_at, unpublish_at):
        self.status = status
        self.publish_at = publish_at
        self.unpublish_at = unpublish_at


def snapshot(obj):
    """The stored publishing fields of `obj`, or None when it is new."""
    if obj.pk is None:
        return None
    row = (
        type(obj)
        ._base_manager.filter(pk=obj.pk)
        .values_list("status", "publish_at", "unpublish_at")
        .first()
    )
    return Snapshot(*row) if row else None


# A time typed in (or sent back by) the form has whole seconds; the stored one may not.
TOLERANCE = timezone.timedelta(seconds=1)


def _moved(old, new):
    if old is None or new is None:
        return old is not new
    return abs(new - old) >= TOLERANCE


def _when(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def record(obj, user, before, now=None, comment=""):
    """Write the log entry for the change from `before` (None: new item) to `obj`, if any.

    `comment` is an editor's request when sending an item in review back to draft.
    """
    now = now or timezone.now()
    old = before.status if before else None
    new = obj.status
    note = ""
    if new == Status.PUBLISHED and old != Status.PUBLISHED:
        if obj.publish_at > now:
            action, note = PublishingLog.Action.SCHEDULED, f"Goes live {_when(obj.publish_at)}"
        else:
            action = PublishingLog.Action.PUBLISHED
    elif old == Status.PUBLISHED and new != Status.PUBLISHED:
        action = PublishingLog.Action.UNPUBLISHED
    elif new == Status.REVIEW and old != Status.REVIEW:
        action = PublishingLog.Action.SUBMITTED
    elif new == Status.DRAFT and old == Status.REVIEW:
        action = (
            PublishingLog.Action.CHANGES_REQUESTED if comment else PublishingLog.Action.RETURNED
        )
    elif new == Status.PUBLISHED and (
        _moved(before.publish_at, obj.publish_at) or _moved(before.unpublish_at, obj.unpublish_at)
    ):
        action = PublishingLog.Action.RESCHEDULED
        note = f"Live from {_when(obj.publish_at)}"
    else:
        return None
    if new == Status.PUBLISHED and obj.unpublish_at is not None:
        note = " ".join([note, f"Taken down {_when(obj.unpublish_at)}"]).strip()
    return PublishingLog.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        object_repr=str(obj)[:300],
        action=action,
        user=user if user is not None and user.is_authenticated else None,
        at=now,
        note=note[:300],
        comment=comment,
    )


def log_for(obj):
    return PublishingLog.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).select_related("user")


def go_live_now_if_first_time(obj, before, now=None):
    """A first publication dates the item from the moment it goes live.

    A draft keeps the publish time it was given when created; published days later,
    it would show that old date and sink below newer stories. So when an item that was
    never published is published with a publish time already past (and not changed in
    this very edit), it goes live now. A future time is a schedule and is kept.
    """
    now = now or timezone.now()
    if before is not None and before.status == Status.PUBLISHED:
        return
    if before is not None and _moved(before.publish_at, obj.publish_at):
        return
    if obj.publish_at > now or (obj.unpublish_at is not None and obj.unpublish_at <= now):
        return
    if (
        obj.pk is not None
        and log_for(obj)
        .filter(action__in=[PublishingLog.Action.PUBLISHED, PublishingLog.Action.SCHEDULED])
        .exists()
    ):
        return
    obj.publish_at = now


def _move(obj, user, status, comment, request=""):
    before = snapshot(obj)
    obj.status = status
    if status == Status.PUBLISHED:
        go_live_now_if_first_time(obj, before)
    with transaction.atomic(), reversion.create_revision():
        obj.save()
        reversion.set_user(user)
        reversion.set_comment(comment)
        record(obj, user, before, comment=request)


def submit_for_review(obj, user):
    if not can_submit(user, obj):
        raise PermissionDenied
    _move(obj, user, Status.REVIEW, "Submitted for review.")


def publish(obj, user):
    if not can_publish_item(user, obj):
        raise PermissionDenied
    _move(obj, user, Status.PUBLISHED, "Published.")


def unpublish(obj, user):
    if not can_unpublish(user, obj):
        raise PermissionDenied
    _move(obj, user, Status.DRAFT, "Unpublished.")


def send_back(obj, user, comment):
    """Return an item in review to its author as a draft, with what the editor asks."""
    comment = (comment or "").strip()
    if not comment or not can_send_back(user, obj):
        raise PermissionDenied
    _move(obj, user, Status.DRAFT, "Sent back to the author.", request=comment)


# Corrections to published items ------------------------------------------------------


def correctable_fields(model):
    """The columns a correction may change: the item's translated text (title, summary,
    body...), each language; never its slug, dates, status or relations."""
    from modeltranslation.translator import NotRegistered, translator

    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    names = []
    for base, columns in options.all_fields.items():
        field = model._meta.get_field(base)
        if isinstance(field, (models.CharField, models.TextField)) and base != "slug":
            names += [column.name for column in columns]
    order = [field.name for field in model._meta.concrete_fields]
    return sorted(names, key=order.index)


def can_propose_correction(user, obj):
    """A published item this user may not edit, of a type they write: they propose."""
    return (
        obj.status == Status.PUBLISHED
        and user.has_perm(permission(type(obj), "change"))
        and not can_edit(user, obj)
    )


def pending_corrections(obj):
    if obj.pk is None:
        return ProposedCorrection.objects.none()
    return ProposedCorrection.objects.filter(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        state=ProposedCorrection.State.PENDING,
    ).select_related("proposed_by")


def _log(obj, user, action, comment=""):
    return PublishingLog.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        object_repr=str(obj)[:300],
        action=action,
        user=user if user is not None and user.is_authenticated else None,
        comment=comment,
    )


def propose_correction(obj, user, values, note):
    """Keep `values` ({column: text}, correctable columns only) aside for an editor."""
    allowed = set(correctable_fields(type(obj)))
    if not can_propose_correction(user, obj) or not values or not set(values) <= allowed:
        raise PermissionDenied
    with transaction.atomic():
        correction = ProposedCorrection.objects.create(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            object_repr=str(obj)[:300],
            values=values,
            note=note,
            proposed_by=user,
        )
        _log(obj, user, PublishingLog.Action.CORRECTION_PROPOSED, note)
    return correction


def _decide(correction, obj, user):
    if (
        correction.state != ProposedCorrection.State.PENDING
        or correction.content_type != ContentType.objects.get_for_model(obj)
        or correction.object_id != obj.pk
        or not can_publish(user, type(obj))
        or not can_edit(user, obj)
    ):
        raise PermissionDenied


def apply_correction(correction, obj, user):
    """Publish the corrected text over the live item: one more revision of it."""
    _decide(correction, obj, user)
    allowed = set(correctable_fields(type(obj)))
    with transaction.atomic(), reversion.create_revision():
        for name, value in correction.values.items():
            if name in allowed:
                setattr(obj, name, value)
        obj.save()  # the model sanitises its rich text on save
        reversion.set_user(user)
        reversion.set_comment(f"Correction proposed by {correction.proposed_by or '?'}.")
        correction.state = ProposedCorrection.State.APPLIED
        correction.save(update_fields=["state"])
        _log(obj, user, PublishingLog.Action.CORRECTION_APPLIED, correction.note)


def dismiss_correction(correction, obj, user):
    _decide(correction, obj, user)
    with transaction.atomic():
        correction.state = ProposedCorrection.State.DISMISSED
        correction.save(update_fields=["state"])
        _log(obj, user, PublishingLog.Action.CORRECTION_DISMISSED, correction.note)
