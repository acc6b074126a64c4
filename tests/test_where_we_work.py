"""Where we work (issue 17, item 4): provinces and cities by region, with their programmes.

Places come from the data migration (the 34 current units and the 29 provinces merged
into them on 1 July 2025); the tests make their own, with names no real place has, so
that they hold with or without the migration's rows.
"""

import datetime
import html as html_lib
import importlib
import re

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from programmes.models import Place
from tests.factories import ArticleFactory, EventFactory, PlaceFactory, ProgrammeFactory
from tests.public_urls import count_queries

pytestmark = pytest.mark.django_db

MERGED = datetime.date(2025, 7, 1)
WHERE = "/where-we-work/"


def text(html):
    """The page's text, tags removed and whitespace collapsed."""
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def section(html, region_id):
    """The HTML of one region's section of /where-we-work/."""
    pattern = rf'<section class="region" aria-labelledby="{region_id}">(.*?)</section>'
    match = re.search(pattern, html, re.S)
    assert match, region_id
    return match.group(1)


def place_item(html, slug):
    """The HTML of one place's entry on /where-we-work/."""
    pattern = rf'<li id="place-{re.escape(slug)}">(.*?)(?=<li id="place-|</section>|$)'
    match = re.search(pattern, html, re.S)
    assert match, slug
    return match.group(1)


@pytest.fixture
def provinces():
    """A city in the north with a province merged into it, a southern province, and
    programmes: published in the merged province, published in the city, a draft, a
    scheduled and an expired one in the city, and a closed one."""
    city = PlaceFactory(
        name="Lac Hong City", vietnamese_name="Thành phố Lạc Hồng", kind="city", region="north"
    )
    former = PlaceFactory(
        name="Van Lang", vietnamese_name="Văn Lang", successor=city, successor_since=MERGED
    )
    south = PlaceFactory(name="Phu Nam", vietnamese_name="Phú Nam", region="south")
    now = timezone.now()
    programmes = {
        "via_former": ProgrammeFactory(name="Garment Factories Programme", slug="garment"),
        "in_city": ProgrammeFactory(name="Skills for Youth", slug="skills"),
        "draft": ProgrammeFactory(name="Secret Draft Programme", draft=True),
        "scheduled": ProgrammeFactory(name="Scheduled Programme", scheduled=True),
        "expired": ProgrammeFactory(
            name="Expired Programme",
            publish_at=now - datetime.timedelta(days=9),
            unpublish_at=now - datetime.timedelta(hours=1),
        ),
        "closed": ProgrammeFactory(name="Finished Programme", stage="closed"),
        "in_south": ProgrammeFactory(name="Mekong Jobs", slug="mekong"),
    }
    programmes["via_former"].places.set([former])
    for key in ("in_city", "draft", "scheduled", "expired", "closed"):
        programmes[key].places.set([city])
    programmes["in_south"].places.set([south])
    return {"city": city, "former": former, "south": south, **programmes}


def test_page_lists_places_by_region_with_their_programmes(client, provinces):
    """Each current place is under its region with the programmes working there now."""
    response = client.get(WHERE)
    assert response.status_code == 200
    html = response.content.decode()
    north, south = section(html, "region-north"), section(html, "region-south")
    city = place_item(north, provinces["city"].slug)
    assert f'<a href="/where-we-work/{provinces["city"].slug}/">Lac Hong City</a>' in city
    assert 'href="/programmes/garment/">Garment Factories Programme</a>' in city
    assert 'href="/programmes/skills/">Skills for Youth</a>' in city
    # Closed programmes are on the place's own page, not among those active there.
    assert "Finished Programme" not in city
    assert "Mekong Jobs" in place_item(south, provinces["south"].slug)
    assert "Phu Nam" not in north and "Lac Hong City" not in south


def test_drafts_scheduled_and_expired_programmes_never_appear(client, provinces):
    """Programmes the public may not see are named nowhere, not even by their place."""
    place = provinces["city"].get_absolute_url()
    pages = [WHERE, "/vi" + WHERE, place, "/vi" + place]
    pages += [f"/news/?place={provinces['city'].slug}", f"/events/?place={provinces['city'].slug}"]
    for url in pages:
        html = client.get(url).content.decode()
        for hidden in ("Secret Draft Programme", "Scheduled Programme", "Expired Programme"):
            assert hidden not in html, (url, hidden)


def test_merged_province_is_shown_under_its_successor(client, provinces):
    """Van Lang has no entry of its own: Lac Hong City's entry names it, and its address
    leads to Lac Hong City's page."""
    # Addresses in English: a request under /vi/ leaves Vietnamese active in the thread.
    former_url, city_url = (
        provinces["former"].get_absolute_url(),
        provinces["city"].get_absolute_url(),
    )
    html = client.get(WHERE).content.decode()
    assert f'id="place-{provinces["former"].slug}"' not in html
    city = text(place_item(html, provinces["city"].slug))
    assert "Lac Hong City (including the former Van Lang, merged on 1 July 2025)" in city
    response = client.get(former_url)
    assert response.status_code == 301
    assert response["Location"] == city_url
    # Vietnamese: the Vietnamese names, and the Vietnamese address of the successor.
    vi = client.get("/vi" + WHERE).content.decode()
    assert "Thành phố Lạc Hồng" in vi and "Văn Lang" in vi
    response = client.get("/vi" + former_url)
    assert response["Location"] == "/vi" + city_url


