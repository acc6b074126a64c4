"""Sharing and discovery: canonical URLs, sharing tags, JSON-LD, sitemap, robots.txt, feeds."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from events.models import Event
from newsroom.models import Article
from tests.factories import (
    ArticleFactory,
    EventFactory,
    OfficePageFactory,
    PartnerFactory,
    PhotoFactory,
    ProgrammeFactory,
    ThemeFactory,
    jpeg_bytes,
)

pytestmark = pytest.mark.django_db

SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def head(response):
    html = response.content.decode()
    return html[: html.index("</head>")]


def meta(response, name):
    """The content of every <meta property|name=...> tag called `name`."""
    return re.findall(
        rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">', head(response)
    )


def canonical(response):
    return re.findall(r'<link rel="canonical" href="([^"]*)">', head(response))


def json_ld(response):
    """Every JSON-LD block of the page, parsed."""
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return [json.loads(block) for block in blocks]


def big_photo():
    """A photo wide enough to get renditions of 480, 960 and 1000 pixels."""
    return PhotoFactory(
        image=SimpleUploadedFile("big.jpg", jpeg_bytes(1000, 500), "image/jpeg"),
        alt_text="Workers on a building site in Hanoi",
    )


# Canonical URLs


@pytest.mark.parametrize(
    "url",
    ["/", "/news/", "/events/", "/events/past/", "/programmes/", "/areas-of-work/", "/partners/"],
)
def test_list_pages_have_one_absolute_query_free_canonical(client, url):
    """Each list names itself, absolute, without filters in the address."""
    response = client.get(url, {"kind": "news", "utm_source": "x"})
    assert canonical(response) == [f"http://testserver{url}"]


def test_canonical_keeps_a_meaningful_page_number(client, settings):
    """Page 2 of the news canonicalises to ?page=2, dropping the filters; page 1 has none."""
    settings.PAGE_SIZE = 2
    ArticleFactory.create_batch(3)
    assert canonical(client.get("/news/", {"page": "2", "year": ""})) == [
        "http://testserver/news/?page=2"
    ]
    assert canonical(client.get("/news/", {"page": "1"})) == ["http://testserver/news/"]


def test_vietnamese_pages_canonicalise_to_themselves(client):
    """/vi/news/x/ names /vi/news/x/, not the English page (the hreflang links join them)."""
    article = ArticleFactory(slug="wages")
    assert canonical(client.get(f"/vi{article.get_absolute_url()}")) == [
        "http://testserver/vi/news/wages/"
    ]


def test_detail_pages_canonicalise_to_their_own_address(client):
    """Articles, events, programmes, themes, partners and office pages each name their URL."""
    items = [
        ArticleFactory(),
        EventFactory(),
        ProgrammeFactory(),
        ThemeFactory(),
        PartnerFactory(),
        OfficePageFactory(),
    ]
    for item in items:
        url = item.get_absolute_url()
        assert canonical(client.get(url)) == [f"http://testserver{url}"], url


def test_about_canonicalises_to_the_page_it_shows(client):
    """/about/ shows the first office page and names that page's address."""
    page = OfficePageFactory(nav_order=0, slug="history")
    assert canonical(client.get("/about/")) == [f"http://testserver{page.get_absolute_url()}"]


def test_republished_coverage_canonicalises_to_the_original(client):
    """An article copied from another outlet points search engines at the original."""
    article = ArticleFactory(
        kind=Article.Kind.COVERAGE,
        source_name="Hanoi Times",
        source_url="https://hanoitimes.vn/story-123",
    )
    response = client.get(article.get_absolute_url())
    assert canonical(response) == ["https://hanoitimes.vn/story-123"]
    assert json_ld(response)[0]["author"]["name"] == "Hanoi Times"


# Open Graph and Twitter cards


def test_article_shares_with_its_hero_photo(client):
    """og:image is the hero's widest rendition, absolute, with its size and alt text."""
    article = ArticleFactory(title="Safe work", standfirst="Fewer accidents.", hero=big_photo())
    response = client.get(article.get_absolute_url())
    image = meta(response, "og:image")
    assert len(image) == 1
    assert image[0].startswith("http://testserver/media/")
    assert image[0].endswith("-1000.jpg")
    assert meta(response, "og:image:width") == ["1000"]
    assert meta(response, "og:image:height") == ["500"]
    assert meta(response, "og:image:alt") == ["Workers on a building site in Hanoi"]
    assert meta(response, "og:title") == ["Safe work"]
    assert meta(response, "og:description") == ["Fewer accidents."]
    assert meta(response, "og:type") == ["article"]
    assert meta(response, "og:url") == [f"http://testserver{article.get_absolute_url()}"]
    assert meta(response, "twitter:card") == ["summary_large_image"]
    assert meta(response, "twitter:image") == image


