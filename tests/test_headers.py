"""Headers and sessions: what every response tells the browser, public pages and admin alike.

The public URLs come from tests/public_urls.py's table (every page, feed, calendar and
sitemap); production settings (HSTS, secure cookies, `check --deploy`) are read in a
separate process started with the environment of a deploy, as .ci/run does.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from ilo_office.cache import bump
from tests.bulk_site import SLUGS, fill
from tests.factories import ArticleFactory, EventFactory, ProgrammeFactory, staff_user
from tests.public_urls import page_urls

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parent.parent
STRICT = {
    "default-src": ["'self'"],
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}


def policy(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def assert_common_headers(response, where):
    """The headers every HTML, feed or calendar response carries, wherever it comes from."""
    assert response["X-Content-Type-Options"] == "nosniff", where
    assert response["Referrer-Policy"] == "same-origin", where
    assert response["X-Frame-Options"] == "DENY", where
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions, (where, feature)
    header = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in header, where
    assert "'unsafe-eval'" not in header, where
    assert "*" not in header.split(), where
    csp = policy(response)
    for directive, value in STRICT.items():
        assert csp[directive] == value, (where, directive)


@pytest.fixture
def site():
    fill(articles=25, events=20, programmes=3, partners=4)  # two pages of news
    bump()


@pytest.fixture
def public_pages(site, client):
    """{row name: response} for every row of the public URL table, fetched anonymously."""
    from events.models import Event

    # The calendar archive rows ask for the year before `year`: the named event's year.
    year = Event.objects.get(slug=SLUGS["event"]).start_date.year + 1
    responses = {}
    for name, (_url_name, url) in page_urls(year=year).items():
        response = client.get(url)
        assert response.status_code == 200, url
        responses[name] = response
    return responses


def test_every_public_url_sends_the_security_headers(public_pages):
    """CSP without inline code, Permissions-Policy, nosniff, Referrer-Policy, no framing."""
    for name, response in public_pages.items():
        assert_common_headers(response, name)
        csp = policy(response)
        # Nothing on a public page needs a nonce: plain 'self', the same for every reader.
        assert csp["script-src"] == ["'self'"], name
        assert csp["style-src"] == ["'self'"], name


def test_every_public_url_says_its_type_and_charset(public_pages):
    """Pages, feeds, calendars, sitemaps and robots.txt name their type and UTF-8."""
    for name, response in public_pages.items():
        content_type = response["Content-Type"].lower()
        assert re.fullmatch(r"[a-z]+/[a-z0-9.+-]+; ?charset=utf-8", content_type), (
            name,
            content_type,
        )
    assert public_pages["news rss"]["Content-Type"].startswith("application/rss+xml")
    assert public_pages["news atom"]["Content-Type"].startswith("application/atom+xml")
    assert public_pages["calendar"]["Content-Type"].startswith("text/calendar")
    assert public_pages["sitemap"]["Content-Type"].startswith("application/xml")
    assert public_pages["robots"]["Content-Type"].startswith("text/plain")
    assert public_pages["home"]["Content-Type"].startswith("text/html")


def test_no_public_url_sets_a_cookie(public_pages):
    """An anonymous reader gets no session, CSRF or language cookie from any public URL."""
    for name, response in public_pages.items():
        assert response.cookies == {}, name
        assert "Set-Cookie" not in response.headers, name


def test_other_answers_say_their_type_and_charset(client):
    """The health check, the beacon, a 404 and a refused method name UTF-8 too."""
    article = ArticleFactory(slug="story")
    for response in (
        client.get("/healthz"),
        client.post(reverse("newsroom:record_read", kwargs={"slug": article.slug})),
        client.get("/news/no-such-story/"),
        client.get(reverse("newsroom:record_read", kwargs={"slug": article.slug})),
        client.get("/admin/login/"),
    ):
        assert "charset=utf-8" in response["Content-Type"].lower(), response.request["PATH_INFO"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "Permissions-Policy" in response


# The admin ----------------------------------------------------------------------------

INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)([^>]*)>", re.I)
STYLE_ELEMENT = re.compile(r"<style\b([^>]*)>", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)
HANDLER_ATTRIBUTE = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
# Inline <script> types a browser never runs (data for scripts that come from files).
DATA_TYPES = {"application/json", "application/ld+json"}


def admin_pages(client):
    """Twelve-plus admin pages: the index, lists, add and change forms with the editor,
    history, compare, recover, the accounts, the sign-in attempts and the sign-in page."""
    article, event, programme = ArticleFactory(), EventFactory(), ProgrammeFactory()
    manager = User.objects.create_superuser("root", "root@example.org", password=None)
    client.force_login(manager)
    change = reverse("admin:newsroom_article_change", args=[article.pk])
    from tests.test_backoffice_roles import form_data

    for title in ("Second title", "Third title"):
        client.post(change, {**form_data(client.get(change)), "title_en": title})
    first, second = Version.objects.get_for_object(article).order_by("pk")[:2]
    pages = [
        "/admin/",
        "/admin/newsroom/article/",
        "/admin/newsroom/article/add/",
        change,
        reverse("admin:newsroom_article_history", args=[article.pk]),
        reverse("admin:newsroom_article_compare", args=[article.pk])
        + f"?version_id1={first.pk}&version_id2={second.pk}",
        reverse("admin:newsroom_article_recoverlist"),
        reverse("admin:events_event_change", args=[event.pk]),
        reverse("admin:programmes_programme_change", args=[programme.pk]),
        reverse("admin:ilo_office_photo_add"),
        reverse("admin:pages_officepage_add"),
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_user_change", args=[manager.pk]),
        reverse("admin:axes_accessattempt_changelist"),
        reverse("admin:password_change"),
        "/vi/admin/newsroom/article/add/",
    ]
    responses = {path: client.get(path) for path in pages}
    client.logout()
    responses["/admin/login/"] = client.get("/admin/login/")
    return responses


def test_the_admin_has_a_strict_csp_and_uses_no_inline_code_without_its_nonce(client):
    """Every admin page: strict CSP; inline scripts and styles only with the page's nonce."""
    for path, response in admin_pages(client).items():
        assert response.status_code == 200, path
        assert_common_headers(response, path)
        csp = policy(response)
        nonces = {v for v in csp["script-src"] if v.startswith("'nonce-")}
        assert csp["script-src"] in (["'self'"], ["'self'", *nonces]), path
        assert csp["style-src"] == csp["script-src"], path
        html = response.content.decode()
        allowed = {f'nonce="{n[7:-1]}"' for n in nonces}
        for attrs in INLINE_SCRIPT.findall(html):
            kind = re.search(r'type="([^"]+)"', attrs)
            if kind and kind.group(1) in DATA_TYPES:
                continue
            assert any(a in attrs for a in allowed), (path, attrs)
        for attrs in STYLE_ELEMENT.findall(html):
            assert any(a in attrs for a in allowed), (path, attrs)
        assert not STYLE_ATTRIBUTE.search(html), (path, STYLE_ATTRIBUTE.search(html).group(0))
        assert not HANDLER_ATTRIBUTE.search(html), (path, HANDLER_ATTRIBUTE.search(html).group(0))


