"""Signed links (django.core.signing), each with its own salt so one kind never opens another.

- confirm: the sign-up's choices, expiring (SUBSCRIPTION_CONFIRM_MAX_AGE);
- manage: a subscriber's page to change or delete, expiring (SUBSCRIPTION_MANAGE_MAX_AGE);
  every mail carries a fresh one;
- unsubscribe: never expires, since RFC 8058 asks that the link of any old mail work.
Manage and unsubscribe links name the subscriber and its `key`: deleting the row, or a
new key, voids every link sent before.
"""

from django.conf import settings
from django.core import signing

from subscriptions.models import Subscriber

CONFIRM = "subscriptions.confirm"
MANAGE = "subscriptions.manage"
UNSUBSCRIBE = "subscriptions.unsubscribe"


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def _signer(salt):
    return signing.TimestampSigner(salt=salt)


def confirm_token(choices):
    return _signer(CONFIRM).sign_object(choices, compress=True)


def read_confirm_token(token):
    try:
        return _signer(CONFIRM).unsign_object(token, max_age=settings.SUBSCRIPTION_CONFIRM_MAX_AGE)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise LinkInvalid from error


def subscriber_token(subscriber, purpose):
    return _signer(purpose).sign(f"{subscriber.pk}.{subscriber.key}")


def read_subscriber_token(token, purpose):
    """The subscriber a manage or unsubscribe link names, or LinkExpired / LinkInvalid."""
    max_age = settings.SUBSCRIPTION_MANAGE_MAX_AGE if purpose == MANAGE else None
    try:
        value = _signer(purpose).unsign(token, max_age=max_age)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature as error:
        raise LinkInvalid from error
    pk, _dot, key = value.partition(".")
    subscriber = Subscriber.objects.filter(pk=int(pk) if pk.isdigit() else 0, key=key).first()
    if subscriber is None:
        # Signed by us, but the subscriber deleted itself (or was deleted) since.
        raise LinkInvalid
    return subscriber
