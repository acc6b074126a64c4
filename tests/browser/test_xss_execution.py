"""Stored XSS, as a browser sees it: nothing staff typed ever runs.

The whole corpus of tests/test_xss_corpus.py (plus payloads that write a console
marker instead of opening a dialog) is stored in every text field of a linked site;
headless Chromium then loads the main public pages in both languages and the
admin's list, change form, history and compare views, listening for dialogs
(alert, confirm, prompt), for the marker on the console and for a global the
payloads set. Any of them fails the test: the parser-based checks of
test_xss_corpus.py say the markup is inert, this says the browser agrees.
"""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.test_xss_corpus import CORPUS, admin_pages, hostile_site, public_pages

MARKER = "XSS-EXECUTED-7f3a"
MARKER_PAYLOADS = [
    f"<img src=x onerror=\"console.log('{MARKER}');window.__xss=1\">",
    f"<script>console.log('{MARKER}');window.__xss=1</script>",
    f"<svg onload=\"console.log('{MARKER}');window.__xss=1\">",
    f'"><iframe srcdoc="<script>parent.console.log(\'{MARKER}\')</script>">',
    f"<a id=x tabindex=1 onfocus=\"console.log('{MARKER}')\" autofocus>x</a>",
]


@pytest.fixture
def hostile(transactional_db, live_server, django_user_model):
    admin = django_user_model.objects.create_superuser("site-admin", "admin@example.org")
    site = hostile_site(MARKER_PAYLOADS + CORPUS, admin)
    client = Client()
    client.force_login(admin)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    return live_server, site, session


def test_no_stored_payload_runs_in_the_browser(hostile, browser):
    """Public pages (both languages), search and the admin: no dialog, marker or global."""
    live_server, site, session = hostile
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    executed = []
    page = context.new_page()
    page.on(
        "dialog", lambda dialog: (executed.append(f"dialog {dialog.message}"), dialog.dismiss())
    )
    page.on("console", lambda msg: MARKER in msg.text and executed.append(f"console {msg.text}"))
    urls = [*public_pages(site), "/search/?q=alert", reverse("events:event_list")]
    try:
        # The listeners work: the same payloads, outside our pages, do run.
        page.set_content(MARKER_PAYLOADS[0] + "<img src=x onerror=alert(1)>")
        page.wait_for_timeout(200)
        assert len(executed) == 2, f"the listeners saw {executed}"
        executed.clear()
        for url in urls:
            page.goto(live_server.url + url, wait_until="load")
            page.wait_for_timeout(50)  # handlers that fire on load, focus or a timer
            assert not page.evaluate("window.__xss"), url
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
        )
        for url in admin_pages(site):
            page.goto(live_server.url + url, wait_until="load")
            page.wait_for_timeout(50)
            assert not page.evaluate("window.__xss"), url
            assert "/login/" not in page.url, "the admin session did not carry over"
    finally:
        context.close()
    assert not executed, executed[:5]
