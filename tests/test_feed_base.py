"""Every RSS and Atom feed, news and events, hands readers text and stays well-formed XML.

Both apps' feeds stand on one base (ilo_office.feeds): what staff type is escaped as HTML
where readers take an element as HTML (RSS titles and descriptions, Atom summaries), and
control characters pasted into any field are dropped instead of breaking the XML.
"""

import html
from html.parser import HTMLParser
from xml.etree import ElementTree

import feedparser
import pytest
from django.urls import reverse
from django.utils import translation

from newsroom.models import Article
from tests.factories import (
    ArticleFactory,
    EventFactory,
    ProgrammeFactory,
    PublicationFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

MARKUP = "<img src=x onerror=alert(1)> Hanoi workshop"
CONTROL = "Hanoi\x0b\x1f workshop"

ARTICLE_TEXT_FIELDS = ("title", "standfirst", "body", "dateline", "source_name", "media_contact")
EVENT_TEXT_FIELDS = ("title", "summary", "description", "venue", "city", "country", "registration")
PUBLICATION_TEXT_FIELDS = ("title", "summary", "authors", "publisher")

# Elements that readers take (or may take) as HTML: their text, XML decoded, is what they render.
HTML_ELEMENTS = {"title", "description", "{http://www.w3.org/2005/Atom}summary"}
ATOM_TITLE = "{http://www.w3.org/2005/Atom}title"


def feed_urls():
    """Every feed of both apps, in English and Vietnamese: (app, address)."""
    names = [
        ("news", "newsroom:feed_rss", {}),
        ("news", "newsroom:feed_atom", {}),
        ("news", "newsroom:press_feed_rss", {}),
        ("news", "newsroom:press_feed_atom", {}),
        ("news", "newsroom:programme_feed_rss", {"slug": "hostile-programme"}),
        ("news", "newsroom:programme_feed_atom", {"slug": "hostile-programme"}),
        ("news", "newsroom:theme_feed_rss", {"slug": "hostile-theme"}),
        ("news", "newsroom:theme_feed_atom", {"slug": "hostile-theme"}),
        ("events", "events:feed_rss", {}),
        ("events", "events:feed_atom", {}),
        ("publications", "publications:feed_rss", {}),
        ("publications", "publications:feed_atom", {}),
        ("publications", "publications:programme_feed_rss", {"slug": "hostile-programme"}),
        ("publications", "publications:theme_feed_atom", {"slug": "hostile-theme"}),
    ]
    urls = []
    for language in ("en", "vi"):
        with translation.override(language):
            urls += [(app, reverse(name, kwargs=kwargs)) for app, name, kwargs in names]
    return urls


FEEDS = feed_urls()


def content_typed(text):
    """An article and an event with `text` in every text field, linked to a programme and
    an area of work named with it too (feed titles, descriptions and categories)."""
    programme = ProgrammeFactory(name=text, summary=text, slug="hostile-programme")
    theme = ThemeFactory(name=text, slug="hostile-theme")
    links = {"programmes": [programme], "themes": [theme]}
    ArticleFactory(
        kind=Article.Kind.PRESS_RELEASE, **dict.fromkeys(ARTICLE_TEXT_FIELDS, text), **links
    )
    EventFactory(**dict.fromkeys(EVENT_TEXT_FIELDS, text), **links)
    PublicationFactory(**dict.fromkeys(PUBLICATION_TEXT_FIELDS, text), **links)


class Markup(HTMLParser):
    """The tags and the text a reader's HTML renderer would find."""

    def __init__(self, markup):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def as_reader_shows(detail):
    """(tags, text) of a feedparser value as a reader renders it, by the type it decided on."""
    value = detail.value if detail.type == "text/html" else html.escape(detail.value)
    parsed = Markup(value)
    return parsed.tags, " ".join("".join(parsed.text).split())


def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    raw = response.content
    root = ElementTree.fromstring(raw)  # noqa: S314 - our own output
    parsed = feedparser.parse(raw)
    assert not parsed.bozo, f"{url}: {parsed.get('bozo_exception')}"
    (entry,) = parsed.entries
    return raw, root, entry


@pytest.mark.parametrize(("app", "url"), FEEDS)
def test_markup_typed_in_every_field_reaches_feed_readers_as_text(client, app, url):
    """A title like `<img src=x onerror=alert(1)>` is shown as typed, never run as HTML."""
    content_typed(MARKUP)
    raw, root, entry = read_feed(client, url)
    assert b"<img" not in raw, url
    for element in root.iter():
        if element.tag in HTML_ELEMENTS:
            # The event's own paragraphs at most: nothing that was typed.
            tags = Markup(element.text or "").tags
            assert set(tags) <= {"p"}, f"{url}: live markup in <{element.tag}>: {tags}"
    # Atom titles are declared text: they carry the text as typed.
    assert any(MARKUP in (e.text or "") for e in root.iter(ATOM_TITLE)) or "atom" not in url
    tags, title = as_reader_shows(entry.title_detail)
    assert (tags, title) == ([], MARKUP), url
    tags, summary = as_reader_shows(entry.summary_detail)
    assert set(tags) <= {"p"}, url  # the event's own paragraphs, nothing typed
    assert MARKUP in summary, url


@pytest.mark.parametrize(("app", "url"), FEEDS)
def test_control_characters_in_every_field_are_dropped_from_the_feed(client, app, url):
    """A vertical tab or unit separator pasted into any field leaves a well-formed feed."""
    content_typed(CONTROL)
    raw, _root, entry = read_feed(client, url)
    assert b"\x0b" not in raw and b"\x1f" not in raw, url
    assert as_reader_shows(entry.title_detail) == ([], "Hanoi workshop"), url
    assert "Hanoi workshop" in as_reader_shows(entry.summary_detail)[1], url
    assert "Hanoi workshop" in {tag.term for tag in entry.tags}, url
