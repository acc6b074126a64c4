"""Deploy check: the links in subscription mails must point at the public https site."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def site_url_is_https(app_configs, **kwargs):
    # Mails are sent from a command, with no request to take the address from: a
    # forgotten SITE_URL would send readers links to 127.0.0.1, and mail providers
    # ignore a one-click List-Unsubscribe that is not https (RFC 8058).
    if settings.SITE_URL.startswith("https://"):
        return []
    return [
        checks.Warning(
            f"SITE_URL is {settings.SITE_URL!r}: the links in subscription e-mails "
            "(confirm, manage, unsubscribe) would not reach readers.",
            hint="Set SITE_URL to the site's public https address.",
            id="subscriptions.W001",
        )
    ]