def test_the_editor_finds_its_css_in_a_file(client):
    """Tiptap's core CSS is served as a file; the page holds only the empty marker it looks for."""
    client.force_login(staff_user("Editor"))

    html = client.get(reverse("admin:newsroom_article_add")).content.decode()

    assert "backoffice/editor-core.css" in html
    assert re.search(r"<style data-tiptap-style nonce=\"[^\"]+\"></style>", html)
    css = (BASE_DIR / "static/backoffice/editor-core.css").read_text()
    assert ".ProseMirror" in css


def test_a_nonce_is_new_on_every_admin_response(client):
    """The nonce is not reused: two loads of the editor, two nonces."""
    client.force_login(staff_user("Editor"))
    url = reverse("admin:newsroom_article_add")

    first, second = (policy(client.get(url))["script-src"] for _ in range(2))

    assert first != second


# Passwords ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("username", "password"),
    [
        ("alice", "alicealice"),
        ("nguyenvana", "nguyenvananguyenvana"),
        ("nguyenvana", "NguyenVanA-NguyenVanA"),
        ("tran.thi.b", "my tran.thi.b password 2026"),
    ],
)
def test_a_password_built_from_the_username_is_refused(username, password):
    """The username doubled (or inside a longer password) is refused, whatever its length."""
    user = User(username=username, email=f"{username}@ilo.org")

    with pytest.raises(ValidationError) as refused:
        validate_password(password, user)

    assert any(e.code == "password_contains_username" for e in refused.value.error_list) or (
        len(password) < 12
    )


