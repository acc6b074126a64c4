"""Most read and Featured: reads counted without cookies or personal data, pages still cacheable."""

import datetime
import re
import zoneinfo

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.contrib.staticfiles import finders
from django.db import models
from django.urls import reverse
from django.utils import timezone

from ilo_office.publishing import office_today
from newsroom.models import Article, DailyReads
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

NEWS = reverse("newsroom:article_list")
READER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) ReaderProbe/7f3a"
READER_ADDRESS = "203.0.113.77"
# 18:30 in London is 01:30 the next morning in Hanoi: the office's day has turned.
LATE_EVENING_UTC = datetime.datetime(2024, 5, 1, 18, 30, tzinfo=datetime.UTC)


def beacon(article):
    return reverse("newsroom:record_read", kwargs={"slug": article.slug})


def reads(article):
    return sum(DailyReads.objects.filter(article=article).values_list("count", flat=True))


def block(html, heading):
    """The titles of a side block, in order."""
    match = re.search(rf"<h2>{heading}</h2>\s*<[ou]l[^>]*>(.*?)</[ou]l>", html, re.S)
    return re.findall(r"<a [^>]+>([^<]+)</a>", match.group(1)) if match else []


def add_reads(article, days_ago, count):
    DailyReads.objects.create(
        article=article, day=office_today() - datetime.timedelta(days=days_ago), count=count
    )


@pytest.fixture
def utc_server():
    """A server thread whose active time zone is UTC, late in the evening."""
    timezone.activate(zoneinfo.ZoneInfo("UTC"))
    with time_machine.travel(LATE_EVENING_UTC, tick=False):
        yield
    timezone.deactivate()


def test_the_beacon_counts_a_read_without_cookies_or_personal_data(client):
    """A read adds one to today's count, sets no cookie and keeps no address or browser."""
    article = ArticleFactory(slug="office-opens")
    response = client.post(
        beacon(article), HTTP_USER_AGENT=READER_AGENT, REMOTE_ADDR=READER_ADDRESS
    )
    assert response.status_code == 204
    assert not response.cookies
    assert "Set-Cookie" not in response.headers
    assert "no-store" in response.headers["Cache-Control"]
    # A second reader (the first one's repeats count once a day: tests/test_security.py).
    client.post(beacon(article), HTTP_USER_AGENT=READER_AGENT, REMOTE_ADDR="198.51.100.8")
    # One aggregated row per article and day: nothing per reader.
    (row,) = DailyReads.objects.all()
    assert (row.article, row.day, row.count) == (article, office_today(), 2)
    assert {f.name for f in DailyReads._meta.get_fields()} == {"id", "article", "day", "count"}
    assert not Session.objects.exists()
    text_fields = [
        f.name for f in Article._meta.fields if isinstance(f, models.CharField | models.TextField)
    ]
    for value in (READER_AGENT, READER_ADDRESS):
        lookup = models.Q()
        for name in text_fields:
            lookup |= models.Q(**{f"{name}__contains": value})
        assert not Article.objects.filter(lookup).exists()


def test_the_beacon_counts_reads_in_vietnamese_too(client):
    """The Vietnamese page's beacon counts for the same article."""
    article = ArticleFactory(slug="office-opens")
    assert client.post("/vi" + beacon(article)).status_code == 204
    assert reads(article) == 1


@pytest.mark.parametrize("state", ["draft", "scheduled"])
def test_the_beacon_does_not_count_unpublished_articles(client, state):
    """A draft or scheduled article cannot be read, so it cannot be counted."""
    article = ArticleFactory(slug="not-yet", **{state: True})
    assert client.post(beacon(article)).status_code == 404
    assert client.post("/news/no-such-article/read/").status_code == 404
    assert not DailyReads.objects.exists()


def test_the_beacon_only_takes_posts(client):
    """Following the beacon's address (a crawler, a prefetch) counts nothing."""
    article = ArticleFactory(slug="office-opens")
    assert client.get(beacon(article)).status_code == 405
    assert client.head(beacon(article)).status_code == 405
    assert reads(article) == 0


def test_a_read_is_counted_on_the_office_day(client, utc_server):
    """A read at 01:30 in Hanoi counts for that Hanoi day, whatever the server's zone."""
    article = ArticleFactory(slug="office-opens")
    client.post(beacon(article))
    assert DailyReads.objects.get().day == datetime.date(2024, 5, 2)


def test_reading_a_page_writes_nothing(client):
    """Rendering an article counts no read: counting happens in the beacon, outside the render."""
    article = ArticleFactory(slug="office-opens")
    assert client.get(article.get_absolute_url()).status_code == 200
    assert not DailyReads.objects.exists()


