"""Full-page screenshots of every page type, phone and desktop, English and Vietnamese.

They are the acceptance record of how the site looks (issue 15): CI keeps the
directory as an artefact, nobody commits it. The files are named
<page>-<lang>-<width>.png and written to $SCREENSHOT_DIR (default var/screenshots/,
which .gitignore covers). The test also fails on what a reader would notice in
any of them: a page that scrolls sideways, a page that is (nearly) blank, a page
that did not load.
"""

import os
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import resolve
from PIL import Image

from tests.browser.site_pages import LANGUAGE_PREFIXES, every_page_type

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = {375: 812, 1280: 900}
# A white page with a line of black text already has a few dozen colours
# (anti-aliasing); a page with the header, footer and content has thousands.
# Below this the screenshot shows an empty or unstyled page.
MIN_COLOURS = 200
# The header and footer alone pass the colour count: the page's own content must be there too.
MIN_MAIN_TEXT = 20

# Lazy images below the fold load only when scrolled to; a full-page screenshot
# does not scroll, so walk the page once and wait for every image.
SCROLL_THROUGH = """async () => {
  const step = window.innerHeight;
  for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
    window.scrollTo(0, y);
    await new Promise(r => setTimeout(r, 30));
  }
  window.scrollTo(0, 0);
  await Promise.all([...document.images].filter(i => !i.complete).map(
    i => new Promise(r => { i.onload = i.onerror = r; })));
  await document.fonts.ready;
}"""


def screenshot_dir():
    return Path(os.environ.get("SCREENSHOT_DIR") or Path(settings.BASE_DIR) / "var" / "screenshots")


def named_page_types():
    """(name, path) for every page type; a name is its URL name, numbered when it repeats."""
    seen = Counter()
    named = []
    for path in every_page_type():
        name = resolve(path.split("?")[0]).url_name.replace("_", "-")
        seen[name] += 1
        named.append((name if seen[name] == 1 else f"{name}-{seen[name]}", path))
    return named


def distinct_colours(png):
    with Image.open(png) as image:
        rgb = image.convert("RGB")
        return len(rgb.getcolors(maxcolors=rgb.width * rgb.height))


def test_screenshots_of_every_page_type_show_a_whole_page_that_fits_the_screen(demo_site, browser):
    """Each page type at 375 and 1280 px in both languages: 200, no sideways scroll, not blank."""
    out = screenshot_dir()
    out.mkdir(parents=True, exist_ok=True)
    # Only this test's own files go: a page type renamed since the last run would
    # otherwise leave a stale picture among the artefacts.
    for _prefix, lang in LANGUAGE_PREFIXES:
        for width in WIDTHS:
            for old in out.glob(f"*-{lang}-{width}.png"):
                old.unlink()
    pages = named_page_types()
    problems = []
    for width, height in WIDTHS.items():
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        for name, path in pages:
            for prefix, lang in LANGUAGE_PREFIXES:
                label = f"{name}-{lang}-{width}"
                response = page.goto(demo_site.url + prefix + path)
                if response.status != 200:
                    problems.append(f"{label}: HTTP {response.status}")
                page.evaluate(SCROLL_THROUGH)
                main_text = page.evaluate(
                    "(document.querySelector('main')?.innerText || '').trim().length"
                )
                if main_text < MIN_MAIN_TEXT:
                    problems.append(f"{label}: {main_text} characters of content in <main>")
                scroll_width = page.evaluate("document.documentElement.scrollWidth")
                if scroll_width > width:
                    problems.append(f"{label}: {scroll_width} px wide on a {width} px screen")
                png = out / f"{label}.png"
                page.screenshot(path=png, full_page=True, animations="disabled")
                colours = distinct_colours(png)
                if colours <= MIN_COLOURS:
                    problems.append(f"{label}: nearly blank ({colours} colours)")
        context.close()
    assert problems == []
    written = [p for p in out.glob("*.png") if p.stem.rsplit("-", 2)[0] in dict(pages)]
    assert len(written) == len(pages) * len(LANGUAGE_PREFIXES) * len(WIDTHS)
