"""What a reader sees in a real browser (headless Chromium) on the demo site."""

from urllib.parse import urlsplit

import pytest

from events.models import Event
from newsroom.models import Article
from programmes.models import Partner, Programme, Theme

pytestmark = pytest.mark.django_db(transaction=True)


def page_types():
    """One URL of every public page type, from the demo content."""
    article = Article.objects.published().order_by("publish_at").first()
    event = Event.objects.published().order_by("start_date").first()
    programme = Programme.objects.published().get(slug="better-work-viet-nam")
    theme = Theme.objects.order_by("order").first()
    partner = Partner.objects.get(slug="molisa")
    return [
        "/",
        "/news/",
        article.get_absolute_url(),
        "/events/",
        "/events/past/",
        event.get_absolute_url(),
        "/programmes/",
        programme.get_absolute_url(),
        "/areas-of-work/",
        theme.get_absolute_url(),
        "/partners/",
        partner.get_absolute_url(),
    ]


def watch(page, origin):
    """Collect what went wrong while a page loads: errors, failed or foreign requests."""
    problems = []
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url} {r.failure}"))

    def on_response(response):
        if response.status >= 400:
            problems.append(f"HTTP {response.status}: {response.url}")

    def on_request(request):
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https") and f"{parts.scheme}://{parts.netloc}" != origin:
            problems.append(f"third-party request: {request.url}")

    page.on("response", on_response)
    page.on("request", on_request)
    return problems


def test_every_page_type_loads_cleanly_in_both_languages(demo_site, page):
    """Every page type renders in both languages with no error and no third-party request."""
    problems = watch(page, demo_site.url)
    for path in page_types():
        for prefix, lang in (("", "en"), ("/vi", "vi")):
            # "networkidle": the read beacon an article sends on load must finish, not be cut
            # off by the next navigation.
            response = page.goto(demo_site.url + prefix + path, wait_until="networkidle")
            assert response.status == 200, (prefix + path, response.status)
            assert page.locator("html").get_attribute("lang") == lang, prefix + path
            assert page.locator("h1").count() == 1, prefix + path
    assert problems == []


def test_language_switch_round_trip_keeps_the_page(demo_site, page):
    """From /news/ the Vietnamese link leads to /vi/news/, and the English link back to /news/."""
    page.goto(demo_site.url + "/news/")
    page.get_by_role("link", name="Tiếng Việt").click()
    page.wait_for_url(demo_site.url + "/vi/news/")
    assert page.locator("html").get_attribute("lang") == "vi"
    page.get_by_role("link", name="English").click()
    page.wait_for_url(demo_site.url + "/news/")
    assert page.locator("html").get_attribute("lang") == "en"


def test_filters_work_without_javascript(demo_site, browser):
    """With scripts off, a year chosen on the past events page filters the list."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(demo_site.url + "/events/past/")
        page.get_by_label("Year").select_option("2020")
        page.get_by_role("button", name="Apply filters").click()
        # Wait for the filtered page itself: the current one is already "loaded".
        page.wait_for_url("**year=2020**")
        assert page.get_by_role("heading", name="September 2020").count() == 1
    finally:
        context.close()
