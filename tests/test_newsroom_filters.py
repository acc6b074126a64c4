"""The news list's filters: they combine, live in the URL, and shrug off bad input."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from newsroom.models import Article
from tests.factories import ArticleFactory, PartnerFactory, ProgrammeFactory, ThemeFactory

pytestmark = pytest.mark.django_db

NEWS = reverse("newsroom:article_list")
HANOI = datetime.timezone(datetime.timedelta(hours=7))


@pytest.fixture
def news():
    """A press release of the Better Work programme on gender, a news story, a 2019 feature."""
    programme = ProgrammeFactory(name="Better Work Viet Nam", slug="better-work")
    theme = ThemeFactory(name="Gender", slug="gender")
    partner = PartnerFactory(name="Viet Nam General Confederation of Labour", slug="vgcl")
    ProgrammeFactory(name="Programme in preparation", slug="in-preparation", draft=True)
    release = ArticleFactory(
        title="Better Work opens in Hanoi",
        kind=Article.Kind.PRESS_RELEASE,
        programmes=[programme],
        themes=[theme],
        partners=[partner],
    )
    story = ArticleFactory(title="Workers' voices in the garment sector", themes=[theme])
    feature = ArticleFactory(
        title="A day at a Hanoi factory",
        kind=Article.Kind.FEATURE,
        publish_at=datetime.datetime(2019, 6, 1, 9, tzinfo=HANOI),
    )
    return {"release": release, "story": story, "feature": feature}


def titles(response):
    """The titles of the article cards on a list page, in order."""
    html = response.content.decode()
    return re.findall(r'class="card-title"><a href="[^"]+"[^>]*>([^<]+)</a>', html)


def notices(response):
    return re.findall(r'<p class="notice" role="status">(.*?)</p>', response.content.decode())


ALL = {"Better Work opens in Hanoi", "Workers&#x27; voices in the garment sector"}


@pytest.mark.parametrize(
    ("query", "label"),
    [
        ({"year": "abc"}, "Year"),
        ({"year": "1899"}, "Year"),
        ({"kind": "bogus"}, "Kind"),
        ({"programme": "nonexistent"}, "Programme"),
        ({"programme": "in-preparation"}, "Programme"),
        ({"theme": "nonexistent"}, "Area of work"),
        ({"partner": "nonexistent"}, "Partner"),
        ({"kind": "\x00"}, "Kind"),
        ({"theme": "gender\x00"}, "Area of work"),
        ({"year": "2019' OR 1=1 --"}, "Year"),
    ],
)
def test_a_bad_filter_value_is_ignored_with_a_notice(news, client, query, label):
    """A value that is not a choice gives the normal list, unfiltered, and says which filter."""
    response = client.get(NEWS, query)
    assert response.status_code == 200
    (notice,) = notices(response)
    assert f"“{label}” was ignored" in notice
    assert "\x00" not in response.content.decode()
    assert len(titles(response)) == 3


def test_a_valid_filter_still_applies_beside_an_invalid_one(news, client):
    """?kind=press_release&year=abc lists press releases only, and names the Year filter."""
    response = client.get(NEWS, {"kind": "press_release", "year": "abc", "programme": "gone"})
    assert response.status_code == 200
    assert titles(response) == ["Better Work opens in Hanoi"]
    found = notices(response)
    assert len(found) == 2
    assert any("“Year” was ignored: “abc”" in n for n in found)
    assert any("“Programme” was ignored: “gone”" in n for n in found)


def test_filters_combine(news, client):
    """Kind, theme, programme, partner, year and text narrow the list together."""
    year = timezone.localtime(news["release"].publish_at).year
    query = {
        "kind": "press_release",
        "theme": "gender",
        "programme": "better-work",
        "partner": "vgcl",
        "year": str(year),
        "q": "better work",
    }
    response = client.get(NEWS, query)
    assert titles(response) == ["Better Work opens in Hanoi"]
    assert notices(response) == []
    assert set(titles(client.get(NEWS, {"theme": "gender"}))) == ALL
    assert titles(client.get(NEWS, {"theme": "gender", "kind": "news"})) == [
        "Workers&#x27; voices in the garment sector"
    ]


def test_year_is_the_year_in_hanoi(client):
    """A story filed at 3 a.m. on New Year's Day in Hanoi belongs to the new year."""
    ArticleFactory(
        title="New Year story", publish_at=datetime.datetime(2024, 1, 1, 3, tzinfo=HANOI)
    )
    assert titles(client.get(NEWS, {"year": "2024"})) == ["New Year story"]
    assert notices(client.get(NEWS, {"year": "2023"}))  # no article in 2023: not a choice


