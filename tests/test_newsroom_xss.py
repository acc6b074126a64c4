"""No text typed into an article reaches a page or a feed as live markup.

Every payload of the corpus goes into every text field of an article (title,
dateline, standfirst, body, media contact, outlet, original link, the hero's alt
text, caption and credit, the further photos' alt texts and captions). Then the
pages that show articles and every feed are read back: as a browser would parse
them (elements and attributes) and as bytes.
"""

import html
import json
import re
from html.parser import HTMLParser
from xml.etree import ElementTree

import feedparser
import pytest
from django.db import IntegrityError
from django.urls import reverse

from ilo_office.feeds import xml_safe
from newsroom.models import Article, ArticlePhoto
from tests.factories import ArticleFactory, PhotoFactory, ProgrammeFactory, ThemeFactory

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert('xss')</script>",
    '"><svg onload=alert(1)>',
    "'><img src=x onerror=alert(1)>",
    "</title><script>alert(1)</script>",
    "</textarea></style></script><script>alert(1)</script>",
    '<a href="javascript:alert(1)">click</a>',
    "javascript:alert(1)",
    " jav&#x09;ascript:alert(1)",
    "<iframe src=javascript:alert(1)></iframe>",
    '<body onload="alert(1)">',
    "<style>body{display:none}</style>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "]]><script>alert(1)</script><![CDATA[",
    "<![CDATA[<script>alert(1)</script>]]>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "&amp;lt;img src=x onerror=alert(1)&amp;gt;",
    "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e",
    "\u202e<img src=x onerror=alert(1)>\u202c",
    "Vi\u1ec7t Nam <b onmouseover=alert(1)>\u0110\u00e0 N\u1eb5ng</b>",
    "zero\u200bwidth<script>alert(1)</script>",
    "vertical\x0btab and\x1f unit separator <i>pasted</i> from Word",
]

HOSTILE_TAGS = {"svg", "math", "iframe", "style", "object", "embed", "frame", "base", "textarea"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}


class Page(HTMLParser):
    """What a browser would build: elements with their attributes, and the text."""

    def __init__(self, markup):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.text = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)


def assert_inert_html(content, where):
    """No script, event handler, javascript: URL or hostile element in an HTML page."""
    markup = content.decode()
    page = Page(markup)
    for tag, attrs in page.elements:
        names = {name for name, _value in attrs}
        # The site's own header logo is the one inline SVG a page has (its handlers and
        # scripts, should a payload copy its class, are still caught below).
        own_logo = tag == "svg" and dict(attrs).get("class") == "brand-logo"
        assert own_logo or tag not in HOSTILE_TAGS, f"{where}: <{tag}> element"
        if tag == "script" and dict(attrs).get("type") != "application/ld+json":
            src = dict(attrs).get("src") or ""
            assert src.startswith("/static/"), f"{where}: inline <script>"
        assert not [n for n in names if n.startswith("on")], f"{where}: <{tag} {names}>"
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value:
                scheme = "".join(value.split()).lower()
                assert not scheme.startswith(("javascript:", "data:", "vbscript:")), (
                    f"{where}: {name}={value!r}"
                )
    assert markup.count("<title>") == 1, f"{where}: the <title> was broken out of"
    assert markup.count("<body") == 1, f"{where}: a second <body>"
    # As bytes: every <script that starts a tag is one of our own files, or JSON-LD
    # (data, never run) that parses as JSON and holds no "<" that could close it.
    json_ld = re.findall(r'<script type="application/ld\+json">(.*?)</script>', markup, re.S)
    for block in json_ld:
        assert "<" not in block, f"{where}: markup inside JSON-LD"
        json.loads(block)
    own = content.count(b'<script src="/static/') + len(json_ld)
    assert content.count(b"<script") == own, where
    return page


@pytest.fixture
def links():
    return {
        "programmes": [ProgrammeFactory(slug="better-work")],
        "themes": [ThemeFactory(slug="gender")],
    }


