"""Who moved which item through the workflow, and when."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PublishingLog(models.Model):
    """One step of an item's way to the public: submitted, published, unpublished...

    Written by the back office (ilo_office.backoffice.workflow) whatever the path: the
    change form, its buttons or a bulk action. Never edited: it is the record.
    """

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted for review")
        RETURNED = "returned", _("Sent back to draft")
        # An editor's review: the item goes back to its author with what to change.
        CHANGES_REQUESTED = "changes_requested", _("Sent back to the author")
        CORRECTION_PROPOSED = "correction_proposed", _("Correction proposed")
        CORRECTION_APPLIED = "correction_applied", _("Correction published")
        CORRECTION_DISMISSED = "correction_dismissed", _("Correction declined")
        PUBLISHED = "published", _("Published")
        SCHEDULED = "scheduled", _("Scheduled")
        RESCHEDULED = "rescheduled", _("Publishing times changed")
        UNPUBLISHED = "unpublished", _("Unpublished")
        REFRESHED = "refreshed", _("Demo content refreshed")

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("content type")
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    object_repr = models.CharField(_("item"), max_length=300)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    # What the editor asked the author to change (CHANGES_REQUESTED): written by a
    # person, so a text of any length rather than the machine-made note.
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("publishing log entry")
        verbose_name_plural = _("publishing log")
        indexes = [models.Index(fields=["content_type", "object_id"])]
        # The log is written by the workflow only: staff may read it, nobody edits it.
        default_permissions = ("view",)
        # The back office's own permission (not tied to one content type) lives here.
        permissions = [
            (
                "arrange_navigation",
                _("Can arrange the About menu (order of office pages, shown in the menu)"),
            ),
        ]

    def __str__(self):
        return f"{self.object_repr}: {self.get_action_display()}"


class ProposedCorrection(models.Model):
    """A contributor's correction to a published item, kept aside until an editor decides.

    A published item is read-only to contributors, and changing it in place would put
    unreviewed text in front of readers. So the corrected text (only the item's
    translated text fields) waits here; the live item is untouched until an editor
    publishes the correction over it, which is then one more revision of the item.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Awaiting review")
        APPLIED = "applied", _("Published")
        DISMISSED = "dismissed", _("Declined")

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("content type")
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    object_repr = models.CharField(_("item"), max_length=300)
    values = models.JSONField(_("corrected text"), default=dict)
    note = models.TextField(_("what is corrected, and why"))
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("proposed correction")
        verbose_name_plural = _("proposed corrections")
        indexes = [models.Index(fields=["content_type", "object_id", "state"])]
        # Made and decided through the item's own admin pages (admin_base), never edited.
        default_permissions = ()

    def __str__(self):
        return self.object_repr


class DemoItem(models.Model):
    """An item the demo loader created, and a fingerprint of it as the loader left it.

    The key names the item in the seed (its model and natural key there), so the
    loader finds its own item again whatever staff did to it since: deleted (the row
    is gone), renamed, unpublished or edited (the fingerprint differs). It never
    touches such an item again (ilo_office.demo.loader).
    """

    key = models.CharField(_("demo key"), max_length=300, unique=True)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("content type")
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    loaded_at = models.DateTimeField(_("loaded"), default=timezone.now)

    class Meta:
        # The loader's own bookkeeping: no role needs to see or change it.
        default_permissions = ()
        verbose_name = _("demo item")
        verbose_name_plural = _("demo items")

    def __str__(self):
        return self.key
