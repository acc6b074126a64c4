"""Database faults, health checks, request ids and log lines (issue 13, items j and l).

A database outage is simulated by making every SQL statement fail with the
OperationalError a stopped PostgreSQL raises ("connection refused"): the request then
goes through every middleware, the page cache and the view exactly as it would in an
outage.
"""

import io
import json
import logging
import os
import subprocess
import sys
from contextlib import contextmanager
from unittest import mock

import pytest
from django.conf import settings
from django.db import OperationalError, connection
from django.db.backends.utils import CursorWrapper
from django.test import Client
from django.urls import reverse

from ilo_office.backoffice.roles import EDITOR
from ilo_office.logs import ErrorReporterHandler, JsonFormatter, RequestIdFilter
from newsroom.models import Article
from tests.factories import ArticleFactory, staff_user
from tests.test_backoffice_roles import admin_url, form_data

pytestmark = pytest.mark.django_db

REFUSED = 'connection to server at "127.0.0.1", port 5432 failed: Connection refused'


@contextmanager
def database_down(only=None):
    """Every statement (or those whose SQL contains `only`) fails as in an outage."""
    real_execute = CursorWrapper.execute

    def execute(self, sql, params=None):
        if only is None or only in sql:
            raise OperationalError(REFUSED)
        return real_execute(self, sql, params)

    with mock.patch.object(CursorWrapper, "execute", execute):
        yield


def _assert_branded_503(response):
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Type"] == "text/html; charset=utf-8"
    html = response.content.decode()
    assert "ILO" in html and 'href="/static/css/site.css"' in html
    assert "Traceback" not in html and REFUSED not in html
    return html


@pytest.mark.parametrize("url", ["/", "/news/", "/events/", "/search/?q=labour"])
def test_reader_gets_branded_503_while_database_is_down(client, url):
    with database_down():
        response = client.get(url)
    html = _assert_branded_503(response)
    assert "briefly unavailable" in html
    assert response["X-Request-ID"] in html  # the reference a reader can quote


def test_503_is_in_the_language_of_the_address(client):
    with database_down():
        response = client.get("/vi/news/")
    html = _assert_branded_503(response)
    assert '<html lang="vi">' in html
    assert 'href="/vi/"' in html
    assert "Trang web tạm thời không truy cập được" in html


def test_503_page_renders_without_the_database(rf, django_assert_num_queries):
    from ilo_office.faults import unavailable_response

    request = rf.get("/news/")
    with django_assert_num_queries(0):
        response = unavailable_response(request, OperationalError(REFUSED))
    assert response.status_code == 503


def test_503_is_never_stored_by_the_page_cache(client):
    ArticleFactory(title="Still here after the outage", slug="still-here")
    with database_down():
        assert client.get("/news/still-here/").status_code == 503
    response = client.get("/news/still-here/")
    assert response.status_code == 200
    assert "Still here after the outage" in response.content.decode()


def test_outage_is_logged_once_without_a_traceback(client, caplog):
    caplog.set_level(logging.INFO)
    with database_down():
        response = client.get("/news/")
    records = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(records) == 1, [r.getMessage() for r in records]
    assert records[0].name == "ilo_office.faults"
    assert records[0].exc_info is None
    assert records[0].request_id == response["X-Request-ID"]


def test_outage_outside_a_view_also_answers_503():
    """Raised in a middleware (here the page cache), not in the view: handler500's turn."""
    client = Client(raise_request_exception=False)
    with mock.patch(
        "ilo_office.pagecache.PageCacheMiddleware.__call__",
        side_effect=OperationalError(REFUSED),
    ):
        response = client.get("/news/")
    html = _assert_branded_503(response)
    assert "briefly unavailable" in html


def test_post_outage_outside_a_view_says_not_saved(rf):
    from ilo_office.faults import server_error

    try:
        raise OperationalError(REFUSED)
    except OperationalError:
        response = server_error(rf.post("/admin/newsroom/article/1/change/"))
    assert "NOT saved" in _assert_branded_503(response)