def hostile_article(payload, kind, links):
    """An article with the payload in every text field it has, photos included."""
    hero = PhotoFactory(alt_text=payload[:250], caption=payload, credit=payload[:200])
    article = ArticleFactory(
        slug="hostile",
        kind=kind,
        title=payload,
        dateline=payload[:100],
        standfirst=payload,
        body=f"<p>{payload}</p>{payload}",
        media_contact=f"{payload}\n{payload}",
        source_name=payload[:200],
        source_url="https://example.org/news?a=" + payload.replace(" ", "%20")[:400],
        source_published_on="2022-11-22",
        hero=hero,
        **links,
    )
    for order in range(2):
        photo = PhotoFactory(alt_text=payload[:250], caption=payload, credit=payload[:200])
        ArticlePhoto.objects.create(article=article, photo=photo, order=order)
    return article


def html_urls(article):
    news = reverse("newsroom:article_list")
    return [
        news,
        article.get_absolute_url(),
        reverse("home"),
        "/vi" + article.get_absolute_url(),
    ]


def feed_urls():
    return [
        reverse(name, kwargs=kwargs)
        for fmt in ("rss", "atom")
        for name, kwargs in (
            (f"newsroom:feed_{fmt}", {}),
            (f"newsroom:press_feed_{fmt}", {}),
            (f"newsroom:programme_feed_{fmt}", {"slug": "better-work"}),
            (f"newsroom:theme_feed_{fmt}", {"slug": "gender"}),
        )
    ]


@pytest.mark.parametrize("kind", [Article.Kind.PRESS_RELEASE, Article.Kind.COVERAGE])
@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_in_every_field_stays_text_on_every_page(payload, kind, links, client):
    """The list, the article (both languages) and the home page show the payload as text."""
    article = hostile_article(payload, kind, links)
    for url in html_urls(article):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert_html(response.content, url)
    # Escaped, not dropped: the reader sees what the press officer typed.
    page = Page(client.get(article.get_absolute_url()).content.decode())
    assert payload.strip() in "".join(page.text)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_in_the_query_string_stays_text(payload, links, client):
    """A hostile search or filter value is echoed, if at all, as text."""
    hostile_article(payload, Article.Kind.NEWS, links)
    url = reverse("newsroom:article_list")
    for query in ({"q": payload}, {"kind": payload}, {"programme": payload, "year": payload}):
        response = client.get(url, query)
        assert response.status_code == 200, query
        assert_inert_html(response.content, f"{url} {query}")


# Elements that readers take (or may take) as HTML: their decoded text must hold no tag.
HTML_ELEMENTS = {"title", "description", "{http://www.w3.org/2005/Atom}summary"}


def shown(detail):
    """The text a reader displays for a feedparser value, given the type it decided on."""
    text = html.unescape(detail.value) if detail.type == "text/html" else detail.value
    return text.strip()


def feed_texts(root):
    """(tag, text) of every element of a feed, XML entities decoded."""
    return [(element.tag, element.text or "") for element in root.iter()]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_in_every_field_stays_text_in_every_feed(payload, links, client):
    """Each feed stays well-formed, and readers that take summaries as HTML see plain text."""
    hostile_article(payload, Article.Kind.PRESS_RELEASE, links)
    expected = xml_safe(payload).strip()
    for url in feed_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        raw = response.content
        assert b"<script" not in raw, url
        assert b"<![CDATA[" not in raw, url
        parsed = feedparser.parse(raw)
        assert not parsed.bozo, f"{url}: {parsed.get('bozo_exception')}"
        (entry,) = parsed.entries
        # What a reader shows is what was typed, whether it takes the element as HTML or text.
        assert shown(entry.title_detail) == expected, url
        assert shown(entry.summary_detail) == expected, url
        root = ElementTree.fromstring(raw)  # noqa: S314 - our own output, checked above
        for tag, text in feed_texts(root):
            if tag in HTML_ELEMENTS:
                assert "<" not in text, f"{url}: live markup in <{tag}>"
        media = root.find(".//{http://search.yahoo.com/mrss/}content")
        ns = "{http://search.yahoo.com/mrss/}"
        assert media.find(f"{ns}description").text == xml_safe(payload[:250]), url
        assert media.find(f"{ns}credit").text == xml_safe(payload[:200]), url


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "//evil.example"],
)
def test_original_link_must_be_a_web_address(url):
    """The database refuses an original link that is not http(s), so it can never be clicked."""
    with pytest.raises(IntegrityError):
        ArticleFactory(kind=Article.Kind.COVERAGE, source_url=url)
