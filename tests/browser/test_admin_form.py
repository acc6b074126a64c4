"""The article form as an editor sees it at 1280 px (issue 15): the rich-text toolbar's
pictures drawn inline, every button named, no missing-glyph boxes on a machine without
the icon font; title inputs as wide as their column."""

import pytest

from tests.factories import staff_user

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-passphrase-2026"

TOOLBAR = """(selector) => [...document.querySelectorAll(selector + ' .prose-menubar__button')]
  .map(b => ({
    name: (b.getAttribute('aria-label') || b.title || '').trim(),
    svg: !!b.querySelector('svg'),
    text: b.textContent.trim(),
    font: getComputedStyle(b).fontFamily,
  }))"""


@pytest.fixture
def article_form(live_server, browser):
    staff_user("Editor", username="minh", password=PASSWORD)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.get_by_label("Username").fill("minh")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/newsroom/article/add/")
    page.wait_for_selector(".fieldBox.field-body_en .prose-menubar__button")
    yield page, errors
    context.close()


def test_every_toolbar_button_is_an_inline_svg_with_a_name(article_form):
    """Bold, lists, link, table, undo...: each button holds an <svg>, no icon-font word,
    and has an accessible name; the block picker's arrow is no font character either."""
    page, errors = article_form
    buttons = page.evaluate(TOOLBAR, ".fieldBox.field-body_en")
    assert len(buttons) >= 10
    assert [b for b in buttons if not b["svg"]] == []
    assert [b for b in buttons if not b["name"]] == []
    # A ligature ("format_bold") left as text shows as that word, or a box, without the font.
    assert [b for b in buttons if b["text"]] == []
    assert not any("Material Icons" in b["font"] for b in buttons)
    arrow = page.evaluate(
        "getComputedStyle(document.querySelector("
        "'.fieldBox.field-body_en .prose-menubar__selected'), '::after').content"
    )
    assert arrow in ('""', "none")
    bold = page.locator(".fieldBox.field-body_en").get_by_role("button", name="bold")
    assert bold.locator("svg").count() == 1
    assert errors == []


def test_the_block_picker_keeps_an_svg_when_the_block_changes(article_form):
    """Turning a paragraph into a heading swaps the picker's picture: still an SVG, named."""
    page, _errors = article_form
    body = page.locator(".fieldBox.field-body_en")
    editor = body.locator("[contenteditable=true]").first
    editor.click()
    editor.type("Workers gain a training centre")
    body.locator(".prose-menubar__selected").click()
    body.locator(".prose-menubar__option[data-name=heading2]").click()
    picker = body.locator(".prose-menubar__selected .prose-menubar__button")
    assert picker.get_attribute("aria-label") == "heading 2"
    assert picker.locator("svg").count() == 1
    assert picker.inner_text().strip() == ""


def test_title_inputs_fill_their_language_column(article_form):
    """English and Vietnamese titles side by side, each input as wide as its half row."""
    page, _errors = article_form
    widths = page.evaluate(
        """['title_en', 'title_vi'].map(name => {
             const input = document.querySelector(`input[name=${name}]`);
             return [input.getBoundingClientRect().width,
                     input.closest('.fieldBox').getBoundingClientRect().width];
           })"""
    )
    for input_width, column_width in widths:
        assert input_width > 400
        assert input_width >= column_width * 0.9