def test_most_read_block_lists_the_last_30_days_in_order(client, utc_server):
    """Most read ranks published articles by reads of today and the 29 days before, in Hanoi."""
    first = ArticleFactory(title="Read most")
    second = ArticleFactory(title="Read second")
    third = ArticleFactory(title="Read third")
    old = ArticleFactory(title="Read long ago")
    ArticleFactory(title="Never read")
    draft = ArticleFactory(title="Draft read often", draft=True)
    scheduled = ArticleFactory(title="Scheduled read often", scheduled=True)
    add_reads(first, 0, 5)
    add_reads(second, 0, 2)
    add_reads(second, 29, 1)
    add_reads(third, 0, 1)
    add_reads(third, 30, 10)  # a day too old: would put it first
    add_reads(old, 30, 50)
    add_reads(old, 45, 50)
    add_reads(draft, 0, 100)
    add_reads(scheduled, 0, 100)
    for url in (NEWS, first.get_absolute_url()):
        html = client.get(url).content.decode()
        assert block(html, "Most read in the last 30 days") == [
            "Read most",
            "Read second",
            "Read third",
        ]


def test_most_read_block_is_left_out_when_nothing_was_read(client):
    """With no reads in the last 30 days, there is no empty Most read heading."""
    ArticleFactory(title="Unread")
    assert "Most read in the last 30 days" not in client.get(NEWS).content.decode()


def test_featured_block_shows_staff_featured_published_articles_only(client):
    """Featured lists what staff ticked, published only, newest first."""
    now = timezone.now()
    ArticleFactory(
        title="Older pick", is_featured=True, publish_at=now - datetime.timedelta(days=9)
    )
    ArticleFactory(title="Newer pick", is_featured=True)
    ArticleFactory(title="Not picked")
    ArticleFactory(title="Picked draft", is_featured=True, draft=True)
    ArticleFactory(title="Picked scheduled", is_featured=True, scheduled=True)
    article = ArticleFactory(title="Any article")
    for url in (NEWS, article.get_absolute_url()):
        html = client.get(url).content.decode()
        assert block(html, "Featured") == ["Newer pick", "Older pick"]


@pytest.mark.parametrize("page", ["list", "article", "vi_article"])
def test_newsroom_pages_stay_cacheable_for_anonymous_readers(client, page):
    """No cookie is set or varied on, and nothing forbids a shared cache from keeping the page."""
    article = ArticleFactory(slug="office-opens")
    add_reads(article, 0, 3)
    url = {
        "list": NEWS,
        "article": article.get_absolute_url(),
        "vi_article": "/vi" + article.get_absolute_url(),
    }[page]
    response = client.get(url)
    assert response.status_code == 200
    assert not response.cookies
    vary = {v.strip().lower() for v in response.headers.get("Vary", "").split(",")}
    assert "cookie" not in vary
    cache_control = response.headers.get("Cache-Control", "")
    for forbidding in ("private", "no-store", "no-cache"):
        assert forbidding not in cache_control


def test_the_article_page_loads_the_beacon_script_and_the_list_does_not(client):
    """Only an article page counts as a read: it carries the beacon address and script file."""
    article = ArticleFactory(slug="office-opens")
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'data-read-beacon="{beacon(article)}"' in html
    assert '<script src="/static/js/reads.js" defer></script>' in html
    assert "reads.js" not in client.get(NEWS).content.decode()


def test_the_beacon_script_stores_nothing_in_the_browser():
    """reads.js sends one beacon and uses no cookie or browser storage."""
    with open(finders.find("js/reads.js"), encoding="utf-8") as file:
        script = file.read()
    assert "navigator.sendBeacon" in script
    for storage in ("document.cookie", "localStorage", "sessionStorage", "indexedDB"):
        assert storage not in script


def test_most_read_block_follows_new_reads_within_ten_minutes(client):
    """Reads change no content, so the kept side blocks are worked out again every ten minutes."""
    now = timezone.now()
    leader = ArticleFactory(title="Early favourite")
    newcomer = ArticleFactory(title="Late riser")
    add_reads(leader, 0, 3)
    with time_machine.travel(now, tick=False):
        assert block(client.get(NEWS).content.decode(), "Most read in the last 30 days") == [
            "Early favourite"
        ]
        add_reads(newcomer, 0, 9)
    with time_machine.travel(now + datetime.timedelta(minutes=11), tick=False):
        html = client.get(NEWS).content.decode()
    assert block(html, "Most read in the last 30 days") == ["Late riser", "Early favourite"]
