"""The design as a reader meets it: phone screens, the keyboard, Vietnamese type."""

import pytest

from tests.browser.site_pages import every_page_type, in_both_languages

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def test_every_page_fits_a_phone_screen_without_sideways_scrolling(demo_site, phone):
    """On a 390 px wide phone no page type, in either language, scrolls sideways."""
    too_wide = {}
    for path, _lang in in_both_languages(every_page_type()):
        phone.goto(demo_site.url + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[path] = width
    assert too_wide == {}


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(demo_site, page):
    """The first Tab shows "Skip to main content"; Enter puts the focus on the main content."""
    page.goto(demo_site.url + "/news/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("link => link === document.activeElement")
    box = skip.bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0  # moved on screen, not left at -999px
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_keyboard_focus_is_outlined(demo_site, page):
    """A link reached with the keyboard carries a visible outline at least 2 px wide."""
    page.goto(demo_site.url + "/")
    for _ in range(3):
        page.keyboard.press("Tab")
    outline = page.evaluate(
        """() => { const el = document.activeElement, s = getComputedStyle(el);
                   return [el.tagName, s.outlineStyle, parseFloat(s.outlineWidth)]; }"""
    )
    assert outline[0] in ("A", "INPUT", "BUTTON")
    assert outline[1] != "none" and outline[2] >= 2


def test_vietnamese_text_is_drawn_in_the_self_hosted_font(demo_site, page):
    """On /vi/ the Vietnamese letters come from the site's own Noto Sans files, loaded."""
    fonts = []
    page.on("response", lambda r: "/static/fonts/" in r.url and fonts.append(r.url))
    page.goto(demo_site.url + "/vi/", wait_until="networkidle")
    assert page.evaluate("document.fonts.check('16px \"Noto Sans\"', 'Việt Nam đổi mới')")
    assert any("noto-sans-vietnamese-400" in url for url in fonts)
    assert all(url.startswith(demo_site.url) for url in fonts)