@pytest.mark.parametrize("page", ["0", "-1", "abc", "99999", "1e3", "\x00"])
def test_an_impossible_page_is_not_found(news, client, page):
    """A page number that cannot exist is a 404, also beside valid filters, never a 500."""
    assert client.get(NEWS, {"page": page}).status_code == 404
    assert client.get(NEWS, {"page": page, "kind": "news"}).status_code == 404


def test_a_search_with_a_nul_byte_still_searches(news, client):
    """?q= with %00 searches for the rest of the text instead of failing or being dropped."""
    response = client.get(NEWS + "?q=factory%00")
    assert response.status_code == 200
    assert notices(response) == []
    assert titles(response) == ["A day at a Hanoi factory"]
    only_nul = client.get(NEWS + "?q=%00")
    assert only_nul.status_code == 200
    assert len(titles(only_nul)) == 3
    assert "\x00" not in only_nul.content.decode()


def test_a_very_long_search_is_an_ordinary_empty_result(news, client):
    """5000 characters of search give a normal page that says nothing matched."""
    response = client.get(NEWS, {"q": "x" * 5000})
    assert response.status_code == 200
    assert titles(response) == []
    html = response.content.decode()
    assert "No articles match these filters." in html
    assert f'value="{"x" * 200}"' in html  # the search box shows what was searched


def test_repeated_keys_use_the_last_value(news, client):
    """?kind=bogus&kind=feature applies the last value, as browsers expect of a form."""
    response = client.get(NEWS + "?kind=bogus&kind=feature")
    assert response.status_code == 200
    assert titles(response) == ["A day at a Hanoi factory"]
    assert notices(response) == []
    ignored = client.get(NEWS + "?kind=feature&kind=bogus&year=2019&year=abc")
    assert ignored.status_code == 200
    assert len(notices(ignored)) == 2
    assert len(titles(ignored)) == 3


@pytest.mark.parametrize("prefix", ["", "/vi"])
def test_an_empty_result_says_so_and_offers_a_way_back(news, client, prefix):
    """When nothing matches, the page says so and links to the unfiltered list."""
    response = client.get(prefix + NEWS, {"q": "nothing like this", "kind": "statement"})
    html = response.content.decode()
    assert response.status_code == 200
    assert titles(response) == []
    assert re.search(r'<p class="empty">[^<]+<a href="%s">' % (prefix + NEWS), html)
    back = client.get(prefix + NEWS)
    assert len(titles(back)) == 3


def test_no_news_at_all_is_a_sentence_not_a_blank(client):
    """Before anything is published, the list says so."""
    html = client.get(NEWS).content.decode()
    assert "No news has been published yet." in html


def test_filter_state_lives_in_the_url_and_survives_paging(client):
    """Page links keep the filters, and the form shows the values of the URL."""
    for _ in range(25):
        ArticleFactory(kind=Article.Kind.PRESS_RELEASE)
    ArticleFactory(title="A news story")
    response = client.get(NEWS, {"kind": "press_release"})
    html = response.content.decode()
    assert len(titles(response)) == 20
    assert 'href="?kind=press_release&amp;page=2"' in html
    assert '<option value="press_release" selected>' in html
    second = client.get(NEWS, {"kind": "press_release", "page": "2"})
    assert len(titles(second)) == 5
    assert "A news story" not in second.content.decode()
