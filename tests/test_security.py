"""Back-office security: sign-in throttling, sessions, passwords, CSRF, admin prefix, CSP."""

import datetime
import importlib

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import URLPattern, URLResolver, clear_url_caches, get_resolver

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple 42"
LOGIN = "/admin/login/"
PAUSED = "Too many failed sign-in attempts"


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    """Many sign-ins here: a fast hasher keeps the file quick (the validators are unaffected)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def editor():
    return User.objects.create_user("editor", password=PASSWORD, is_staff=True)


def sign_in(client, username="editor", password=PASSWORD, **extra):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, **extra
    )


def fail(client, times, username="editor", **extra):
    return [sign_in(client, username, "wrong password", **extra) for _ in range(times)]


# Sign-in throttling -------------------------------------------------------------------


def test_five_wrong_passwords_pause_the_account_with_a_clear_message(client, editor, settings):
    """After the fifth failure the sign-in page says it is paused, and for how long."""
    responses = fail(client, settings.AXES_FAILURE_LIMIT)

    assert [r.status_code for r in responses[:-1]] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    paused = responses[-1]
    assert paused.status_code == 429
    assert PAUSED in paused.text
    assert "15 minutes" in paused.text


def test_fewer_failures_than_the_limit_do_not_lock(client, editor, settings):
    """Four typos and then the right password: signed in."""
    fail(client, settings.AXES_FAILURE_LIMIT - 1)

    response = sign_in(client)

    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_right_password_is_refused_during_the_pause(client, editor, settings):
    """While paused, even the correct password does not sign in."""
    fail(client, settings.AXES_FAILURE_LIMIT)

    response = sign_in(client)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_pause_ends_after_the_cool_off(client, editor, settings):
    """Fifteen minutes later the account signs in again."""
    fail(client, settings.AXES_FAILURE_LIMIT)
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=16)
    )

    assert sign_in(client).status_code == 302


def test_pause_is_per_username_and_address(editor, settings):
    """A locked pair does not lock the colleague at the next desk, nor the same person elsewhere."""
    colleague = User.objects.create_user("colleague", password=PASSWORD, is_staff=True)
    office = Client(REMOTE_ADDR="203.0.113.10")
    fail(office, settings.AXES_FAILURE_LIMIT)

    assert sign_in(office, colleague.username).status_code == 302
    assert sign_in(Client(REMOTE_ADDR="198.51.100.7")).status_code == 302
    assert sign_in(Client(REMOTE_ADDR="203.0.113.10")).status_code == 429


def test_success_clears_earlier_failures(client, editor, settings):
    """A successful sign-in starts the count again from zero."""
    fail(client, settings.AXES_FAILURE_LIMIT - 1)
    sign_in(client)
    client.logout()

    responses = fail(client, settings.AXES_FAILURE_LIMIT - 1)

    assert all(r.status_code == 200 for r in responses)
    assert sign_in(client).status_code == 302


def test_forged_forwarded_for_does_not_escape_the_pause(editor, settings):
    """Reached directly (not through our proxy), X-Forwarded-For sent by the client is ignored."""
    attacker = Client(REMOTE_ADDR="192.0.2.66")
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(attacker, password="wrong", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")

    response = sign_in(attacker, HTTP_X_FORWARDED_FOR="10.0.0.99")

    assert response.status_code == 429


PROXY = "10.0.0.2"


@pytest.fixture
def behind_proxy(settings):
    """The documented deploy: our reverse proxy, which appends the client's address."""
    settings.TRUSTED_PROXIES = [PROXY]
    return Client(REMOTE_ADDR=PROXY)


