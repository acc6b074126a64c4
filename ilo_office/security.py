"""Guards of the back office's sign-in (django-axes), configured in settings.py.

Who is counted: failed sign-ins are counted per username *and* client address
(`AXES_LOCKOUT_PARAMETERS`), so an attacker guessing one account's password is
stopped after a few tries, while the owner of that account, signing in from their own
address, is not locked out by somebody else's guesses. On top of that, every address has
a budget of failures across all usernames (`AXES_ADDRESS_FAILURE_LIMIT`, counted by
`SignInAttempts`), so spreading guesses over many accounts is stopped too.

The client address: behind the reverse proxy every request comes from the proxy, and
the real address is in X-Forwarded-For. Anyone can write that header, so it is believed
only when the request comes from one of our own proxies (settings.TRUSTED_PROXIES), and
then read from the right: each entry that is one of our proxies is skipped, and the
first one that is not is the client (the entry our nearest proxy appended). What the
client wrote further left is never used, and a request that reaches the app directly
is counted by its own address, whatever header it sends.

A site manager lifts a pause in the back office ("Access attempts": delete the rows of
that username or address); the roles give them that permission (backoffice/roles.py).
"""

import functools
import ipaddress

from axes.attempts import get_cool_off_threshold
from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.shortcuts import render
from django.utils.translation import gettext as _


@functools.lru_cache(maxsize=8)
def _networks(entries):
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def _address(text):
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    # An IPv4 client seen through an IPv6 socket (::ffff:192.0.2.1) is that IPv4 client.
    return getattr(address, "ipv4_mapped", None) or address


def _is_proxy(address, networks):
    return address is not None and any(address in network for network in networks)


def from_trusted_proxy(request):
    """Whether the request came straight from one of our own proxies (TRUSTED_PROXIES)."""
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    return _is_proxy(_address(request.META.get("REMOTE_ADDR", "")), networks)


def client_ip(request):
    """The address of the client (see the module docstring)."""
    remote = request.META.get("REMOTE_ADDR", "")
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    if not _is_proxy(_address(remote), networks):
        return remote
    client = remote
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = _address(hop)
        if address is None:
            # Not an address: not written by one of our proxies, so nothing left of it is.
            break
        client = str(address)
        if not _is_proxy(address, networks):
            break
    return client


def address_failures(request):
    """Failed sign-ins from the request's address, over every username, within the cool-off."""
    return (
        AccessAttempt.objects.filter(
            ip_address=request.axes_ip_address,
            attempt_time__gte=get_cool_off_threshold(request),
        ).aggregate(total=Sum("failures_since_start"))["total"]
        or 0
    )


class SignInAttempts(AxesDatabaseHandler):
    """Axes' database handler, plus a budget of failures per address across usernames.

    Axes compares one number with one limit; an address over its own (larger) budget
    reports the pair limit, so that every sign-in from it is paused for the cool-off.
    Only the pair's rows are cleared by a successful sign-in (AXES_RESET_ON_SUCCESS), so
    signing in to one's own account does not reset the address's budget.
    """

    def get_failures(self, request, credentials=None):
        failures = super().get_failures(request, credentials)
        if address_failures(request) >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            request.sign_in_paused_for_address = True
            return max(failures, get_failure_limit(request, credentials))
        return failures


def locked_out(request, original_response=None, credentials=None):
    """The page a locked-out sign-in gets: 429, what happened and when to try again."""
    cool_off = get_cool_off(request)
    whole_address = getattr(request, "sign_in_paused_for_address", False)
    return render(
        request,
        "security/locked_out.html",
        {
            "whole_address": whole_address,
            "failure_limit": settings.AXES_ADDRESS_FAILURE_LIMIT
            if whole_address
            else get_failure_limit(request, credentials),
            "cooloff_minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
        },
        status=429,
    )


class AxesBackend(AxesStandaloneBackend):
    """Axes' lockout check, which needs the request to know who is signing in.

    Every sign-in over the web (the admin's login form, the password reset) passes the
    request. `authenticate()` without one happens only in code run by us: the test
    client's `login()`, the shell. Axes would raise there; there is no one to lock out,
    so this check steps aside and the next backend decides.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class PermissionsPolicyMiddleware:
    """Adds settings.PERMISSIONS_POLICY ({feature: [allowed origins]}) as a header.

    Django has no setting for this header. An empty list is written `feature=()`: the
    feature is off for the page and for anything it embeds.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(origins)})"
            for feature, origins in getattr(settings, "PERMISSIONS_POLICY", {}).items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response


class UsernameInPasswordValidator:
    """Refuses a password that contains the username (or the e-mail's local part).

    Django's similarity check compares whole strings, so the username doubled
    ("nguyenvananguyenvana" for nguyenvana) is only two-thirds similar and passes; but it
    is the first thing an attacker who knows the username tries. Names shorter than three
    characters are left to the other validators: they would refuse too many passphrases.
    """

    MIN_PART = 3

    def _parts(self, user):
        username = (getattr(user, "get_username", lambda: "")() or "").casefold()
        email = (getattr(user, "email", "") or "").casefold().partition("@")[0]
        return {part for part in (username, email) if len(part) >= self.MIN_PART}

    def validate(self, password, user=None):
        if user is None:
            return
        folded = password.casefold()
        if any(part in folded for part in self._parts(user)):
            raise ValidationError(
                _("The password contains your username; choose one that does not."),
                code="password_contains_username",
            )

    def get_help_text(self):
        return _("Your password must not contain your username.")
