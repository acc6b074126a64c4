"""The public subscription pages: sign up, check your inbox, confirm, manage, unsubscribe.

Pages reached from a mailed link carry a signed token (subscriptions.tokens) and are
never cached nor indexed; their POSTs are exempt from CSRF because the token, unguessable
and bound to one address, is what authorises them (and RFC 8058's one-click POST comes
from a mail program, with no cookie). A GET never changes anything: mail scanners follow
every link in a mail.
"""

import hashlib
import hmac
import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from ilo_office.security import client_ip
from programmes.models import Programme, Theme
from subscriptions import services, tokens
from subscriptions.forms import CONSENT_TEXT, SubscribeForm, TopicsForm
from subscriptions.models import KIND_TOPICS, Subscriber
from subscriptions.sending import absolute, confirmation_message

logger = logging.getLogger(__name__)

RATE_WINDOW = 60 * 60


def _within_rate(key, limit):
    """Count one request under `key` in the current hour; False once over `limit`."""
    if cache.add(key, 1, RATE_WINDOW):
        return limit >= 1
    try:
        return cache.incr(key) <= limit
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, RATE_WINDOW)
        return limit >= 1


def _address_key(email):
    return "subscribe:address:" + hashlib.sha256(email.encode()).hexdigest()


def bad_link(request, error):
    """A clear page for a link that expired (400) or that we never made (404)."""
    expired = isinstance(error, tokens.LinkExpired)
    return render(
        request,
        "subscriptions/bad_link.html",
        {"expired": expired},
        status=400 if expired else 404,
    )


def token_page(view):
    """Never cached, never indexed, and a token-bearing URL is sent to nobody."""

    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex"
        response["Referrer-Policy"] = "no-referrer"
        return response

    return never_cache(wrapped)


# No CSRF token: public pages set no cookie (they are cached and shared), and a forged
# cross-site sign-up can do nothing an attacker could not do directly: it only mails a
# confirmation link to the address, under the same per-address limit.
@method_decorator(csrf_exempt, name="dispatch")
class SubscribeView(View):
    template_name = "subscriptions/subscribe.html"

    def get(self, request):
        return self.page(SubscribeForm(initial={"language": translation.get_language()}))

    def page(self, form, status=200):
        return render(
            self.request,
            self.template_name,
            {"form": form, "consent_text": CONSENT_TEXT},
            status=status,
        )

    def post(self, request):
        form = SubscribeForm(request.POST)
        if not form.is_valid():
            return self.page(form, status=400)
        done = redirect("subscriptions:check_inbox")
        if form.cleaned_data["website"]:
            # A robot: answered like anyone, nothing sent.
            return done
        if not _within_rate(
            "subscribe:client:" + client_ip(request), settings.SUBSCRIBE_RATE_PER_CLIENT
        ):
            form.add_error(
                None,
                _("Too many sign-ups from your network in the last hour. Please try again later."),
            )
            return self.page(form, status=429)
        email = form.cleaned_data["email"]
        if not _within_rate(_address_key(email), settings.SUBSCRIBE_RATE_PER_ADDRESS):
            # Someone is filling one address's inbox: say the same as always, send nothing.
            return done
        choices = form.choices()
        choices["email"] = email
        # The consent wording is kept in the language the form was shown in.
        choices["shown_in"] = translation.get_language()
        with translation.override(choices["language"]):
            path = reverse("subscriptions:confirm", kwargs={"token": tokens.confirm_token(choices)})
        try:
            confirmation_message(email, choices["language"], absolute(path)).send()
        except Exception:
            logger.exception("Confirmation mail could not be sent")
            form.add_error(
                None,
                _("We could not send the confirmation e-mail just now. Please try again later."),
            )
            return self.page(form, status=503)
        return done


def check_inbox(request):
    return render(request, "subscriptions/check_inbox.html")


def confirmed(request):
    return render(request, "subscriptions/confirmed.html")


def unsubscribed(request):
    return render(request, "subscriptions/unsubscribed.html", {"deleted": "deleted" in request.GET})


def _topic_names(choices):
    labels = dict(KIND_TOPICS)
    names = [str(labels[kind]) for kind in choices.get("kinds", ()) if kind in labels]
    names += [
        str(p) for p in Programme.objects.published().filter(pk__in=choices.get("programmes", ()))
    ]
    names += [str(t) for t in Theme.objects.filter(pk__in=choices.get("themes", ()))]
    return names


