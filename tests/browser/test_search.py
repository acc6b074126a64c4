"""Search in a real browser on the demo content: the header box, folded matching, highlights."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def search_from_header(page, url, words):
    page.goto(url)
    page.locator(".site-header").get_by_role("searchbox").fill(words)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_viet_nam_finds_viet_nam_with_diacritics(page, demo_site):
    """On /vi/, typing "Viet Nam" in the header box finds and marks "Việt Nam"."""
    search_from_header(page, f"{demo_site.url}/vi/", "Viet Nam")
    assert page.url.startswith(f"{demo_site.url}/vi/search/?q=Viet+Nam")
    assert page.locator(".search-result").count() > 0
    assert page.locator(".search-result mark", has_text="Việt Nam").count() > 0


def test_header_search_works_in_english_without_javascript(browser, demo_site):
    """With JavaScript off, the header form still lands on the results page."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    search_from_header(page, f"{demo_site.url}/", "better work")
    assert page.get_by_role("heading", level=1).inner_text() == "Search"
    assert page.locator(".search-result h2", has_text="Better Work").count() > 0
    context.close()