def test_a_password_that_does_not_contain_the_username_is_accepted():
    """A long passphrase of other words passes."""
    validate_password("correct horse battery staple 42", User(username="alice"))


# Production settings ------------------------------------------------------------------

PRODUCTION_PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
client = Client()
secure = client.get("/healthz", secure=True, headers={"host": "www.example.org"})
plain = client.get("/healthz", headers={"host": "www.example.org"})
print(json.dumps({
    "debug": settings.DEBUG,
    "session_cookie_secure": settings.SESSION_COOKIE_SECURE,
    "csrf_cookie_secure": settings.CSRF_COOKIE_SECURE,
    "session_cookie_httponly": settings.SESSION_COOKIE_HTTPONLY,
    "silenced": settings.SILENCED_SYSTEM_CHECKS,
    "hsts": secure.get("Strict-Transport-Security"),
    "secure_status": secure.status_code,
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location"),
    "permissions": secure.get("Permissions-Policy"),
}))
"""


@pytest.fixture
def production(tmp_path):
    """Run Python in a fresh process with a deploy's environment (as .ci/run's `prod`)."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "DATABASE_URL", "CACHE_URL", "PAGE_CACHE"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="ilo_office.settings",
        SECRET_KEY="production-probe-" + "k" * 60,
        ALLOWED_HOSTS="www.example.org",
        CSRF_TRUSTED_ORIGINS="https://www.example.org",
        SITE_URL="https://www.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'probe.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        CACHE_DIR=str(tmp_path / "cache"),
    )

    def run(*args):
        return subprocess.run(  # noqa: S603 - our own interpreter and manage.py, fixed arguments
            [sys.executable, *args],
            cwd=BASE_DIR,
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
        )

    return run


def test_production_settings_send_hsts_and_mark_cookies_secure(production):
    """With DEBUG off: HTTPS only (redirect, one year of HSTS), cookies Secure and HttpOnly."""
    result = production("-c", PRODUCTION_PROBE)
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])

    assert probe["debug"] is False
    assert probe["session_cookie_secure"] is True
    assert probe["csrf_cookie_secure"] is True
    assert probe["session_cookie_httponly"] is True
    assert probe["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert probe["plain_status"] == 301
    assert probe["plain_location"] == "https://www.example.org/healthz"
    assert "camera=()" in probe["permissions"]


def test_check_deploy_is_clean_with_nothing_silenced(production):
    """`manage.py check --deploy --fail-level WARNING` passes as CI runs it, nothing silenced."""
    result = production("manage.py", "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert django_settings.SILENCED_SYSTEM_CHECKS == []


def test_sign_in_sets_only_http_only_session_cookie(client):
    """The staff session cookie is HttpOnly and SameSite=Lax; the CSRF cookie is SameSite too."""
    User.objects.create_user("editor", password="correct horse battery staple 42", is_staff=True)
    client.get("/admin/login/")
    response = client.post(
        "/admin/login/",
        {"username": "editor", "password": "correct horse battery staple 42", "next": "/admin/"},
    )

    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["httponly"]
    assert session["samesite"] == "Lax"
    assert Client().get("/").cookies == {}
