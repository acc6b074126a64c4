"""Guards of the back office's sign-in (django-axes), configured in settings.py.

Who is counted: failed sign-ins are counted per username *and* client address
(`AXES_LOCKOUT_PARAMETERS`), so an attacker guessing one account's password is
stopped after a few tries, while a colleague who mistypes their own password does
not lock everybody else in the office out (the whole office shares one address).

The client address: behind the reverse proxy every request comes from the proxy,
and the real address is in X-Forwarded-For. That header is written by whoever sends
the request, so it is believed only when settings.TRUSTED_PROXY_COUNT says how many
proxies of ours stand in front of the site, and then only the entry our own nearest
proxy appended (counted from the right); what the client wrote further left is ignored.
"""

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.shortcuts import render


def client_ip(request):
    """The address to count failures against (see the module docstring)."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR")


def locked_out(request, original_response=None, credentials=None):
    """The page a locked-out sign-in gets: 429, what happened and when to try again."""
    cool_off = get_cool_off(request)
    return render(
        request,
        "security/locked_out.html",
        {
            "failure_limit": get_failure_limit(request, credentials),
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
