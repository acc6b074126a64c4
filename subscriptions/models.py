"""E-mail subscriptions: who asked for which mails, and which items each was sent.

A subscriber row exists only once its owner has confirmed (double opt-in): the sign-up
form mails a signed, expiring link that carries the choices, and only following it
writes the row (subscriptions.views). So nothing is kept about, and nothing but the
confirmation is ever sent to, an address whose owner did not confirm.

`Delivery` is the send log and the guarantee against sending an item twice: one row per
(subscriber, item), unique in the database, written before the mail goes out (see
subscriptions.sending for the at-most-once reasoning).
"""

import secrets

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_key():
    return secrets.token_urlsafe(16)


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("As soon as something is published")
    WEEKLY = "weekly", _("Once a week")
    MONTHLY = "monthly", _("Once a month")


# The topics that are one checkbox each: (field name, label). Programmes and areas of
# work are chosen one by one (the many-to-many fields).
KIND_TOPICS = (
    ("all_news", _("All news")),
    ("press_releases", _("Press releases")),
    ("events", _("Events")),
    ("publications", _("Publications")),
    ("vacancies", _("Vacancies and calls")),
)


class SubscriberQuerySet(models.QuerySet):
    def active(self):
        """Confirmed (every row is), not unsubscribed, not bouncing."""
        return self.filter(unsubscribed_at__isnull=True, bounced_at__isnull=True)


class Subscriber(models.Model):
    email = models.EmailField(_("e-mail address"), max_length=254, unique=True)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="en"
    )
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    all_news = models.BooleanField(_("all news"), default=False)
    press_releases = models.BooleanField(_("press releases"), default=False)
    events = models.BooleanField(_("events"), default=False)
    publications = models.BooleanField(_("publications"), default=False)
    vacancies = models.BooleanField(_("vacancies and calls"), default=False)
    programmes = models.ManyToManyField(
        "programmes.Programme", verbose_name=_("programmes"), related_name="+", blank=True
    )
    themes = models.ManyToManyField(
        "programmes.Theme", verbose_name=_("areas of work"), related_name="+", blank=True
    )
    # Every link mailed to the subscriber carries this key: a new key voids them all.
    key = models.CharField(max_length=32, default=new_key, editable=False)
    consent_at = models.DateTimeField(
        _("consent given"), help_text=_("When the owner of the address confirmed.")
    )
    consent_text = models.TextField(
        _("consent wording"), help_text=_("The text the subscriber agreed to, as it was shown.")
    )
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    bounced_at = models.DateTimeField(
        _("deactivated by a bounce"),
        null=True,
        blank=True,
        help_text=_("Mail to this address bounced for good or was reported as spam."),
    )
    last_digest_at = models.DateTimeField(_("last digest"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-consent_at"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self):
        return self.email

    @property
    def is_active(self):
        return self.unsubscribed_at is None and self.bounced_at is None


class Delivery(models.Model):
    """One item sent (or being sent) to one subscriber: the send log."""

    class Status(models.TextChoices):
        # Claimed and handed to the mail server, not yet known to be accepted. A run that
        # stopped here left it so; it is never sent again (at most once).
        SENDING = "sending", _("Sending (outcome unknown)")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("subscriber"),
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(_("title"), max_length=300)
    digest = models.UUIDField(_("digest"), help_text=_("The mail this item went out in."))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SENDING
    )
    created_at = models.DateTimeField(_("claimed"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("sent item")
        verbose_name_plural = _("send log")
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "content_type", "object_id"],
                name="delivery_once_per_subscriber_and_item",
            )
        ]

    def __str__(self):
        return self.title