def test_place_page_lists_programmes_news_and_events_of_the_place(client, provinces):
    """The city's page: its programmes (also those of the merged province, and the closed
    one), and the news and events of its published programmes only."""
    city = provinces["city"]
    ArticleFactory(title="Factory news", programmes=[provinces["via_former"]])
    ArticleFactory(title="Leaked draft-programme news", programmes=[provinces["draft"]])
    ArticleFactory(title="Southern news", programmes=[provinces["in_south"]])
    ArticleFactory(title="Unpublished story", programmes=[provinces["in_city"]], draft=True)
    EventFactory(title="Skills fair", programmes=[provinces["in_city"]])
    EventFactory(
        title="Last year's workshop",
        programmes=[provinces["in_city"]],
        start_date=timezone.localdate() - datetime.timedelta(days=300),
    )
    html = client.get(city.get_absolute_url()).content.decode()
    page = text(html)
    assert "<h1>Lac Hong City</h1>" in html
    assert '<p class="name-other" lang="vi">Thành phố Lạc Hồng</p>' in html
    assert "including the former Van Lang, merged on 1 July 2025" in page
    for shown in ("Garment Factories Programme", "Skills for Youth", "Finished Programme"):
        assert shown in page
    assert "Factory news" in page and "Skills fair" in page and "Last year's workshop" in page
    for hidden in ("Leaked draft-programme news", "Southern news", "Unpublished story"):
        assert hidden not in page
    assert f'href="/news/?place={city.slug}"' in html
    assert f'href="/events/past/?place={city.slug}"' in html
    vi = client.get("/vi" + city.get_absolute_url()).content.decode()
    assert "<h1>Thành phố Lạc Hồng</h1>" in vi and 'lang="en">Lac Hong City</p>' in vi


def test_unknown_place_is_not_found(client):
    assert client.get("/where-we-work/atlantis/").status_code == 404


def test_news_and_events_filter_by_place_including_merged_provinces(client, provinces):
    """?place=<slug> lists items of published programmes there, or in a province merged
    into it; items of other places and of draft programmes stay out."""
    slug = provinces["city"].slug
    ArticleFactory(title="Factory news", programmes=[provinces["via_former"]])
    ArticleFactory(title="City news", programmes=[provinces["in_city"]])
    ArticleFactory(title="Southern news", programmes=[provinces["in_south"]])
    ArticleFactory(title="Draft-programme news", programmes=[provinces["draft"]])
    EventFactory(title="City workshop", programmes=[provinces["in_city"]])
    EventFactory(title="Southern workshop", programmes=[provinces["in_south"]])
    news = text(client.get("/news/", {"place": slug}).content.decode())
    assert "Factory news" in news and "City news" in news
    assert "Southern news" not in news and "Draft-programme news" not in news
    events = text(client.get("/events/", {"place": slug}).content.decode())
    assert "City workshop" in events and "Southern workshop" not in events
    # The menu offers today's places, by their name in the reader's language.
    html = client.get("/vi/news/").content.decode()
    assert f'<option value="{slug}">Thành phố Lạc Hồng</option>' in html
    assert f'<option value="{provinces["former"].slug}"' not in html


@pytest.mark.parametrize("value", ["atlantis", "%00", "<script>", "1' OR '1'='1", "x" * 300])
@pytest.mark.parametrize("path", ["/news/", "/events/", "/vi/news/", "/events/past/"])
def test_bad_place_values_are_ignored_not_errors(client, provinces, path, value):
    """A mistyped or hostile place is ignored, with a notice; the other filters still apply."""
    ArticleFactory(title="City news", programmes=[provinces["in_city"]])
    ArticleFactory(title="Southern news", programmes=[provinces["in_south"]])
    response = client.get(path, {"place": value})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="notice" role="status"' in html
    assert "“<script>”" not in html
    if path.endswith("news/"):
        assert "City news" in text(html) and "Southern news" in text(html)


def test_former_place_value_is_ignored(client, provinces):
    """The menu offers today's places; a former province's slug is not one of them."""
    ArticleFactory(title="Southern news", programmes=[provinces["in_south"]])
    response = client.get("/news/", {"place": provinces["former"].slug})
    assert response.status_code == 200
    assert "Southern news" in text(response.content.decode())


