"""The newsroom's pages and feeds cost a fixed number of SQL queries, with 5 or 200 articles.

The articles are as rich as real ones: a hero photo each, further photos,
programmes, themes, partners, reads; drafts and scheduled ones beside them.
They are bulk-created so that 200 of them take a fraction of a second.
"""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from ilo_office.models import Photo
from ilo_office.publishing import Status, office_today
from newsroom.models import Article, ArticlePhoto, DailyReads
from tests.factories import (
    ArticleFactory,
    PartnerFactory,
    PhotoFactory,
    ProgrammeFactory,
    ThemeFactory,
    jpeg_bytes,
)
from tests.public_urls import count_cold_queries, count_queries

pytestmark = pytest.mark.django_db

KINDS = list(Article.Kind)


class Newsroom:
    """A programme, a theme and a partner with articles around them, grown in bulk."""

    def __init__(self):
        self.programme = ProgrammeFactory(slug="better-work")
        self.theme = ThemeFactory(slug="gender")
        self.partner = PartnerFactory(slug="vgcl")
        self.programmes = [self.programme, *ProgrammeFactory.create_batch(2)]
        self.themes = [self.theme, *ThemeFactory.create_batch(2)]
        self.partners = [self.partner, *PartnerFactory.create_batch(2)]
        # One real upload with renditions; the other photos share its files.
        self.model_photo = PhotoFactory(
            image=SimpleUploadedFile("h.jpg", jpeg_bytes(1200, 600), "image/jpeg")
        )
        self.count = 0

    def photos(self, n, label):
        p = self.model_photo
        return Photo.objects.bulk_create(
            Photo(
                title=f"{label} {i}",
                image=p.image.name,
                width=p.width,
                height=p.height,
                alt_text=f"What photo {label} {i} shows",
                caption=f"Caption of {label} {i}",
                credit="© ILO/A.Santos",
                renditions=p.renditions,
                renditions_of=p.renditions_of,
            )
            for i in range(n)
        )

    def grow(self, n):
        """Add n published articles, plus one draft and one scheduled, fully linked."""
        now = timezone.now()
        start = self.count
        heroes = self.photos(n + 2, f"hero {start}")
        published = [
            Article(
                title=f"Article {i} on decent work",
                slug=f"article-{i}",
                kind=KINDS[i % len(KINDS)],
                status=Status.PUBLISHED,
                publish_at=now - datetime.timedelta(minutes=10 + i),
                dateline="HANOI",
                standfirst=f"What happened in story {i}.",
                body=f"<p>The body of story {i}.</p>",
                media_contact="Press officer\n+84 24 3850 0100",
                is_featured=i % 3 == 0,
                hero=heroes[i - start],
            )
            for i in range(start, start + n)
        ]
        hidden = [
            Article(
                title=f"Hidden {start} {state}",
                slug=f"hidden-{start}-{state}",
                status=status,
                publish_at=at,
                hero=heroes[n + k],
            )
            for k, (state, status, at) in enumerate(
                [
                    ("draft", Status.DRAFT, now - datetime.timedelta(days=1)),
                    ("scheduled", Status.PUBLISHED, now + datetime.timedelta(days=1)),
                ]
            )
        ]
        articles = Article.objects.bulk_create(published + hidden)
        self.count += n
        self._link(articles)
        return articles

    def _link(self, articles):
        through = {
            "programmes": (Article.programmes.through, "programme_id", self.programmes),
            "themes": (Article.themes.through, "theme_id", self.themes),
            "partners": (Article.partners.through, "partner_id", self.partners),
        }
        for model, column, targets in through.values():
            model.objects.bulk_create(
                model(article_id=article.pk, **{column: target.pk})
                for i, article in enumerate(articles)
                for target in (targets[0], targets[1 + i % 2])
            )
        further = iter(self.photos(2 * len(articles), f"further {self.count}"))
        ArticlePhoto.objects.bulk_create(
            ArticlePhoto(article=article, photo=next(further), order=order)
            for article in articles
            for order in range(2)
        )
        today = office_today()
        DailyReads.objects.bulk_create(
            DailyReads(article=article, day=today - datetime.timedelta(days=days), count=i + 1)
            for i, article in enumerate(articles)
            for days in (0, 3, 40)
        )


