"""E-mail subscriptions (issue 17): sign-up, double opt-in, digests, one-click unsubscribe.

Mail goes through Django's SMTP backend to a real SMTP server on loopback (aiosmtpd), and
the tests read what it received: the confirmation, the digests, their headers and parts.
"""

import datetime
import email
import email.policy
import json
import logging
import re
import socket
import threading
from unittest import mock

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation

from newsroom.models import Article
from subscriptions import tokens
from subscriptions.models import Delivery, Frequency, Subscriber
from tests.factories import (
    ArticleFactory,
    EventFactory,
    PhotoFactory,
    ProgrammeFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

SITE = "https://www.example.org"


class Inbox:
    """An aiosmtpd handler that keeps every message it is given."""

    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append((envelope.rcpt_tos, message))
        return "250 Message accepted for delivery"

    def to(self, address):
        return [message for rcpt, message in self.messages if address in rcpt]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """A real SMTP server on 127.0.0.1, and Django's SMTP backend pointed at it."""
    # aiosmtpd logs every SMTP command at INFO.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    inbox = Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.SITE_URL = SITE
    try:
        yield inbox
    finally:
        controller.stop()


def parts(message):
    """(plain text, HTML) of a received message."""
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return text, html


def link(text, kind):
    """The site path of the first /subscribe/<kind>/ link in `text`."""
    match = re.search(rf"{re.escape(SITE)}((?:/vi)?/subscribe/{kind}/[^/\s\"<>]+/)", text)
    assert match, f"no {kind} link in:\n{text}"
    return match.group(1)


def sign_up(client, address, **choices):
    data = {"email": address, "language": "en", "frequency": "immediate", "all_news": "on"}
    data.update(choices)
    return client.post("/subscribe/", data)


def subscribe_and_confirm(client, inbox, address, **choices):
    response = sign_up(client, address, **choices)
    assert response.status_code == 302
    text, _html = parts(inbox.to(address)[-1])
    confirm = link(text, "confirm")
    assert client.post(confirm).status_code == 302
    return Subscriber.objects.get(email=address)


def publish(**fields):
    """An article published now: after the subscriptions made earlier in the test."""
    fields.setdefault("publish_at", timezone.now())
    return ArticleFactory(**fields)


def test_subscribe_confirm_digest_unsubscribe_round_trip(client, smtp):
    """Sign up, confirm, a digest in each language, one-click unsubscribe, then nothing more."""
    response = sign_up(client, "reader@example.com")
    assert response.status_code == 302
    assert response["Location"] == "/subscribe/check-your-inbox/"
    assert client.get(response["Location"]).status_code == 200

    [confirmation] = smtp.to("reader@example.com")
    text, html = parts(confirmation)
    confirm = link(text, "confirm")
    assert confirm in html
    # Following the link shows a button; only pressing it subscribes (mail scanners GET).
    assert client.get(confirm).status_code == 200
    assert not Subscriber.objects.exists()
    response = client.post(confirm)
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    subscriber = Subscriber.objects.get(email="reader@example.com")
    assert "tracking" in subscriber.consent_text
    assert subscriber.consent_at is not None

    # A Vietnamese reader too.
    subscribe_and_confirm(Client(), smtp, "doc-gia@example.com", language="vi")

    photo = PhotoFactory()
    article = publish(
        title_en="Minimum wages rise in 2027",
        title_vi="Lương tối thiểu tăng năm 2027",
        standfirst_en="The National Wage Council agreed.",
        hero=photo,
    )
    call_command("send_subscriptions", stdout=open("/dev/null", "w"))  # noqa: SIM115

    [digest] = smtp.to("reader@example.com")[1:]
    text, html = parts(digest)
    assert "Minimum wages rise in 2027" in text
    assert "Minimum wages rise in 2027" in html
    with translation.override("en"):
        assert f"{SITE}{article.get_absolute_url()}" in text
    # The hero photo by absolute URL on the site itself; no other host in the mail.
    assert re.search(rf'<img src="{re.escape(SITE)}/media/photos/renditions/[^"]+\.jpg"', html)
    hosts = set(re.findall(r'(?:src|href)="(https?://[^/"]+)', html))
    assert hosts == {SITE}
    unsubscribe = link(text, "unsubscribe")
    assert f"<{SITE}{unsubscribe}>" in digest["List-Unsubscribe"]
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f"{SITE}{unsubscribe}" in html

    [vietnamese] = smtp.to("doc-gia@example.com")[1:]
    text_vi, html_vi = parts(vietnamese)
    assert "Lương tối thiểu tăng năm 2027" in text_vi
    assert "Lương tối thiểu tăng năm 2027" in html_vi
    assert f"{SITE}/vi/news/" in text_vi
    assert "Hủy đăng ký" in text_vi and "Hủy đăng ký" in html_vi  # "Unsubscribe"
    assert "Unsubscribe" not in text_vi
    assert link(text_vi, "unsubscribe").startswith("/vi/subscribe/unsubscribe/")
    assert vietnamese["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # The mail program's one-click POST: no session, no CSRF token.
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(
        unsubscribe, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not response.cookies

    publish(title_en="A second story")
    call_command("send_subscriptions", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(smtp.to("reader@example.com")) == 2  # the confirmation and one digest
    assert len(smtp.to("doc-gia@example.com")) == 3  # still subscribed: a second digest


def test_a_run_that_crashed_half_way_never_sends_an_item_twice(client, smtp):
    """The sender dies after the first of three digests; running it again sends no duplicate."""
    addresses = [f"reader{n}@example.com" for n in range(3)]
    for address in addresses:
        subscribe_and_confirm(Client(), smtp, address)
    publish(title_en="Story for everyone")
    from django.core.mail.backends.smtp import EmailBackend

    real_send = EmailBackend.send_messages
    calls = []

    def dies_on_the_second(self, messages):
        calls.append(messages)
        if len(calls) == 2:
            # The process is killed after the mail server may have taken the mail.
            raise SystemExit("killed")
        return real_send(self, messages)

    with (
        mock.patch.object(EmailBackend, "send_messages", dies_on_the_second),
        pytest.raises(SystemExit),
    ):
        call_command("send_subscriptions")
    assert [len(smtp.to(a)) for a in addresses] == [2, 1, 1]

    call_command("send_subscriptions", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("send_subscriptions", stdout=open("/dev/null", "w"))  # noqa: SIM115
    # The first has its one digest, the third gets its own now; the second's digest was
    # claimed when the process died: at most once, so it is not sent again.
    assert [len(smtp.to(a)) for a in addresses] == [2, 1, 2]
    statuses = dict(
        Delivery.objects.values_list("subscriber__email", "status").order_by("subscriber__email")
    )
    assert statuses == {
        "reader0@example.com": "sent",
        "reader1@example.com": "sending",
        "reader2@example.com": "sent",
    }


def test_one_digest_per_subscriber_per_run(client, smtp):
    """Three new items make one mail, not three."""
    subscribe_and_confirm(client, smtp, "reader@example.com", events="on")
    publish(title_en="First story")
    publish(title_en="Second story")
    EventFactory(title_en="A workshop", publish_at=timezone.now())
    call_command("send_subscriptions", stdout=open("/dev/null", "w"))  # noqa: SIM115
    [digest] = smtp.to("reader@example.com")[1:]
    text, _html = parts(digest)
    assert "First story" in text and "Second story" in text and "A workshop" in text
    assert "3 new items" in digest["Subject"]


def test_drafts_scheduled_and_expired_items_are_never_mailed(client, smtp):
    """Only what the public can see goes out; a scheduled story goes once it is live."""
    subscribe_and_confirm(client, smtp, "reader@example.com")
    now = timezone.now()
    publish(title_en="A draft", draft=True)
    scheduled = publish(title_en="Scheduled story", publish_at=now + datetime.timedelta(hours=2))
    publish(
        title_en="Taken down",
        publish_at=now + datetime.timedelta(seconds=1),
        unpublish_at=now + datetime.timedelta(seconds=2),
    )
    with time_machine.travel(now + datetime.timedelta(seconds=30)):
        call_command("send_subscriptions", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(smtp.to("reader@example.com")) == 1  # the confirmation only
    with time_machine.travel(scheduled.publish_at + datetime.timedelta(minutes=1)):
        call_command("send_subscriptions", stdout=open("/dev/null", "w"))  # noqa: SIM115
    text, _html = parts(smtp.to("reader@example.com")[-1])
    assert "Scheduled story" in text
    assert "A draft" not in text and "Taken down" not in text


def test_unconfirmed_addresses_get_nothing_but_the_confirmation(client, smtp):
    """No row, no digest until the owner follows the link."""
    sign_up(client, "unsure@example.com")
    publish(title_en="Story")
    call_command("send_subscriptions", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(smtp.to("unsure@example.com")) == 1
    assert not Subscriber.objects.exists()


def test_topics_a_programme_and_press_releases(client, smtp):
    """A programme's subscriber gets its items; a press-release subscriber only releases."""
    programme = ProgrammeFactory(name="Better Work Viet Nam")
    subscribe_and_confirm(Client(), smtp, "bw@example.com", all_news="", programmes=[programme.pk])
    subscribe_and_confirm(Client(), smtp, "press@example.com", all_news="", press_releases="on")
    publish(title_en="Garment news", programmes=[programme])
    publish(title_en="Unrelated news")
    publish(title_en="A press release", kind=Article.Kind.PRESS_RELEASE)
    call_command("send_subscriptions", stdout=open("/dev/null", "w"))  # noqa: SIM115
    bw, _ = parts(smtp.to("bw@example.com")[-1])
    press, _ = parts(smtp.to("press@example.com")[-1])
    assert "Garment news" in bw and "Unrelated news" not in bw and "A press release" not in bw
    assert "A press release" in press and "Garment news" not in press


def test_weekly_subscribers_get_one_digest_a_week(client, smtp):
    """A weekly digest waits seven days from the last one."""
    subscribe_and_confirm(client, smtp, "weekly@example.com", frequency="weekly")
    publish(title_en="Monday story")
    call_command("send_subscriptions", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(smtp.to("weekly@example.com")) == 1
    with time_machine.travel(timezone.now() + datetime.timedelta(days=7, hours=1)):
        call_command("send_subscriptions", stdout=open("/dev/null", "w"))  # noqa: SIM115
    text, _ = parts(smtp.to("weekly@example.com")[-1])
    assert "Monday story" in text


def test_get_on_the_unsubscribe_link_does_not_unsubscribe(client, smtp):
    """Mail scanners follow links: a GET only asks; the button's POST unsubscribes."""
    subscriber = subscribe_and_confirm(client, smtp, "reader@example.com")
    path = f"/subscribe/unsubscribe/{tokens.subscriber_token(subscriber, tokens.UNSUBSCRIBE)}/"
    response = client.get(path)
    assert response.status_code == 200
    assert b"reader@example.com" in response.content
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is None
    response = client.post(path)
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is not None


def test_honeypot_is_answered_like_anyone_and_sends_nothing(client, smtp):
    """A robot that fills the hidden field sees the usual answer; no mail goes out."""
    response = sign_up(client, "victim@example.com", website="http://spam.example")
    assert response.status_code == 302
    assert response["Location"] == "/subscribe/check-your-inbox/"
    assert smtp.messages == []


def test_rate_limits_per_address_and_per_client(client, smtp, settings):
    """One inbox is not flooded with confirmations; one client cannot sign up the world."""
    settings.SUBSCRIBE_RATE_PER_ADDRESS = 2
    settings.SUBSCRIBE_RATE_PER_CLIENT = 4
    answers = [sign_up(client, "target@example.com") for _ in range(3)]
    assert {(a.status_code, a["Location"]) for a in answers} == {
        (302, "/subscribe/check-your-inbox/")
    }
    assert len(smtp.to("target@example.com")) == 2

    other = Client(REMOTE_ADDR="203.0.113.7")
    for address in ("a@example.com", "b@example.com", "e@example.com", "f@example.com"):
        assert sign_up(other, address).status_code == 302
    response = sign_up(other, "c@example.com")
    assert response.status_code == 429
    assert b"Too many sign-ups" in response.content
    assert not smtp.to("c@example.com")
    # Another client is not affected.
    assert sign_up(Client(REMOTE_ADDR="198.51.100.9"), "d@example.com").status_code == 302


def test_sign_up_does_not_tell_whether_an_address_is_subscribed(client, smtp):
    """Known and new addresses get the same answer and mail; choices wait for the owner."""
    known = subscribe_and_confirm(Client(), smtp, "known@example.com", events="on")
    answer_known = sign_up(client, "known@example.com", all_news="", vacancies="on")
    answer_new = sign_up(client, "new@example.com", all_news="", vacancies="on")
    assert answer_known.status_code == answer_new.status_code == 302
    assert answer_known["Location"] == answer_new["Location"]
    assert answer_known.content == answer_new.content
    assert smtp.to("known@example.com")[-1]["Subject"] == smtp.to("new@example.com")[-1]["Subject"]
    known.refresh_from_db()
    assert known.events and not known.vacancies


@pytest.mark.parametrize("kind", ["confirm", "manage", "unsubscribe"])
def test_forged_links_answer_a_clear_404(client, kind):
    """A made-up or altered token is a page that says so, never a 500."""
    for token in ("nonsense", "eyJhIjoxfQ:1abcde:forgedsignature", "x" * 300):
        response = client.get(f"/subscribe/{kind}/{token}/")
        assert response.status_code == 404
        assert b"This link does not work" in response.content
        assert client.post(f"/subscribe/{kind}/{token}/").status_code == 404


def test_expired_confirmation_and_manage_links_answer_400(client, smtp):
    """An old link says it has expired and how to get a new one."""
    sign_up(client, "late@example.com")
    confirm = link(parts(smtp.to("late@example.com")[0])[0], "confirm")
    subscriber = subscribe_and_confirm(Client(), smtp, "reader@example.com")
    manage = f"/subscribe/manage/{tokens.subscriber_token(subscriber, tokens.MANAGE)}/"
    with time_machine.travel(timezone.now() + datetime.timedelta(days=500)):
        for path in (confirm, manage):
            response = client.get(path)
            assert response.status_code == 400
            assert b"This link has expired" in response.content
        assert client.post(confirm).status_code == 400
    assert not Subscriber.objects.filter(email="late@example.com").exists()


def test_manage_page_changes_choices_and_deletes_everything(client, smtp):
    """The signed link lets the reader change topics and frequency, or delete the data."""
    theme = ThemeFactory(name="Social protection")
    subscriber = subscribe_and_confirm(client, smtp, "reader@example.com")
    manage = f"/subscribe/manage/{tokens.subscriber_token(subscriber, tokens.MANAGE)}/"
    response = client.get(manage)
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    assert "no-store" in response["Cache-Control"]
    response = client.post(manage, {"language": "vi", "frequency": "monthly", "themes": [theme.pk]})
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert (subscriber.language, subscriber.frequency, subscriber.all_news) == (
        "vi",
        Frequency.MONTHLY,
        False,
    )
    assert list(subscriber.themes.all()) == [theme]
    response = client.post(manage, {"language": "en", "frequency": "weekly"})
    assert response.status_code == 400
    assert b"Choose at least one topic" in response.content

    response = client.post(manage, {"delete": "1"})
    assert response.status_code == 302
    assert not Subscriber.objects.exists()
    assert client.get(manage).status_code == 404


def test_bounce_hook_deactivates_hard_bounces(client, smtp, settings):
    """The mail provider's hook, with the shared secret, stops mail to a dead address."""
    settings.SUBSCRIPTION_BOUNCE_TOKEN = "s3cret-hook-token"
    subscriber = subscribe_and_confirm(client, smtp, "gone@example.com")
    hook = Client(enforce_csrf_checks=True)
    assert (
        hook.post("/subscribe/bounce/", {"address": "gone@example.com", "type": "hard"}).status_code
        == 403
    )
    auth = {"HTTP_AUTHORIZATION": "Bearer s3cret-hook-token"}
    assert (
        hook.post(
            "/subscribe/bounce/", {"address": "gone@example.com", "type": "soft"}, **auth
        ).status_code
        == 204
    )
    subscriber.refresh_from_db()
    assert subscriber.bounced_at is None
    assert (
        hook.post(
            "/subscribe/bounce/", {"address": "GONE@example.com", "type": "hard"}, **auth
        ).status_code
        == 204
    )
    assert (
        hook.post(
            "/subscribe/bounce/", {"address": "x@example.com", "type": "odd"}, **auth
        ).status_code
        == 400
    )
    subscriber.refresh_from_db()
    assert subscriber.bounced_at is not None
    publish(title_en="Story")
    call_command("send_subscriptions", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(smtp.to("gone@example.com")) == 1


def test_bounce_hook_is_off_without_a_secret(client):
    """No secret configured: the hook does not exist."""
    assert (
        client.post("/subscribe/bounce/", {"address": "a@example.com", "type": "hard"}).status_code
        == 404
    )


def test_subscription_pages_answer_in_both_languages(client):
    """The sign-up form lists public programmes only, in each language."""
    ProgrammeFactory(name_en="Better Work Viet Nam")
    ProgrammeFactory(name_en="Secret draft programme", draft=True)
    for path in ("/subscribe/", "/vi/subscribe/"):
        response = client.get(path)
        assert response.status_code == 200
        assert b"Better Work Viet Nam" in response.content
        assert b"Secret draft programme" not in response.content
    assert client.get("/vi/subscribe/check-your-inbox/").status_code == 200
    assert client.get("/vi/subscribe/unsubscribed/").status_code == 200


def test_site_managers_see_export_and_delete_subscribers_other_staff_see_nothing(client, smtp):
    """Addresses are Site managers' business: list, counts per topic, JSON export, delete."""
    from tests.factories import staff_user

    subscriber = subscribe_and_confirm(Client(), smtp, "reader@example.com", events="on")
    publish(title_en="Story")
    call_command("send_subscriptions", stdout=open("/dev/null", "w"))  # noqa: SIM115

    for role in ("Contributor", "Editor"):
        client.force_login(staff_user(role))
        for url in ("/admin/subscriptions/subscriber/", "/admin/subscriptions/delivery/",
                    "/admin/subscriptions/subscriber/preview/"):  # fmt: skip
            assert client.get(url).status_code == 403, (role, url)

    client.force_login(staff_user("Site manager"))
    response = client.get("/admin/subscriptions/subscriber/?topic=kind:events")
    assert response.status_code == 200
    assert b"reader@example.com" in response.content
    assert b"Active subscribers per topic" in response.content
    assert (
        client.get("/admin/subscriptions/subscriber/?topic=kind:vacancies")
        .context["cl"]
        .result_count
        == 0
    )
    log = client.get("/admin/subscriptions/delivery/")
    assert b"Story" in log.content and b"reader@example.com" in log.content
    page = client.get(f"/admin/subscriptions/subscriber/{subscriber.pk}/change/")
    assert page.status_code == 200
    assert subscriber.consent_text.encode() in page.content
    assert b'name="frequency"' not in page.content  # read-only: the choices are the reader's
    delivery = Delivery.objects.get()
    assert client.get(f"/admin/subscriptions/delivery/{delivery.pk}/change/").status_code == 200
    preview = client.get("/admin/subscriptions/subscriber/preview/?language=en")
    assert preview.status_code == 200
    assert b"Story" in preview.content

    export = client.post(
        "/admin/subscriptions/subscriber/",
        {"action": "export_json", "_selected_action": [subscriber.pk]},
    )
    assert export["Content-Type"].startswith("application/json")
    [data] = json.loads(export.content)
    assert data["email"] == "reader@example.com"
    assert "tracking" in data["consent_text"]
    assert data["sent"][0]["title"] == "Story"

    client.post(
        "/admin/subscriptions/subscriber/",
        {"action": "delete_selected", "_selected_action": [subscriber.pk], "post": "yes"},
    )
    assert not Subscriber.objects.exists()
    assert not Delivery.objects.exists()


def test_footer_offers_the_e_mail_subscription_in_both_languages(client):
    """Readers find the sign-up next to the feeds on every page."""
    assert b'href="/subscribe/"' in client.get("/").content
    assert b'href="/vi/subscribe/"' in client.get("/vi/").content


def test_sign_up_works_without_cookies(smtp):
    """The form sets no cookie (public pages are shared by the cache) and posts without one."""
    browser = Client(enforce_csrf_checks=True)
    assert browser.get("/subscribe/").cookies == {}
    assert sign_up(browser, "reader@example.com").status_code == 302
    assert len(smtp.to("reader@example.com")) == 1


def test_bounce_command_deactivates_by_hand(smtp):
    """`manage.py subscription_bounce ADDRESS hard` does what the hook does."""
    import io

    subscriber = subscribe_and_confirm(Client(), smtp, "gone@example.com")
    out = io.StringIO()
    call_command("subscription_bounce", "gone@example.com", "complaint", stdout=out)
    assert out.getvalue().strip() == "deactivated"
    subscriber.refresh_from_db()
    assert subscriber.bounced_at is not None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "smtp+tls://user:p%40ss@mail.example.org:587",
            "smtp mail.example.org 587 user p@ss tls=True ssl=False",
        ),
        (
            "smtps://user:pw@mail.example.org",
            "smtp mail.example.org 465 user pw tls=False ssl=True",
        ),
        ("console://", "console"),
        ("file:///var/tmp/ilo-mail", "filebased /var/tmp/ilo-mail"),
    ],
)
def test_mail_is_configured_from_email_url(url, expected):
    """EMAIL_URL names the backend and server in one value, as the README says."""
    import os
    import subprocess
    import sys

    script = (
        "from django.conf import settings as s;"
        "b = s.EMAIL_BACKEND.split('.')[-2];"
        "print(b, s.EMAIL_FILE_PATH) if b == 'filebased' else print(b) if b == 'console' else "
        "print(b, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_HOST_PASSWORD,"
        " f'tls={s.EMAIL_USE_TLS}', f'ssl={s.EMAIL_USE_SSL}')"
    )
    env = {
        **os.environ,
        "DEBUG": "1",
        "EMAIL_URL": url,
        "DJANGO_SETTINGS_MODULE": "ilo_office.settings",
    }
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == expected


def test_the_deploy_check_asks_for_an_https_site_url(settings):
    """`check --deploy` (run by CI with production settings) warns when mails would link
    to the development address."""
    from subscriptions.checks import site_url_is_https

    settings.SITE_URL = "http://127.0.0.1:8000"
    assert [w.id for w in site_url_is_https(None)] == ["subscriptions.W001"]
    settings.SITE_URL = "https://www.ilo.org/hanoi"
    assert site_url_is_https(None) == []