def test_page_without_photo_gets_a_small_card(client):
    """No photo, no og:image: the Twitter card falls back to "summary"."""
    response = client.get(EventFactory(photo=None).get_absolute_url())
    assert meta(response, "og:image") == []
    assert meta(response, "twitter:card") == ["summary"]


@pytest.mark.parametrize(
    ("prefix", "locale", "other"), [("", "en_GB", "vi_VN"), ("/vi", "vi_VN", "en_GB")]
)
def test_og_locale_follows_the_language(client, prefix, locale, other):
    """og:locale is en_GB on English pages and vi_VN on Vietnamese ones, the other as alternate."""
    response = client.get(f"{prefix}/news/")
    assert meta(response, "og:locale") == [locale]
    assert meta(response, "og:locale:alternate") == [other]


def test_sharing_tags_escape_what_staff_typed(client):
    """A title with quotes and markup stays inside its attribute."""
    article = ArticleFactory(title='"Quoted" <b>title</b>', hero=big_photo())
    html = head(client.get(article.get_absolute_url()))
    assert (
        '<meta property="og:title" content="&quot;Quoted&quot; &lt;b&gt;title&lt;/b&gt;">' in html
    )


# JSON-LD


def test_home_describes_the_office(client):
    """The home page carries an Organization with its name, address in Hanoi and logo."""
    (data,) = json_ld(client.get("/"))
    assert data["@type"] == "Organization"
    assert data["name"] == "ILO Country Office for Viet Nam"
    assert data["url"] == "http://testserver/"
    assert data["address"]["streetAddress"].startswith("304 Kim Ma")
    assert data["address"]["addressLocality"] == "Hanoi"
    assert data["logo"]["url"].startswith("http://testserver/")


def test_article_is_a_news_article(client):
    """NewsArticle with headline, dates with offset, photo, ILO as author and publisher."""
    article = ArticleFactory(title="Minimum wage rises", hero=big_photo())
    (data,) = json_ld(client.get(article.get_absolute_url()))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Minimum wage rises"
    assert datetime.datetime.fromisoformat(data["datePublished"]) == article.publish_at
    assert data["datePublished"].endswith("+07:00")
    assert datetime.datetime.fromisoformat(data["dateModified"]) >= article.publish_at
    assert data["image"][0].endswith("-1000.jpg")
    assert data["author"]["@type"] == data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == "ILO Country Office for Viet Nam"
    assert data["inLanguage"] == "en"


def test_article_language_is_the_language_shown(client):
    """On /vi/ an article with a Vietnamese title is "vi"; one without is shown in English, "en"."""
    ArticleFactory(title_en="Wages", title_vi="Tiền lương", slug="wages")
    ArticleFactory(title_en="Only English", slug="only-english")
    assert json_ld(client.get("/vi/news/wages/"))[0]["inLanguage"] == "vi"
    assert json_ld(client.get("/vi/news/only-english/"))[0]["inLanguage"] == "en"


def test_json_ld_cannot_be_broken_out_of(client):
    """A title that closes the script element is escaped as \\u003c inside the JSON."""
    article = ArticleFactory(title='</script><script>alert("x")</script> & more')
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "\\u003c/script\\u003e" in html
    assert json_ld(response)[0]["headline"] == '</script><script>alert("x")</script> & more'


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (Event.EventStatus.SCHEDULED, "https://schema.org/EventScheduled"),
        (Event.EventStatus.CANCELLED, "https://schema.org/EventCancelled"),
        (Event.EventStatus.POSTPONED, "https://schema.org/EventPostponed"),
        (Event.EventStatus.MOVED_ONLINE, "https://schema.org/EventMovedOnline"),
    ],
)
def test_event_status_is_published(client, status, expected):
    """eventStatus says whether the event is on, cancelled, postponed or moved online."""
    event = EventFactory(event_status=status)
    (data,) = json_ld(client.get(event.get_absolute_url()))
    assert data["@type"] == "Event"
    assert data["eventStatus"] == expected