def urls(newsroom, article):
    """Every newsroom page and feed, with the article page of a fully linked article."""
    year = timezone.localtime(article.publish_at).year
    filtered = (
        f"?kind={article.kind}&programme=better-work&theme=gender&partner=vgcl&year={year}&q=decent"
    )
    feeds = {
        f"{name}_{fmt}": reverse(f"newsroom:{name}_{fmt}", kwargs=kwargs)
        for fmt in ("rss", "atom")
        for name, kwargs in (
            ("feed", {}),
            ("press_feed", {}),
            ("programme_feed", {"slug": "better-work"}),
            ("theme_feed", {"slug": "gender"}),
        )
    }
    return {
        "article_list": reverse("newsroom:article_list"),
        "article_list_filtered": reverse("newsroom:article_list") + filtered,
        "article_detail": article.get_absolute_url(),
        **feeds,
    }


def test_newsroom_query_counts_do_not_grow_from_5_to_200_articles(client):
    """The list, the article page and every feed run the same queries for 5 or 200 rich
    articles (the counts themselves are pinned in tests/public_urls.py)."""
    newsroom = Newsroom()
    article = newsroom.grow(5)[1]
    pages = urls(newsroom, article)
    small = {name: count_queries(client, url) for name, url in pages.items()}
    newsroom.grow(195)
    assert Article.objects.published().count() == 200
    large = {name: count_queries(client, url) for name, url in pages.items()}
    assert large == small


def test_article_page_once_content_changed_runs_its_pinned_queries(client):
    """After any change to content the article's fragments are rendered again, in a pinned
    number of queries that does not grow with the newsroom either."""
    newsroom = Newsroom()
    article = newsroom.grow(5)[1]
    small = count_cold_queries(client, article.get_absolute_url())
    newsroom.grow(95)
    large = count_cold_queries(client, article.get_absolute_url())
    assert large == small
    # The article; the next scheduled change (the content generation); featured, and
    # most read (reads, then their articles); the article's programmes, themes,
    # partners, media contacts and photos; related stories (sharing a programme, a theme,
    # newest); the footer's office contact details and office pages.
    assert large == 15


def test_the_grown_newsroom_is_what_the_counts_are_about(client):
    """The measured pages do show the photos, links and side blocks whose cost is pinned."""
    newsroom = Newsroom()
    articles = newsroom.grow(30)
    article = articles[1]
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Caption of further" in html
    assert newsroom.partner.get_absolute_url() in html
    assert "Most read in the last 30 days" in html
    assert "Featured" in html
    listing = client.get(reverse("newsroom:article_list")).content.decode()
    assert listing.count('class="card"') == 20
    assert "Hidden" not in listing
    feed = client.get(reverse("newsroom:feed_rss")).content.decode()
    assert feed.count("<item>") == 30
    assert feed.count("<media:content") == 30


@pytest.mark.parametrize("n", [5, 200])
def test_page_two_costs_what_page_one_costs(n, client):
    """Paging through the news costs no more than its first page."""
    newsroom = Newsroom()
    newsroom.grow(n)
    url = reverse("newsroom:article_list")
    first = count_queries(client, url)
    last_page = (n - 1) // 20 + 1
    assert count_queries(client, f"{url}?page={last_page}") == first
    for kind in KINDS:
        assert count_queries(client, f"{url}?kind={kind}") == first, kind


def test_a_list_counts_its_items_once_per_content_generation(client):
    """The news list's count (every published article, filtered) is kept until content
    changes: asked again, the list runs no COUNT; a new article is counted at once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for i in range(3):
        ArticleFactory(title=f"Story {i}", kind="press_release")
    client.get("/news/?kind=press_release")
    with CaptureQueriesContext(connection) as ctx:
        page = client.get("/news/?kind=press_release").content.decode()
    assert '<p class="result-count">3 articles</p>' in page
    assert not [q for q in ctx.captured_queries if "COUNT(" in q["sql"].upper()]
    ArticleFactory(title="Story 3", kind="press_release")
    assert client.get("/news/?kind=press_release").context["paginator"].count == 4
    # Another filter, or junk beside it, is its own count; ?page= is not.
    assert client.get("/news/?kind=feature").context["paginator"].count == 0
    assert client.get("/news/?kind=press_release&page=1").context["paginator"].count == 4