def test_behind_the_proxy_one_attacker_does_not_lock_the_victim_out(editor, settings, behind_proxy):
    """Five wrong passwords through the proxy pause the attacker; the owner still signs in."""
    for _ in range(settings.AXES_FAILURE_LIMIT):
        # The attacker's own left-hand entry changes every time; the proxy's does not.
        sign_in(behind_proxy, password="wrong", HTTP_X_FORWARDED_FOR="1.2.3.4, 192.0.2.66")

    assert sign_in(behind_proxy, HTTP_X_FORWARDED_FOR="5.6.7.8, 192.0.2.66").status_code == 429
    owner = Client(REMOTE_ADDR=PROXY)
    assert sign_in(owner, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 302


def test_behind_the_proxy_the_address_is_read_from_the_right(settings, behind_proxy, rf):
    """Entries of our own proxies are skipped; what the client wrote further left is not used."""
    from ilo_office.security import client_ip

    settings.TRUSTED_PROXIES = [PROXY, "10.1.0.0/16"]
    for forwarded, expected in [
        ("198.51.100.7", "198.51.100.7"),
        ("6.6.6.6, 198.51.100.7", "198.51.100.7"),
        ("198.51.100.7, 10.1.2.3", "198.51.100.7"),  # a second proxy of ours in between
        ("10.1.2.3", "10.1.2.3"),  # nothing but proxies: the farthest one
        ("198.51.100.7, not-an-address", PROXY),  # garbage where our proxy writes
        ("", PROXY),
        ("2001:db8::7", "2001:db8::7"),
    ]:
        request = rf.post(LOGIN, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
        assert client_ip(request) == expected, forwarded

    direct = rf.post(LOGIN, REMOTE_ADDR="192.0.2.66", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert client_ip(direct) == "192.0.2.66"


def test_by_default_a_proxy_on_the_same_machine_is_trusted(rf, settings):
    """The documented deploy (gunicorn on 127.0.0.1 behind a local proxy) tells clients apart."""
    from ilo_office.security import client_ip

    assert "127.0.0.1" in settings.TRUSTED_PROXIES
    request = rf.post(LOGIN, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")

    assert client_ip(request) == "198.51.100.7"


def test_guesses_spread_over_many_accounts_pause_the_address(settings, behind_proxy):
    """Forty guesses over ten accounts from one address pause that address, not the others."""
    accounts = [
        User.objects.create_user(f"staff{n}", password=PASSWORD, is_staff=True) for n in range(11)
    ]
    attacker = {"HTTP_X_FORWARDED_FOR": "192.0.2.66"}
    statuses = [
        sign_in(behind_proxy, user.username, "wrong", **attacker).status_code
        for user in accounts[:10]
        for _ in range(4)
    ]

    assert statuses[: settings.AXES_ADDRESS_FAILURE_LIMIT - 1] == [200] * (
        settings.AXES_ADDRESS_FAILURE_LIMIT - 1
    )
    assert statuses[-1] == 429
    paused = sign_in(behind_proxy, accounts[10].username, **attacker)
    assert paused.status_code == 429
    assert "from this network address" in paused.text
    elsewhere = Client(REMOTE_ADDR=PROXY)
    assert (
        sign_in(elsewhere, accounts[0].username, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code
        == 302
    )


def test_signing_in_to_ones_own_account_does_not_reset_the_address_budget(settings, behind_proxy):
    """An attacker with an account of their own cannot clear the address's count by signing in."""
    mine = User.objects.create_user("mine", password=PASSWORD, is_staff=True)
    victims = [User.objects.create_user(f"v{n}", password=PASSWORD) for n in range(10)]
    attacker = {"HTTP_X_FORWARDED_FOR": "192.0.2.66"}
    for n in range(settings.AXES_ADDRESS_FAILURE_LIMIT - 1):
        sign_in(behind_proxy, victims[n % 10].username, "wrong", **attacker)
        if n == 10:
            assert sign_in(behind_proxy, mine.username, **attacker).status_code == 302
            behind_proxy.logout()

    assert sign_in(behind_proxy, victims[0].username, "wrong", **attacker).status_code == 429


def test_a_site_manager_lifts_a_pause(editor, settings):
    """As the paused page promises, a site manager lifts the pause and the owner signs in."""
    from ilo_office.backoffice.roles import SITE_MANAGER
    from tests.factories import staff_user

    office = Client(REMOTE_ADDR="203.0.113.10")
    fail(office, settings.AXES_FAILURE_LIMIT)
    assert sign_in(office).status_code == 429
    manager = Client()
    manager.force_login(staff_user(SITE_MANAGER))
    changelist = "/admin/axes/accessattempt/"
    assert "editor" in manager.get(changelist).text

    response = manager.post(
        changelist,
        {
            "action": "delete_selected",
            "_selected_action": list(AccessAttempt.objects.values_list("pk", flat=True)),
            "post": "yes",
        },
    )

    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert sign_in(office).status_code == 302


@pytest.mark.parametrize("role", ["Contributor", "Editor"])
def test_other_roles_cannot_lift_a_pause(client, role):
    """Only site managers see and delete sign-in attempts."""
    from tests.factories import staff_user

    client.force_login(staff_user(role))

    assert client.get("/admin/axes/accessattempt/").status_code == 403


# Sessions and passwords ------------------------------------------------------------


def test_staff_session_lasts_eight_hours(client, editor):
    """The sign-in cookie and the session both end eight hours after signing in."""
    sign_in(client)

    assert client.cookies["sessionid"]["max-age"] == 8 * 60 * 60
    assert 8 * 60 * 60 - 5 <= client.session.get_expiry_age() <= 8 * 60 * 60


def test_public_pages_set_no_cookie(client):
    """Readers get no session or CSRF cookie from a public page."""
    ArticleFactory(slug="story")

    response = client.get("/news/story/")

    assert response.cookies == {}


@pytest.mark.parametrize(
    "password",
    ["short1!", "password1234", "123456789012", "editor-editor"],
    ids=["too-short", "common", "numeric", "like-the-username"],
)
def test_weak_staff_passwords_are_refused(password):
    """Passwords that are short, common, numeric or like the username are refused."""
    user = User(username="editor-editor", email="editor@example.org", is_staff=True)

    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_long_passphrase_is_accepted():
    """A long passphrase passes every validator."""
    validate_password(PASSWORD, User(username="editor"))


# CSRF --------------------------------------------------------------------------------


def test_admin_sign_in_without_csrf_token_is_refused(editor):
    """A cross-site sign-in post (no CSRF token) is rejected."""
    client = Client(enforce_csrf_checks=True)

    response = sign_in(client)

    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def _all_views(resolver=None):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _all_views(pattern)
        elif isinstance(pattern, URLPattern):
            yield pattern.name, pattern.callback


# The public site sets no cookie, so a public form cannot carry a CSRF cookie. Each of
# these is exempt for a reason and answers a forged request with nothing of value:
CSRF_EXEMPT = {
    "record_read": "the cookie-free read beacon: a forged read counts one read",
    "subscribe": "double opt-in: a forged sign-up mails one confirmation, rate-limited",
    "confirm": "acts only with the signed, expiring token from the mail",
    "manage": "acts only with the signed token from the mail",
    "unsubscribe": "RFC 8058 one-click POST from mail clients; signed token",
    "bounce": "the mail provider's hook, with a shared secret",
}


def test_only_documented_cookie_free_views_skip_csrf():
    """No view is exempt from CSRF checks but the documented, token-guarded ones above."""
    exempt = {name for name, view in _all_views() if getattr(view, "csrf_exempt", False)}

    assert exempt == set(CSRF_EXEMPT)


# Admin address ------------------------------------------------------------------------


@pytest.fixture
def reload_urls(settings):
    """Rebuild the URL configuration after changing settings, and restore it afterwards."""
    import ilo_office.urls

    original = settings.ADMIN_URL

    def reload():
        importlib.reload(ilo_office.urls)
        clear_url_caches()

    yield reload
    settings.ADMIN_URL = original
    reload()


def test_admin_moves_to_the_configured_prefix(client, settings, reload_urls, editor):
    """ADMIN_URL moves the back office; the old /admin/ address is then a plain 404."""
    settings.ADMIN_URL = "office-desk-7/"
    reload_urls()

    assert client.get("/admin/").status_code == 404
    assert client.get("/admin/login/").status_code == 404
    response = client.get("/office-desk-7/")
    assert response.status_code == 302
    assert response["Location"].startswith("/office-desk-7/login/")
    assert client.get("/vi/office-desk-7/login/").status_code == 200


# Content-Security-Policy -----------------------------------------------------------


def csp(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("path", ["/", "/news/", "/news/story/", "/vi/news/story/", "/events/"])
def test_public_pages_carry_a_strict_csp(client, path):
    """Scripts, styles and fonts only from the site itself, nothing inline, no framing."""
    ArticleFactory(slug="story")

    policy = csp(client.get(path))

    assert "'unsafe-inline'" not in client.get(path)["Content-Security-Policy"]
    assert "'unsafe-eval'" not in client.get(path)["Content-Security-Policy"]
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["font-src"] == ["'self'"]
    assert set(policy["img-src"]) <= {"'self'", "data:"}
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]


def test_preview_pages_carry_the_csp_too(client):
    """A preview is a public page and gets the same policy."""
    from ilo_office.preview import signed_preview_url

    response = client.get(signed_preview_url(ArticleFactory(status="draft")))

    assert csp(response)["script-src"] == ["'self'"]


# The read beacon ------------------------------------------------------------------------


def _reads(article):
    from newsroom.models import DailyReads

    return sum(DailyReads.objects.filter(article=article).values_list("count", flat=True))


def _beacon(article):
    return f"/news/{article.slug}/read/"


def test_a_reader_posting_the_beacon_again_and_again_counts_once_a_day():
    """A hundred posts from one reader add one read today; another reader adds one more."""
    import time_machine

    article = ArticleFactory(slug="story")
    reader = Client(REMOTE_ADDR="192.0.2.66", HTTP_USER_AGENT="Probe/1")
    with time_machine.travel(datetime.datetime(2027, 3, 2, 9, tzinfo=datetime.UTC), tick=False):
        statuses = {reader.post(_beacon(article)).status_code for _ in range(100)}
        Client(REMOTE_ADDR="198.51.100.7").post(_beacon(article))

        assert statuses == {204}  # the answer says nothing about what was counted
        assert _reads(article) == 2
    with time_machine.travel(datetime.datetime(2027, 3, 3, 9, tzinfo=datetime.UTC), tick=False):
        reader.post(_beacon(article))

        assert _reads(article) == 3  # the next day, a new read


def test_colleagues_behind_one_address_each_count():
    """Two browsers behind one office address are two readers."""
    article = ArticleFactory(slug="story")
    for agent in ("Firefox/140", "Chrome/141"):
        Client(REMOTE_ADDR="203.0.113.10", HTTP_USER_AGENT=agent).post(_beacon(article))

    assert _reads(article) == 2


def test_one_address_has_a_daily_budget_of_reads(monkeypatch):
    """Changing the browser string or the article does not buy more than the address's budget."""
    from newsroom import views

    monkeypatch.setattr(views, "READS_PER_ADDRESS_PER_DAY", 3)
    articles = [ArticleFactory(slug=f"story-{n}") for n in range(3)]
    for n in range(12):
        client = Client(REMOTE_ADDR="192.0.2.66", HTTP_USER_AGENT=f"Probe/{n}")
        client.post(_beacon(articles[n % 3]))

    assert sum(_reads(article) for article in articles) == 3
    Client(REMOTE_ADDR="198.51.100.7").post(_beacon(articles[0]))
    assert _reads(articles[0]) == 2


def test_behind_the_proxy_readers_are_told_apart(settings):
    """Through our proxy, readers are counted by the address it forwards, not the proxy's."""
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    article = ArticleFactory(slug="story")
    proxy = Client(REMOTE_ADDR="10.0.0.2", HTTP_USER_AGENT="Firefox/140")
    for address in ("198.51.100.7", "198.51.100.8", "198.51.100.7"):
        proxy.post(_beacon(article), HTTP_X_FORWARDED_FOR=address)

    assert _reads(article) == 2


def test_the_beacon_keeps_no_address_in_the_cache():
    """What the beacon remembers is hashed: the cache holds no address or browser string."""
    from django.core.cache import cache

    article = ArticleFactory(slug="story")
    Client(REMOTE_ADDR="192.0.2.66", HTTP_USER_AGENT="ProbeAgent/7").post(_beacon(article))

    keys = " ".join(str(key) for key in cache._cache)  # the test cache: local memory
    assert "192.0.2.66" not in keys
    assert "ProbeAgent" not in keys
    assert keys  # something was remembered
