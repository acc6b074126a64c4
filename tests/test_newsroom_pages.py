"""The article page as a reader and a search engine see it, and the feeds the site advertises."""

import datetime
import re
from html.parser import HTMLParser

import feedparser
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from newsroom.models import Article, ArticlePhoto
from tests.factories import (
    ArticleFactory,
    PartnerFactory,
    PhotoFactory,
    ProgrammeFactory,
    ThemeFactory,
    jpeg_bytes,
)

pytestmark = pytest.mark.django_db

HANOI = datetime.timezone(datetime.timedelta(hours=7))
HANOI_TIMES = "https://hanoitimes.vn/better-work-vietnam-program-to-deploy-in-hanoi-322212.html"


class Links(HTMLParser):
    """The <link> elements of a page, as dicts of their attributes."""

    def __init__(self, markup):
        super().__init__()
        self.links = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        if tag == "link":
            self.links.append(dict(attrs))


def links(response, rel):
    return [link for link in Links(response.content.decode()).links if link.get("rel") == rel]


@pytest.fixture
def coverage():
    """The Better Work article, republished from The Hanoi Times."""
    return ArticleFactory(
        title="Better Work Vietnam program to deploy in Hanoi and other localities",
        slug="better-work-vietnam",
        kind=Article.Kind.COVERAGE,
        dateline="HANOI",
        source_name="The Hanoi Times",
        source_url=HANOI_TIMES,
        source_published_on=datetime.date(2022, 11, 22),
    )


@pytest.fixture
def release():
    """The office's opening press release, with its media contact and photos."""
    article = ArticleFactory(
        title="ILO Office opens in Hanoi, Decent Work Tops the Agenda",
        slug="ilo-office-opens",
        kind=Article.Kind.PRESS_RELEASE,
        dateline="Hanoi",
        publish_at=datetime.datetime(2003, 2, 17, 9, tzinfo=HANOI),
        revised_at=datetime.datetime(2003, 2, 18, 10, tzinfo=HANOI),
        standfirst="The ILO officially opens its Hanoi office.",
        body="<p>The International Labour Organization on Monday opened its Hanoi office.</p>",
        media_contact="Ms Nguyen Thi Lan, Communication officer\n+84 24 3734 0902",
        hero=PhotoFactory(
            image=SimpleUploadedFile("h.jpg", jpeg_bytes(1200, 600), "image/jpeg"),
            alt_text="Officials cut the ribbon at the office door",
            caption="The opening ceremony",
            credit="© ILO/A.Santos",
        ),
        programmes=[ProgrammeFactory(name="Better Work Viet Nam")],
        themes=[ThemeFactory(name="Social dialogue")],
        partners=[PartnerFactory(name="Ministry of Labour", acronym="MOLISA")],
    )
    for order, caption in enumerate(["Ông Nodera phát biểu.\nMr Nodera speaks.", "Guests"]):
        ArticlePhoto.objects.create(
            article=article, photo=PhotoFactory(caption=caption), order=order
        )
    return article


def test_republished_coverage_names_the_original_as_canonical(coverage, client):
    """A search engine is told the original article is the canonical copy."""
    response = client.get(coverage.get_absolute_url())
    assert [link["href"] for link in links(response, "canonical")] == [HANOI_TIMES]


def test_republished_coverage_credits_the_outlet_with_link_and_date(coverage, client):
    """The reader sees the outlet, its date and a link to the original, and no ILO News dateline."""
    html = client.get(coverage.get_absolute_url()).content.decode()
    assert "First published by The Hanoi Times on 22 November 2022." in html
    assert f'<a href="{HANOI_TIMES}" rel="noopener">Read the original</a>' in html
    assert '<span class="kind">In the media</span>' in html
    assert "(ILO News)" not in html


def test_coverage_without_an_original_link_is_its_own_canonical(client):
    """Without the original's address, the page names itself rather than nothing."""
    article = ArticleFactory(slug="no-link", kind=Article.Kind.COVERAGE, source_name="WVR")
    response = client.get(article.get_absolute_url())
    assert [link["href"] for link in links(response, "canonical")] == [
        "http://testserver/news/no-link/"
    ]
    assert "First published by WVR." in response.content.decode()


def test_our_own_articles_are_their_own_canonical(release, client):
    """A press release names its own address as canonical, in each language."""
    for prefix in ("", "/vi"):
        response = client.get(prefix + release.get_absolute_url())
        assert [link["href"] for link in links(response, "canonical")] == [
            f"http://testserver{prefix}/news/ilo-office-opens/"
        ]