@pytest.mark.parametrize(
    ("fields", "mode", "location_types"),
    [
        ({"venue": "Melia Hotel", "city": "Hanoi"}, "Offline", ["Place"]),
        (
            {"venue": "", "city": "", "country": "", "is_online": True},
            "Online",
            ["VirtualLocation"],
        ),
        ({"venue": "ILO Office", "is_online": True}, "Mixed", ["Place", "VirtualLocation"]),
        (
            {"venue": "ILO Office", "event_status": Event.EventStatus.MOVED_ONLINE},
            "Online",
            ["VirtualLocation"],
        ),
    ],
)
def test_event_attendance_mode_and_location(client, fields, mode, location_types):
    """Offline events have a Place, online ones a VirtualLocation, hybrid ones both."""
    event = EventFactory(**fields)
    (data,) = json_ld(client.get(event.get_absolute_url()))
    assert data["eventAttendanceMode"] == f"https://schema.org/{mode}EventAttendanceMode"
    location = data["location"] if isinstance(data["location"], list) else [data["location"]]
    assert [place["@type"] for place in location] == location_types


def test_hidden_meeting_link_stays_hidden(client):
    """A meeting link kept for participants is not published in JSON-LD either."""
    event = EventFactory(
        is_online=True, online_url="https://zoom.example/secret", venue="", city="", country=""
    )
    html = client.get(event.get_absolute_url()).content.decode()
    assert "zoom.example/secret" not in html
    assert json_ld(client.get(event.get_absolute_url()))[0]["location"]["url"].endswith(
        event.get_absolute_url()
    )


def test_timed_event_dates_carry_the_zone(client):
    """A timed event gives start and end as instants with the event's UTC offset."""
    event = EventFactory(
        start_date=datetime.date(2030, 3, 4),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(11, 30),
        time_zone="Asia/Bangkok",
    )
    (data,) = json_ld(client.get(event.get_absolute_url()))
    assert data["startDate"] == "2030-03-04T09:00+07:00"
    assert data["endDate"] == "2030-03-04T11:30+07:00"
    assert data["organizer"]["name"] == "ILO Country Office for Viet Nam"


def test_all_day_and_month_events_give_dates_as_known(client):
    """An all-day event gives days; an event known by month gives the month only."""
    all_day = EventFactory(
        start_date=datetime.date(2030, 7, 22), end_date=datetime.date(2030, 7, 23)
    )
    month = EventFactory(start_date=datetime.date(2030, 3, 1), precision=Event.Precision.MONTH)
    data = json_ld(client.get(all_day.get_absolute_url()))[0]
    assert (data["startDate"], data["endDate"]) == ("2030-07-22", "2030-07-23")
    data = json_ld(client.get(month.get_absolute_url()))[0]
    assert (data["startDate"], data["endDate"]) == ("2030-03", "2030-03")


# Sitemap


def parse_xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)  # noqa: S314 - our own sitemap, in a test


def sitemap(client):
    """Every <url> of every page of every section the /sitemap.xml index names, as one urlset."""
    index = parse_xml(client, "/sitemap.xml")
    root = ET.Element(f"{{{SITEMAP_NS['s']}}}urlset")
    for loc in index.findall("s:sitemap/s:loc", SITEMAP_NS):
        root.extend(parse_xml(client, loc.text.removeprefix("http://testserver")))
    return root


def locations(root):
    return [loc.text for loc in root.findall("s:url/s:loc", SITEMAP_NS)]


def test_sitemap_lists_every_public_page_in_both_languages(client):
    """Home, lists and each published article, event, programme, theme, partner and office page."""
    items = [
        ArticleFactory(),
        EventFactory(),
        ProgrammeFactory(),
        ThemeFactory(),
        PartnerFactory(),
        OfficePageFactory(),
    ]
    urls = set(locations(sitemap(client)))
    paths = ["/", "/news/", "/events/", "/events/past/", "/programmes/", "/areas-of-work/"]
    paths += ["/partners/", *(item.get_absolute_url() for item in items)]
    for path in paths:
        assert f"http://testserver{path}" in urls, path
        assert f"http://testserver/vi{path}" in urls, path