def test_programme_page_links_its_places(client, provinces):
    """The programme page names the places under today's names, each linking to its page."""
    html = client.get(provinces["via_former"].get_absolute_url()).content.decode()
    (listed,) = re.findall(r'<ul class="place-list">(.*?)</ul>', html, re.S)
    assert f'<a href="{provinces["city"].get_absolute_url()}">Lac Hong City</a>' in listed
    assert "including the former Van Lang" in text(listed)
    assert f'href="{reverse("programmes:where_we_work")}"' in html


def test_query_counts_stay_fixed_with_more_places_and_programmes(client, provinces):
    """The pages run the same queries with a few places as with many."""
    urls = [
        WHERE,
        provinces["city"].get_absolute_url(),
        f"/news/?place={provinces['city'].slug}",
        f"/events/?place={provinces['city'].slug}",
    ]
    ArticleFactory(programmes=[provinces["in_city"]])
    EventFactory(programmes=[provinces["in_city"]])
    before = [count_queries(client, url) for url in urls]
    for _i in range(10):
        place = PlaceFactory(region="central")
        old = PlaceFactory(successor=provinces["city"], successor_since=MERGED)
        programme = ProgrammeFactory()
        programme.places.set([place, old])
        ArticleFactory(programmes=[programme])
        EventFactory(programmes=[programme])
    assert [count_queries(client, url) for url in urls] == before


def _delete_places():
    Place.objects.update(successor=None, successor_since=None)
    Place.objects.all().delete()


def _run_migration(apps_registry=apps):
    module = importlib.import_module("programmes.migrations.0012_places_of_viet_nam")
    module.add_places(apps_registry, None)
    return module


def test_migration_adds_the_34_units_and_29_former_provinces_keeping_staff_edits():
    """The data migration creates what is missing, fills only empty fields of what staff
    entered, and adds nothing twice when run again."""
    _delete_places()
    # Staff entered Hanoi with a region of their own, and Hai Duong without its successor.
    hanoi = Place.objects.create(name="Hanoi", slug="ha-noi", region="central", kind="city")
    hai_duong = Place.objects.create(name="Hai Duong", slug="hai-duong")
    # Staff already recorded that Binh Duong joined Ho Chi Minh City, on a date of theirs.
    hcmc = Place.objects.create(name="HCMC", slug="ho-chi-minh-city", kind="city")
    binh_duong = Place.objects.create(
        name="Binh Duong", slug="binh-duong", successor=hcmc, successor_since=MERGED
    )
    module = _run_migration()
    _run_migration()
    assert Place.objects.filter(successor__isnull=True).count() == 34
    assert Place.objects.filter(successor__isnull=False).count() == 29
    assert len(module.CURRENT) == 34 and len(module.FORMER) == 29
    hanoi.refresh_from_db()
    assert (hanoi.slug, hanoi.region, hanoi.vietnamese_name) == ("ha-noi", "central", "Hà Nội")
    hai_duong.refresh_from_db()
    assert hai_duong.successor.slug == "hai-phong" and hai_duong.successor_since == MERGED
    assert hai_duong.vietnamese_name == "Hải Dương"
    binh_duong.refresh_from_db()
    assert binh_duong.successor == hcmc
    hcmc.refresh_from_db()
    assert hcmc.name == "HCMC" and hcmc.region == "south"
    # Every current unit has a region and its Vietnamese name with diacritics.
    current = Place.objects.filter(successor__isnull=True)
    assert not current.filter(region="").exists()
    assert current.get(slug="da-nang").vietnamese_name == "Đà Nẵng"
    regions = [region for *_names, region in module.CURRENT]
    counts = {region: regions.count(region) for region in Place.Region}
    assert counts == {"north": 15, "central": 11, "south": 8}
    # Staff's Hanoi keeps the region they gave it.
    assert current.filter(region="north").count() == 14
    assert current.filter(kind="city").count() == 6


def test_page_lists_every_current_unit_after_the_migration(client):
    """With the migration's places, the page lists 34 provinces and cities."""
    _delete_places()
    _run_migration()
    html = client.get(WHERE).content.decode()
    assert len(re.findall(r'<li id="place-', html)) == 34
    north = section(html, "region-north")
    assert "Hai Phong (including the former Hai Duong, merged on 1 July 2025)" in text(north)
    vi = text(client.get("/vi" + WHERE).content.decode())
    assert "Miền Trung" in vi
    assert "Thành phố Hồ Chí Minh (gồm" in vi or "Thành phố Hồ Chí Minh (" in vi


def test_place_pages_are_in_the_sitemap(client, provinces):
    """Today's places have sitemap entries in both languages; former ones none."""
    xml = client.get("/sitemap-where-we-work.xml").content.decode()
    assert f"http://testserver{provinces['city'].get_absolute_url()}" in xml
    assert f"http://testserver/vi{provinces['city'].get_absolute_url()}" in xml
    assert provinces["former"].get_absolute_url() not in xml
    pages = client.get("/sitemap-pages.xml").content.decode()
    assert "http://testserver/where-we-work/" in pages
