"""The editorial round trip in a real browser: a contributor writes, an editor publishes."""

import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.factories import staff_user

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Workers in Dong Nai gain a new training centre"
PASSWORD = "a-long-test-passphrase-2026"


def jpeg(width=1200, height=675):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


def log_in(page, base, username):
    page.goto(f"{base}/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base}/admin/")


def test_contributor_writes_editor_previews_and_publishes(demo_site, browser):
    """A contributor uploads a photo and submits an article; an editor previews and publishes it."""
    base = demo_site.url
    staff_user("Contributor", username="lan", password=PASSWORD)
    staff_user("Editor", username="minh", password=PASSWORD)

    # The contributor: a photo into the shared library, then the article.
    contributor = browser.new_context()
    page = contributor.new_page()
    log_in(page, base, "lan")
    page.goto(f"{base}/admin/ilo_office/photo/add/")
    page.locator("#id_title").fill("Training centre in Dong Nai")
    page.locator("#id_image").set_input_files(
        files=[{"name": "centre.jpg", "mimeType": "image/jpeg", "buffer": jpeg()}]
    )
    page.locator("#id_alt_text_en").fill("Trainees at sewing machines in a bright workshop")
    page.locator("#id_credit").fill("© ILO/Test")
    page.locator("input[name=_save]").first.click()
    expect(page.locator(".messagelist .success")).to_have_count(1)

    page.goto(f"{base}/admin/newsroom/article/add/")
    page.locator("#id_title_en").fill(TITLE)
    page.locator("#id_standfirst_en").fill("A centre opens for garment workers.")
    editor = page.locator(".field-body_en [contenteditable=true]").first
    editor.click()
    editor.type("The centre will train 500 workers a year.")
    page.locator(".field-hero .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill("Training centre")
    page.locator(".select2-results__option", has_text="Training centre in Dong Nai").click()
    # A contributor has no Publish button at all.
    assert page.locator("input[name=_publish]").count() == 0
    page.locator("input[name=_submit]").first.click()
    expect(page.locator(".messagelist .success")).to_have_count(1)
    contributor.close()

    # Not public while it waits for review.
    reader = browser.new_context()
    public = reader.new_page()
    public.goto(f"{base}/news/")
    assert public.get_by_text(TITLE).count() == 0

    # The editor finds it on the dashboard, previews it, publishes it.
    editor_context = browser.new_context()
    page = editor_context.new_page()
    log_in(page, base, "minh")
    page.get_by_role("link", name=TITLE).first.click()
    page.locator("input[name=_preview]").first.click()
    page.wait_for_url("**/preview/**")
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    assert page.get_by_text("The centre will train 500 workers a year.").count() == 1
    assert page.locator("img[alt='Trainees at sewing machines in a bright workshop']").count() >= 1
    page.go_back()
    page.locator("input[name=_publish]").first.click()
    expect(page.locator(".messagelist .success")).to_have_count(1)
    editor_context.close()

    # Public at once: on the news page and in the news feed.
    public.goto(f"{base}/news/")
    expect(public.get_by_role("link", name=TITLE).first).to_be_visible()
    feed = reader.request.get(f"{base}/news/feed/rss/")
    assert feed.ok
    assert TITLE in feed.text()
    reader.close()


def test_editor_sends_back_with_a_comment_and_the_author_fixes_and_resubmits(live_server, browser):
    """An editor sends a submitted article back with a comment; its author sees the request
    on the dashboard and the form, fixes the text and submits again; the editor publishes."""
    from tests.factories import ArticleFactory

    base = live_server.url
    staff_user("Contributor", username="lan", password=PASSWORD)
    staff_user("Editor", username="minh", password=PASSWORD, first_name="Minh")
    article = ArticleFactory(title="Wages rise by 6 percent", draft=True)
    change = f"{base}/admin/newsroom/article/{article.pk}/change/"
    request = "Say which regions: the 6 percent is for region I only."

    author = browser.new_context(viewport={"width": 1280, "height": 900})
    page = author.new_page()
    log_in(page, base, "lan")
    page.goto(change)
    page.locator("input[name=_submit]").first.click()
    expect(page.locator(".messagelist .success")).to_have_count(1)

    editor = browser.new_context(viewport={"width": 1280, "height": 900})
    desk = editor.new_page()
    log_in(desk, base, "minh")
    desk.get_by_role("link", name="Wages rise by 6 percent").first.click()
    # Sending back without saying why is refused with a clear error, and nothing moves.
    desk.get_by_role("button", name="Send back with comment").click()
    # Said twice: in the summary of errors at the top of the form, and at the field.
    expect(desk.get_by_text("Say what the author should change").last).to_be_visible()
    expect(desk.locator("nav.error-summary")).to_be_visible()
    desk.get_by_label("What should the author change?").fill(request)
    desk.get_by_role("button", name="Send back with comment").click()
    expect(desk.locator(".messagelist .success")).to_have_count(1)

    page.goto(f"{base}/admin/")
    drafts = page.locator(".dashboard-drafts")
    expect(drafts.get_by_text("Changes requested")).to_be_visible()
    drafts.get_by_role("link", name="Wages rise by 6 percent").click()
    box = page.locator(".workflow-request")
    expect(box).to_contain_text("Minh sent this item back to its author")
    expect(box).to_contain_text(request)
    page.locator("#id_title_en").fill("Wages rise by 6 percent in region I")
    page.locator("input[name=_submit]").first.click()
    expect(page.locator(".messagelist .success")).to_have_count(1)
    expect(page.locator(".workflow-request")).to_have_count(0)
    author.close()

    desk.goto(change)
    history = desk.locator(".publishing-log")
    expect(history).to_contain_text("Sent back to the author")
    expect(history).to_contain_text(request)
    desk.locator("input[name=_publish]").first.click()
    expect(desk.locator(".messagelist .success")).to_have_count(1)
    editor.close()


def test_contributor_proposes_a_correction_and_an_editor_publishes_it(live_server, browser):
    """A published article is read-only to a contributor, its body rendered; they propose a
    correction in the rich-text editor; readers keep the old text until an editor publishes."""
    from tests.factories import ArticleFactory

    base = live_server.url
    staff_user("Contributor", username="lan", password=PASSWORD)
    staff_user("Editor", username="minh", password=PASSWORD)
    article = ArticleFactory(title="Wages rise", body="<p>In <strong>all</strong> regions.</p>")
    change = f"{base}/admin/newsroom/article/{article.pk}/change/"

    author = browser.new_context(viewport={"width": 1280, "height": 900})
    page = author.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    log_in(page, base, "lan")
    page.goto(change)
    expect(page.locator(".field-rendered_body_en strong")).to_have_text("all")
    page.get_by_role("link", name="Propose a correction").click()
    body = page.locator(".field-body_en [contenteditable=true]").first
    expect(body).to_be_visible()
    body.click()
    page.keyboard.press("End")
    body.type(" Except region IV.")
    page.get_by_label("What is corrected, and why?").fill("Region IV is excluded.")
    page.get_by_role("button", name="Send the correction to the editors").click()
    expect(page.locator(".messagelist .success")).to_have_count(1)
    assert errors == []  # the editor loads under the CSP
    author.close()

    reader = browser.new_context()
    public = reader.new_page()
    public.goto(f"{base}{article.get_absolute_url()}")
    assert public.get_by_text("Except region IV.").count() == 0

    editor = browser.new_context(viewport={"width": 1280, "height": 900})
    desk = editor.new_page()
    log_in(desk, base, "minh")
    desk.goto(change)
    expect(desk.locator(".workflow-correction")).to_contain_text("Region IV is excluded.")
    desk.get_by_role("button", name="Publish this correction").click()
    expect(desk.locator(".messagelist .success")).to_have_count(1)
    editor.close()

    public.goto(f"{base}{article.get_absolute_url()}")
    expect(public.get_by_text("Except region IV.", exact=False)).to_have_count(1)
    reader.close()