def test_sitemap_lists_published_items_only(client):
    """Drafts, scheduled and expired items of every type never reach the sitemap."""
    past = timezone.now() - datetime.timedelta(days=2)
    hidden = []
    for factory in (ArticleFactory, EventFactory, ProgrammeFactory, OfficePageFactory):
        hidden += [
            factory(draft=True),
            factory(scheduled=True),
            factory(publish_at=past, unpublish_at=past + datetime.timedelta(days=1)),
        ]
    shown = ArticleFactory()
    text = " ".join(locations(sitemap(client)))
    assert shown.get_absolute_url() in text
    for item in hidden:
        assert item.get_absolute_url() not in text, item


def test_sitemap_leaves_out_copies_canonical_elsewhere(client):
    """Republished coverage (canonical at the original outlet) is not listed as ours."""
    copy = ArticleFactory(kind=Article.Kind.COVERAGE, source_url="https://example.com/a")
    assert copy.get_absolute_url() not in " ".join(locations(sitemap(client)))


def test_sitemap_gives_hreflang_alternates_and_lastmod(client):
    """Each entry links its English, Vietnamese and x-default versions and says when it changed."""
    article = ArticleFactory(slug="wages")
    root = sitemap(client)
    (entry,) = [
        url
        for url in root.findall("s:url", SITEMAP_NS)
        if url.find("s:loc", SITEMAP_NS).text == "http://testserver/vi/news/wages/"
    ]
    links = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", SITEMAP_NS)}
    assert links == {
        "en": "http://testserver/news/wages/",
        "vi": "http://testserver/vi/news/wages/",
        "x-default": "http://testserver/news/wages/",
    }
    lastmod = entry.find("s:lastmod", SITEMAP_NS).text
    # The day it changed in the office's time zone.
    assert lastmod == timezone.localdate(article.updated_at).isoformat()


# robots.txt


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_the_back_office(client, settings):
    """robots.txt is plain text, allows the site, disallows the admin prefix and previews."""
    settings.ADMIN_URL = "back-office/"
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    for path in ("/back-office/", "/vi/back-office/", "/preview/", "/vi/preview/"):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


# Feed autodiscovery


def test_pages_with_feeds_advertise_them(client):
    """Home, news, events, programme and theme pages announce their feeds in <head>."""
    theme = ThemeFactory()
    programme = ProgrammeFactory()
    pages = {
        "/": ["application/rss+xml", "application/atom+xml", "text/calendar"],
        "/news/": ["application/rss+xml", "application/atom+xml"],
        ArticleFactory().get_absolute_url(): ["application/rss+xml", "application/atom+xml"],
        "/events/": ["text/calendar", "application/rss+xml", "application/atom+xml"],
        "/events/past/": ["text/calendar", "application/rss+xml"],
        EventFactory().get_absolute_url(): ["text/calendar", "application/rss+xml"],
        programme.get_absolute_url(): ["application/rss+xml", "text/calendar"],
        theme.get_absolute_url(): ["application/rss+xml", "application/atom+xml"],
    }
    for url, types in pages.items():
        found = re.findall(r'<link rel="alternate" type="([^"]+)"', head(client.get(url)))
        for kind in types:
            assert kind in found, (url, kind)


def test_event_page_advertises_its_own_calendar_file(client):
    """An event with exact dates links its own .ics file for calendar apps."""
    event = EventFactory(slug="forum")
    assert '<link rel="alternate" type="text/calendar" title="' in head(
        client.get("/events/forum/")
    )
    assert 'href="/events/forum.ics"' in head(client.get(event.get_absolute_url()))


def test_quarter_and_undated_events_claim_no_day(client):
    """Quarter 2 is the months 2027-04 to 2027-06; an event "to be confirmed" gives no date."""
    quarter = EventFactory(start_date=datetime.date(2027, 4, 1), precision=Event.Precision.QUARTER)
    tbc = EventFactory(start_date=datetime.date(2027, 2, 1), precision=Event.Precision.TBC)
    data = json_ld(client.get(quarter.get_absolute_url()))[0]
    assert (data["startDate"], data["endDate"]) == ("2027-04", "2027-06")
    data = json_ld(client.get(tbc.get_absolute_url()))[0]
    assert "startDate" not in data and "endDate" not in data
    assert "2027" not in json.dumps(data)