def test_liveness_answers_without_the_database(client):
    with database_down():
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-store" in response["Cache-Control"]


def test_readiness_reports_database_and_cache(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] and body["checks"]["cache"]["ok"]


def test_readiness_says_503_while_the_database_is_down(client):
    with database_down():
        response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"]["ok"] is False
    assert "OperationalError" in body["checks"]["database"]["error"]
    assert body["checks"]["cache"]["ok"] is True


def test_readiness_with_cache_down_is_degraded_not_unavailable(client):
    with mock.patch("ilo_office.views.cache.get", return_value=None):
        response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"


@pytest.fixture
def editor_client(client):
    client.force_login(staff_user(EDITOR))
    return client


def test_staff_save_during_outage_is_refused_clearly(editor_client):
    article = ArticleFactory(title="Before the outage")
    url = admin_url(Article, "change", article.pk)
    data = form_data(editor_client.get(url))
    data["title_en"] = "Typed during the outage"
    with database_down():
        response = editor_client.post(url, data)
    html = _assert_branded_503(response)
    assert "Your change was NOT saved" in html
    article.refresh_from_db()
    assert article.title_en == "Before the outage"


def test_staff_save_failing_half_way_keeps_nothing(editor_client):
    """The database goes away after the row was updated, before the history entry."""
    article = ArticleFactory(title="Before the outage")
    url = admin_url(Article, "change", article.pk)
    data = form_data(editor_client.get(url))
    data["title_en"] = "Half saved?"
    with database_down(only='INSERT INTO "django_admin_log"'):
        response = editor_client.post(url, data)
    assert response.status_code == 503
    assert "NOT saved" in response.content.decode()
    article.refresh_from_db()
    assert article.title_en == "Before the outage"


# Request ids -------------------------------------------------------------------------