def test_dateline_prints_as_in_the_seed(release, client):
    """The dateline reads "HANOI (ILO News) -" however it was typed; the meta line as the seed."""
    html = client.get(release.get_absolute_url()).content.decode()
    assert '<strong class="dateline">HANOI (ILO News) -</strong>' in html
    meta = re.search(r'<p class="meta">(.*?)</p>', html, re.S).group(1)
    text = " ".join(re.sub(r"<[^>]+>", " ", meta).split())
    assert text.startswith("Press release HANOI 17 February 2003")
    assert "Updated 18 February 2003" in text


def test_dateline_follows_the_language_of_the_body(release, client):
    """A Vietnamese body opens "... (Tin ILO) -"; an English body on a Vietnamese page keeps
    "(ILO News)", as the fallback notice says it is English."""
    english = client.get("/vi/news/ilo-office-opens/").content.decode()
    assert '<strong class="dateline">HANOI (ILO News) -</strong>' in english
    release.body_vi = "<p>Tổ chức Lao động Quốc tế khai trương văn phòng tại Hà Nội.</p>"
    release.save()
    vietnamese = client.get("/vi/news/ilo-office-opens/").content.decode()
    assert '<strong class="dateline">HANOI (Tin ILO) -</strong>' in vietnamese
    assert "(ILO News)" in client.get("/news/ilo-office-opens/").content.decode()


def test_article_page_shows_photos_contact_and_relations(release, client):
    """Hero with caption and credit, further photos, media contact and related links."""
    html = client.get(release.get_absolute_url()).content.decode()
    assert 'alt="Officials cut the ribbon at the office door"' in html
    assert re.search(r'<img src="[^"]+\.jpg" srcset="[^"]+ \d+w[^"]*" [^>]*width="\d+"', html)
    assert "The opening ceremony" in html and "© ILO/A.Santos" in html
    assert "Ông Nodera phát biểu.<br>Mr Nodera speaks." in html
    assert html.index("Ông Nodera") < html.index("Guests")
    assert "Ms Nguyen Thi Lan, Communication officer<br>+84 24 3734 0902" in html
    for related in (*release.programmes.all(), *release.themes.all(), *release.partners.all()):
        assert f'href="{related.get_absolute_url()}"' in html


def test_article_page_advertises_the_news_feeds(release, client):
    """The article's head names the RSS and Atom feeds of the news and the press releases."""
    response = client.get(release.get_absolute_url())
    advertised = {(link.get("type"), link["href"]) for link in links(response, "alternate")}
    assert advertised >= {
        ("application/rss+xml", "/news/feed/rss/"),
        ("application/atom+xml", "/news/feed/atom/"),
        ("application/rss+xml", "/news/feed/press-releases/rss/"),
        ("application/atom+xml", "/news/feed/press-releases/atom/"),
    }


FEED_TYPES = {"application/rss+xml", "application/atom+xml"}


def advertised_feeds(client, urls):
    """Every feed named by a <link rel="alternate"> on the given pages."""
    found = set()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        found |= {
            link["href"] for link in links(response, "alternate") if link.get("type") in FEED_TYPES
        }
    return found


@pytest.fixture
def demo():
    call_command("load_demo_content", verbosity=0)


def test_with_the_demo_content_the_news_and_its_filters_work(demo, client):
    """/news/ shows the seed articles, and its filters find each of them."""
    news = reverse("newsroom:article_list")
    html = client.get(news).content.decode()
    for title in (
        "ILO Office opens in Hanoi, Decent Work Tops the Agenda",
        "Better Work Vietnam program to deploy in Hanoi and other localities",
        "Promoting cooperation on safe labour migration in Vietnam",
    ):
        assert title in html
    for query, title in (
        ({"kind": "press_release", "year": "2003"}, "ILO Office opens in Hanoi"),
        ({"programme": "better-work-viet-nam", "kind": "coverage"}, "Better Work Vietnam"),
        ({"q": "labour migration", "year": "2024"}, "Promoting cooperation on safe"),
    ):
        response = client.get(news, query)
        cards = re.findall(r'class="card-title"><a [^>]+>([^<]+)<', response.content.decode())
        assert len(cards) == 1, query
        assert cards[0].startswith(title), query


def test_with_the_demo_content_every_advertised_feed_parses(demo, client):
    """Each feed any page advertises answers and parses with feedparser without error."""
    from programmes.models import Programme, Theme

    pages = [reverse("home"), reverse("newsroom:article_list")]
    pages += [a.get_absolute_url() for a in Article.objects.published()]
    pages += [p.get_absolute_url() for p in Programme.objects.published()]
    pages += [t.get_absolute_url() for t in Theme.objects.all()]
    feeds = advertised_feeds(client, pages)
    assert len(feeds) >= 6
    for url in feeds:
        response = client.get(url)
        assert response.status_code == 200, url
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo, f"{url}: {parsed.get('bozo_exception')}"
        assert parsed.feed.title, url
