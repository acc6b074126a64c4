"""The news and events sections of the area-of-work and partner pages: one partial."""

from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from tests.factories import PartnerFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("factory", "english"),
    [
        (ThemeFactory, "No news in this area yet: subscribe to be told of the first."),
        (PartnerFactory, "No news with this partner yet."),
    ],
)
def test_empty_hub_says_so_in_the_readers_language(client, factory, english):
    """The partial's texts, passed in by each page, are translated on /vi/."""
    hub = factory()
    assert english in client.get(hub.get_absolute_url()).content.decode()
    with translation.override("vi"):
        vietnamese = translation.gettext(english)
        url = hub.get_absolute_url()
    assert vietnamese != english
    assert vietnamese in client.get(url).content.decode()


def test_hub_pages_share_one_partial():
    for name in ("theme_detail.html", "partner_detail.html"):
        text = (Path(settings.BASE_DIR) / "templates" / "programmes" / name).read_text()
        assert '{% include "includes/hub_news_events.html"' in text, name
        assert 'aria-labelledby="latest-news"' not in text, name


def _templates(*names):
    root = Path(settings.BASE_DIR) / "templates"
    return {name: (root / name).read_text() for name in names}


def test_feed_links_are_written_by_one_partial():
    """Issue 14 (9): every page that offers a feed writes its links through one partial,
    so that RSS and Atom are offered, typed and worded the same way everywhere."""
    pages = _templates(
        "includes/hub_news_events.html",
        "programmes/programme_detail.html",
        "publications/_hub_block.html",
        "publications/publication_list.html",
        "newsroom/_side.html",
        "newsroom/article_list.html",
        "events/event_list.html",
        "opportunities/opportunity_list.html",
    )
    for name, text in pages.items():
        assert '{% include "includes/feed_links.html"' in text, name
        assert 'type="application/atom+xml">' not in text, name
        assert "(RSS)</a>" not in text, name


def test_article_and_publication_footers_are_one_partial():
    pages = _templates("newsroom/article_detail.html", "publications/publication_detail.html")
    for name, text in pages.items():
        assert '{% include "includes/related_links.html"' in text, name
        assert 'class="related-links"' not in text, name


@pytest.mark.parametrize(
    "url",
    ["/events/", "/opportunities/", "/publications/", "/news/"],
)
def test_list_pages_offer_rss_and_atom(client, url):
    """Events and calls had an Atom feed that no page offered."""
    html = client.get(url).content.decode()
    assert 'type="application/rss+xml">' in html
    assert 'type="application/atom+xml">Atom</a>' in html
