"""WCAG 2.1 A/AA checks with axe-core on every page type, in English and in Vietnamese.

axe-core comes from the npm registry, pinned in tests/browser/package-lock.json and
installed with `npm ci --ignore-scripts --prefix tests/browser` (.ci/run does this
before the suite).
"""

import os
from pathlib import Path

import pytest

from tests.browser.site_pages import (
    every_page_type,
    in_both_languages,
    not_found_pages,
    server_error_html,
)

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}

RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {
    runOnly: {type: "tag", values: tags}, resultTypes: ["violations"],
  });
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map(n => n.target.join(" ")),
  }));
}"""


@pytest.fixture(scope="module")
def axe_source():
    if not AXE.exists():
        reason = "axe-core is not installed: npm ci --ignore-scripts --prefix tests/browser"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def csp_free_page(browser):
    # axe is injected as a script element; a Content-Security-Policy would rightly block
    # it, and what is measured is the page, not the policy.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    yield context.new_page()
    context.close()


def audit(page, axe_source):
    """The serious and critical WCAG 2.1 A/AA violations axe finds on the loaded page."""
    page.add_script_tag(content=axe_source)
    violations = page.evaluate(RUN_AXE, WCAG_TAGS)
    return [v for v in violations if v["impact"] in BLOCKING]


def test_no_serious_accessibility_violations_on_any_page_in_either_language(
    demo_site, csp_free_page, axe_source
):
    """axe-core finds no serious or critical WCAG 2.1 A/AA violation on any page type."""
    report = []
    for path, _lang in in_both_languages(every_page_type()):
        response = csp_free_page.goto(demo_site.url + path)
        assert response.status == 200, path
        for v in audit(csp_free_page, axe_source):
            report.append(f"{path}: [{v['impact']}] {v['id']}: {v['help']}")
            report.extend(f"    {target}" for target in v["targets"][:5])
    print("\n".join(report))
    assert report == []


def test_error_pages_have_no_serious_accessibility_violations(demo_site, csp_free_page, axe_source):
    """The 404 page in both languages and the 500 page pass the same axe-core audit."""
    report = []
    for path, _lang in not_found_pages():
        response = csp_free_page.goto(demo_site.url + path)
        assert response.status == 404, path
        report.extend(
            f"{path}: {v['id']}: {v['help']} {v['targets'][:5]}"
            for v in audit(csp_free_page, axe_source)
        )
    # The 500 page served at an address of the live server, so its stylesheet loads.
    html = server_error_html()
    csp_free_page.route(
        demo_site.url + "/broken/",
        lambda route: route.fulfill(status=500, body=html, content_type="text/html"),
    )
    csp_free_page.goto(demo_site.url + "/broken/")
    assert csp_free_page.locator("h1").count() == 1
    report.extend(
        f"500: {v['id']}: {v['help']} {v['targets'][:5]}" for v in audit(csp_free_page, axe_source)
    )
    print("\n".join(report))
    assert report == []


def test_audit_reports_a_serious_violation_when_there_is_one(demo_site, csp_free_page, axe_source):
    """The check can fail: an image without alt text on a page is reported."""
    csp_free_page.goto(demo_site.url + "/")
    csp_free_page.evaluate(
        """() => { const img = document.createElement("img"); img.src = "/missing.png";
                   document.querySelector("main").append(img); }"""
    )
    assert "image-alt" in {v["id"] for v in audit(csp_free_page, axe_source)}


def test_filter_selects_say_what_their_empty_choice_means(demo_site, page):
    """Every filter select starts with a choice in words ("Any kind"), never "---------"."""
    first_options = {}
    for path in ("/news/", "/events/", "/events/past/", "/programmes/"):
        page.goto(demo_site.url + path)
        for select in page.locator("form.filters select").all():
            label = page.locator(f"label[for='{select.get_attribute('id')}']").inner_text()
            first_options[f"{path} {label}"] = select.locator("option").first.inner_text()
    assert first_options["/news/ Kind:"] == "Any kind"
    assert first_options["/events/ Programme:"] == "All programmes"
    assert [key for key, text in first_options.items() if not text.strip("- ")] == []
