"""Page weight: what a reader on a slow phone connection downloads on a first visit.

The home, news list and article pages, the publications list and a publication, and
the list of open vacancies and calls must each transfer under 200 KB, photos and
covers excluded (they are lazy-loaded below the fold and sized to the screen). Measured in
Chromium on a cold cache: every request the page makes (HTML, stylesheet, fonts,
scripts, the read beacon), headers and bodies as they crossed the wire. The test
server sends static files uncompressed, so this is an upper bound of production,
where WhiteNoise serves them gzip- or brotli-compressed (README, "Page weight").
"""

import pytest

from newsroom.models import Article
from publications.models import Publication
from tests.browser.site_pages import LANGUAGE_PREFIXES

pytestmark = pytest.mark.django_db(transaction=True)

BUDGET = 200 * 1024


def first_visit_weight(browser, url):
    """Bytes transferred for everything but images on a first visit, by URL."""
    # A fresh context is a cold cache: nothing from an earlier page is reused.
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    weights = {}

    def on_finished(request):
        if request.resource_type != "image":
            sizes = request.sizes()
            weights[request.url] = sizes["responseHeadersSize"] + sizes["responseBodySize"]

    page.on("requestfinished", on_finished)
    try:
        page.goto(url, wait_until="networkidle")
        images = page.locator("img").evaluate_all(
            "imgs => imgs.map(i => [i.getAttribute('loading'), i.getAttribute('fetchpriority')])"
        )
    finally:
        context.close()
    return weights, images


def budget_pages():
    article = Article.objects.published().order_by("-publish_at").first()
    # The demo's report with a cover made from its PDF and a link to its launch event.
    publication = Publication.objects.published().get(slug="national-child-labour-survey-2018")
    return [
        "/",
        "/news/",
        article.get_absolute_url(),
        "/publications/",
        publication.get_absolute_url(),
        "/opportunities/",
    ]


def test_reader_pages_stay_under_200_kb_without_photos(demo_site, browser):
    """Home, news, an article, publications, a publication and the open calls, in each
    language: each transfers under 200 KB besides photos."""
    report = {}
    for path in budget_pages():
        for prefix, _lang in LANGUAGE_PREFIXES:
            weights, _images = first_visit_weight(browser, demo_site.url + prefix + path)
            report[prefix + path] = (sum(weights.values()), weights)
    for path, (total, weights) in report.items():
        print(f"{path}: {total / 1024:.1f} KB")
        for url, size in sorted(weights.items(), key=lambda item: -item[1]):
            print(f"    {size / 1024:6.1f} KB  {url.removeprefix(demo_site.url)}")
    assert {path: total for path, (total, _) in report.items() if total >= BUDGET} == {}
    # The stylesheet and the fonts were counted: the measurement saw more than the HTML.
    assert all(len(weights) >= 3 for _total, weights in report.values())


def test_only_the_first_photo_loads_eagerly(demo_site, browser):
    """On the news list the first photo is eager and fetched first; all others are lazy."""
    _weights, images = first_visit_weight(browser, demo_site.url + "/news/")
    assert images[0] == ["eager", "high"]
    assert images[1:] and all(image == ["lazy", None] for image in images[1:])


def test_only_the_first_publication_cover_loads_eagerly(demo_site, browser):
    """On the publications list the first cover (made from each PDF's first page) is eager
    and fetched first; the others load as the reader scrolls to them."""
    _weights, images = first_visit_weight(browser, demo_site.url + "/publications/")
    assert images[0] == ["eager", "high"]
    assert images[1:] and all(image == ["lazy", None] for image in images[1:])
