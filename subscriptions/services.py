"""The writes of a subscription: confirming one, changing its choices, a bounce."""

from django.db import transaction
from django.utils import timezone, translation

from programmes.models import Programme, Theme
from subscriptions.forms import CONSENT_TEXT
from subscriptions.models import KIND_TOPICS, Subscriber


def confirm(choices):
    """The owner followed a confirmation link: store the address, choices and consent."""
    # The consent wording as the form showed it, in the language it was shown in.
    with translation.override(choices.get("shown_in") or choices["language"]):
        consent = str(CONSENT_TEXT)
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email=choices["email"]).first()
        if subscriber is None:
            subscriber = Subscriber(email=choices["email"])
        subscriber.consent_at = timezone.now()
        subscriber.consent_text = consent
        # Confirming again brings a subscription back after an unsubscribe or a bounce:
        # the owner has just shown that the address receives mail and wants it.
        subscriber.unsubscribed_at = None
        subscriber.bounced_at = None
        apply_choices(subscriber, choices)
    return subscriber


def apply_choices(subscriber, choices):
    """Write `choices` (TopicsForm.choices()) to `subscriber` and save it."""
    for name, _label in KIND_TOPICS:
        setattr(subscriber, name, name in choices.get("kinds", ()))
    subscriber.language = choices["language"]
    subscriber.frequency = choices["frequency"]
    subscriber.save()
    subscriber.programmes.set(
        Programme.objects.published().filter(pk__in=choices.get("programmes", ()))
    )
    subscriber.themes.set(Theme.objects.filter(pk__in=choices.get("themes", ())))


def record_bounce(address, kind):
    """Deactivate `address` on a hard bounce or complaint; True if a subscriber changed."""
    if kind not in ("hard", "complaint"):
        return False
    return bool(
        Subscriber.objects.filter(email=address.strip().lower(), bounced_at__isnull=True).update(
            bounced_at=timezone.now()
        )
    )