@method_decorator(token_page, name="dispatch")
@method_decorator(csrf_exempt, name="dispatch")
class ConfirmView(View):
    def get(self, request, token):
        try:
            choices = tokens.read_confirm_token(token)
        except (tokens.LinkExpired, tokens.LinkInvalid) as error:
            return bad_link(request, error)
        return render(
            request,
            "subscriptions/confirm.html",
            {"choices": choices, "topics": _topic_names(choices), "email": choices.get("email")},
        )

    def post(self, request, token):
        try:
            choices = tokens.read_confirm_token(token)
        except (tokens.LinkExpired, tokens.LinkInvalid) as error:
            return bad_link(request, error)
        services.confirm(choices)
        return redirect("subscriptions:confirmed")


@method_decorator(token_page, name="dispatch")
@method_decorator(csrf_exempt, name="dispatch")
class ManageView(View):
    template_name = "subscriptions/manage.html"

    def dispatch(self, request, token):
        try:
            self.subscriber = tokens.read_subscriber_token(token, tokens.MANAGE)
        except (tokens.LinkExpired, tokens.LinkInvalid) as error:
            return bad_link(request, error)
        return super().dispatch(request, token)

    def page(self, form, saved=False, status=200):
        return render(
            self.request,
            self.template_name,
            {"form": form, "subscriber": self.subscriber, "saved": saved},
            status=status,
        )

    def get(self, request, token):
        subscriber = self.subscriber
        initial = {name: getattr(subscriber, name) for name, _label in KIND_TOPICS}
        initial.update(
            language=subscriber.language,
            frequency=subscriber.frequency,
            programmes=list(subscriber.programmes.all()),
            themes=list(subscriber.themes.all()),
        )
        return self.page(TopicsForm(initial=initial))

    def post(self, request, token):
        if "delete" in request.POST:
            self.subscriber.delete()
            return redirect(reverse("subscriptions:unsubscribed") + "?deleted=1")
        form = TopicsForm(request.POST)
        if not form.is_valid():
            return self.page(form, status=400)
        # Saving choices from this page is a wish to receive them: an unsubscribed
        # subscriber who changes topics here is subscribed again. A bounced one is not:
        # the address does not receive mail, only a new confirmation proves it does.
        self.subscriber.unsubscribed_at = None
        services.apply_choices(self.subscriber, form.choices())
        return self.page(form, saved=True)


@method_decorator(token_page, name="dispatch")
@method_decorator(csrf_exempt, name="dispatch")
class UnsubscribeView(View):
    """GET asks (a mail scanner may follow it); POST unsubscribes, one click (RFC 8058)."""

    def get(self, request, token):
        try:
            subscriber = tokens.read_subscriber_token(token, tokens.UNSUBSCRIBE)
        except (tokens.LinkExpired, tokens.LinkInvalid) as error:
            return bad_link(request, error)
        return render(request, "subscriptions/unsubscribe.html", {"subscriber": subscriber})

    def post(self, request, token):
        try:
            subscriber = tokens.read_subscriber_token(token, tokens.UNSUBSCRIBE)
        except (tokens.LinkExpired, tokens.LinkInvalid) as error:
            return bad_link(request, error)
        Subscriber.objects.filter(pk=subscriber.pk, unsubscribed_at__isnull=True).update(
            unsubscribed_at=timezone.now()
        )
        if request.POST.get("List-Unsubscribe") == "One-Click":
            # A mail program's one-click POST: an answer, no redirect to follow.
            return render(request, "subscriptions/unsubscribed.html")
        return redirect("subscriptions:unsubscribed")


@csrf_exempt
@require_POST
def bounce(request):
    """The bounce and complaint hook for the mail provider (README, "E-mail subscriptions").

    POST address=<e-mail>&type=hard|complaint|soft with the header
    "Authorization: Bearer <SUBSCRIPTION_BOUNCE_TOKEN>". A hard bounce or a complaint
    deactivates the address; a soft (temporary) bounce changes nothing. Answers 204 whether
    or not the address is known; 403 without the right token; 404 when the hook is off.
    """
    secret = settings.SUBSCRIPTION_BOUNCE_TOKEN
    if not secret:
        return HttpResponse(status=404)
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(given.encode(), secret.encode()):
        return HttpResponse(status=403)
    kind = request.POST.get("type", "")
    address = request.POST.get("address", "").strip().lower()
    if kind not in ("hard", "soft", "complaint") or not address:
        return HttpResponse("address and type (hard, soft, complaint) are required\n", status=400)
    services.record_bounce(address, kind)
    return HttpResponse(status=204)