def test_every_response_carries_a_generated_request_id(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert len(first) == 32 and first != second


def test_request_id_from_the_trusted_proxy_is_kept(client, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    response = client.get(
        "/healthz", headers={"X-Request-ID": "a1b2c3d4e5f6-proxy"}, REMOTE_ADDR="10.0.0.5"
    )
    assert response["X-Request-ID"] == "a1b2c3d4e5f6-proxy"


@pytest.mark.parametrize("given", ["a1b2c3d4e5f6-client", "<script>x</script>", "x\ty" * 3])
def test_request_id_from_a_client_is_not_trusted(client, settings, given):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    response = client.get("/healthz", headers={"X-Request-ID": given}, REMOTE_ADDR="192.0.2.7")
    assert response["X-Request-ID"] != given
    assert len(response["X-Request-ID"]) == 32


def test_malformed_request_id_from_the_proxy_is_replaced(client, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    response = client.get("/healthz", headers={"X-Request-ID": "<b>" * 10}, REMOTE_ADDR="10.0.0.5")
    assert "<" not in response["X-Request-ID"]


# Log lines ---------------------------------------------------------------------------


@pytest.fixture
def log_lines():
    """What the site's console handler writes, as a list of lines."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield lambda: stream.getvalue().splitlines()
    finally:
        root.removeHandler(handler)


def test_site_logging_is_configured_as_json_lines():
    handlers = logging.getLogger().handlers
    assert any(isinstance(h.formatter, JsonFormatter) for h in handlers)
    assert any(isinstance(h, ErrorReporterHandler) for h in handlers)


def test_a_failed_request_is_one_json_line_with_its_request_id(log_lines):
    client = Client(raise_request_exception=False)
    with mock.patch("ilo_office.views.HomeView.get", side_effect=ValueError("boom\nsecond")):
        response = client.get("/")
    assert response.status_code == 500
    lines = [line for line in log_lines() if '"django.request"' in line]
    assert len(lines) == 1
    entry = json.loads(lines[0])
    assert entry["level"] == "ERROR"
    assert entry["logger"] == "django.request"
    assert entry["ts"].endswith("Z") and "T" in entry["ts"]
    assert entry["request_id"] == response["X-Request-ID"]
    assert entry["method"] == "GET" and entry["path"] == "/"
    assert entry["exc_type"] == "ValueError"
    assert "Traceback" in entry["exc"] and "boom" in entry["exc"]
    assert len(lines[0]) < 6000


def test_a_not_found_line_carries_the_request_id(client, log_lines):
    """Django logs 4xx answers after the middleware returned: the id must still be set."""
    response = client.get("/news/no-such-article/")
    assert response.status_code == 404
    entry = json.loads([line for line in log_lines() if "Not Found" in line][-1])
    assert entry["level"] == "WARNING"
    assert entry["request_id"] == response["X-Request-ID"]


def test_readiness_probe_in_an_outage_is_one_warning_not_an_error(client, caplog):
    with database_down():
        client.get("/readyz")
    levels = [(r.name, r.levelname) for r in caplog.records if r.levelno >= logging.WARNING]
    assert levels == [("ilo_office.views", "WARNING")]


def test_log_line_outside_a_request_has_no_request_id(log_lines):
    logging.getLogger("ilo_office.test").warning("plain %s", "message", extra={"n": 3})
    entry = json.loads(log_lines()[-1])
    assert entry["msg"] == "plain message"
    assert entry["request_id"] is None
    assert entry["n"] == 3


reports = []


def record_report(exc, *, request_id, record):
    reports.append((exc, request_id, record.name))


def test_error_reporter_hook_gets_the_exception_and_request_id(settings):
    settings.ERROR_REPORTER = "tests.test_faults.record_report"
    reports.clear()
    client = Client(raise_request_exception=False)
    with mock.patch("ilo_office.views.HomeView.get", side_effect=ValueError("reported")):
        response = client.get("/")
    assert len(reports) == 1
    exc, request_id, logger_name = reports[0]
    assert isinstance(exc, ValueError)
    assert request_id == response["X-Request-ID"]
    assert logger_name == "django.request"


# Database timeouts -------------------------------------------------------------------


def _settings_in_subprocess(**environ):
    code = (
        "import json, ilo_office.settings as s;"
        "print(json.dumps(s.DATABASES['default'].get('OPTIONS', {})))"
    )
    # Only what the interpreter needs, not this process's environment: earlier tests (the
    # browser suite's live server, say) may have left variables the settings would read.
    env = {k: os.environ[k] for k in ("PATH", "HOME", "LANG") if k in os.environ}
    env.update({"SECRET_KEY": "x" * 50, "PYTHONPATH": str(settings.BASE_DIR), **environ})
    # A fixed argv: this interpreter and the code above, no outside input.
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout)


def test_postgresql_connections_have_connect_and_statement_timeouts():
    options = _settings_in_subprocess(DATABASE_URL="postgres://ilo@db.internal:5432/ilo")
    assert options["connect_timeout"] == 3
    assert "-c statement_timeout=10000" in options["options"]
    assert "-c lock_timeout=5000" in options["options"]
    assert "-c idle_in_transaction_session_timeout=60000" in options["options"]


def test_database_timeouts_follow_the_environment():
    options = _settings_in_subprocess(
        DATABASE_URL="postgres://ilo@db.internal:5432/ilo",
        DB_CONNECT_TIMEOUT="5",
        DB_STATEMENT_TIMEOUT="2.5",
    )
    assert options["connect_timeout"] == 5
    assert "-c statement_timeout=2500" in options["options"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_live_connection_has_a_statement_timeout():
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] not in ("0", "0ms")


def test_health_urls_are_outside_the_language_prefixes():
    assert reverse("health") == "/healthz"
    assert reverse("ready") == "/readyz"
