"""Links in staff-written text follow the reader's language (issue 14, item 6)."""

import re

import pytest

from ilo_office.markup import localize_url
from tests.factories import ArticleFactory, PartnerFactory

pytestmark = pytest.mark.django_db

BODY = (
    '<p>Our partner <a href="/partners/molisa/">MOLISA</a>, '
    '<a href="http://testserver/news/?kind=news#latest">the news</a>, '
    '<a href="/vi/events/">the Vietnamese events</a>, '
    '<a href="https://www.ilo.org/partners/molisa/">ILO headquarters</a> and '
    '<a href="/media/photos/report.pdf">the report</a>.</p>'
)


def links(client, url):
    page = client.get(url).content.decode()
    body = page[page.index('class="body"') :]
    return re.findall(r'<a href="([^"]+)"', body)[:5]


@pytest.fixture
def article(settings):
    settings.ALLOWED_HOSTS = ["testserver", ".ilo-vietnam.example"]
    PartnerFactory(slug="molisa", name="MOLISA")
    return ArticleFactory(body=BODY)


def test_internal_links_in_an_english_body_lead_to_vietnamese_pages_on_vi(client, article):
    assert links(client, "/vi" + article.get_absolute_url()) == [
        "/vi/partners/molisa/",
        "http://testserver/vi/news/?kind=news#latest",
        "/vi/events/",  # already Vietnamese: never /vi/vi/
        "https://www.ilo.org/partners/molisa/",  # another site: as written
        "/media/photos/report.pdf",  # a file, not a page in a language
    ]


def test_the_same_body_in_english_keeps_english_links(client, article):
    assert links(client, article.get_absolute_url()) == [
        "/partners/molisa/",
        "http://testserver/news/?kind=news#latest",
        "/events/",  # a Vietnamese link read in English leads to the English page
        "https://www.ilo.org/partners/molisa/",
        "/media/photos/report.pdf",
    ]


@pytest.mark.parametrize(
    "url",
    [
        "mailto:office@example.org",
        "#top",
        "/no-such-page/",
        "https://evil.example/partners/molisa/",
        "javascript:alert(1)",
    ],
)
def test_other_links_are_left_alone(url):
    assert localize_url(url, "vi") == url
