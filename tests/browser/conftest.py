"""Headless Chromium for the browser checks: Debian's `chromium`, driven by Playwright.

Playwright's own browser download cannot work on our machines, so the browser is
the system one (`executable_path`). Outside CI a machine without chromium skips
these tests with the command that installs it; in CI (CI=true) a missing browser
fails the run, so a green CI always means the browser checks ran.
"""

import os
import shutil

import pytest
from django.core.management import call_command

CHROMIUM_ARGS = [
    # Without these, Chromium reaches for Google's services at start, and this
    # network refuses the connections (noise, and seconds lost per launch).
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-gpu",
]


@pytest.fixture(scope="module")
def browser():
    executable = shutil.which("chromium")
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs it with apt-get")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread; Django
    # refuses ORM calls from a thread with a running loop unless told it is safe.
    # It is: the test and the live server each make plain synchronous calls.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS, chromium_sandbox=False
        )
        yield chromium
        chromium.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def demo_site(transactional_db, live_server):
    """The live server with the demo content, as a reader after `scripts/serve` sees it."""
    call_command("load_demo_content", verbosity=0)
    from tests.browser.site_pages import add_example_opportunities

    add_example_opportunities()
    return live_server
