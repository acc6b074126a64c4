"""Partners over time (issue 14, item 5): a ministry's successor finds its predecessors' items,
the programme pages name merged provinces by their current names, and partner names and notes
read in Vietnamese on /vi/."""

import html as html_lib
import re

import pytest
from django.utils import translation

from tests.factories import ArticleFactory, EventFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def titles(response):
    assert response.status_code == 200
    found = re.findall(
        r'class="card-title"><a href="[^"]+"[^>]*>([^<]+)</a>', response.content.decode()
    )
    return sorted(html_lib.unescape(title) for title in found)


def former_names_note(response):
    found = re.findall(r'<p class="notice former-names"[^>]*>(.*?)</p>', response.content.decode())
    return html_lib.unescape(found[0]) if found else None


@pytest.fixture
def ministries():
    """MOLISA merged into the Ministry of Home Affairs; an older name of MOLISA before it."""
    moha = PartnerFactory(slug="moha", name="Ministry of Home Affairs", acronym="MOHA")
    molisa = PartnerFactory(
        slug="molisa",
        name="Ministry of Labour, Invalids and Social Affairs",
        acronym="MOLISA",
        successor=moha,
    )
    older = PartnerFactory(slug="older", name="Ministry of Labour", acronym="", successor=molisa)
    other = PartnerFactory(slug="vgcl", name="Viet Nam General Confederation of Labour")
    ArticleFactory(title="MOHA takes over labour policy", partners=[moha])
    ArticleFactory(title="MOLISA signs the Better Work memorandum", partners=[molisa])
    ArticleFactory(title="Tagged with both names", partners=[molisa, moha])
    ArticleFactory(title="A 1990s agreement", partners=[older])
    ArticleFactory(title="Union congress", partners=[other])
    EventFactory(title="MOLISA consultation", partners=[molisa])
    EventFactory(title="MOHA workshop", partners=[moha])
    EventFactory(title="Union training", partners=[other])
    return moha


def test_news_filtered_by_the_successor_finds_its_former_names_and_says_so(client, ministries):
    response = client.get("/news/?partner=moha")
    assert titles(response) == [
        "A 1990s agreement",
        "MOHA takes over labour policy",
        "MOLISA signs the Better Work memorandum",
        "Tagged with both names",  # once, though tagged twice
    ]
    assert former_names_note(response) == (
        # The latest former name first.
        "Including items of its former names: "
        "Ministry of Labour, Invalids and Social Affairs (MOLISA); Ministry of Labour."
    )


def test_events_filtered_by_the_successor_find_its_former_names(client, ministries):
    response = client.get("/events/?partner=moha")
    assert titles(response) == ["MOHA workshop", "MOLISA consultation"]
    assert "MOLISA" in former_names_note(response)


def test_a_former_name_finds_only_its_own_items_and_no_note(client, ministries):
    response = client.get("/news/?partner=molisa")
    assert "MOHA takes over labour policy" not in titles(response)
    assert "A 1990s agreement" in titles(response)  # MOLISA's own former name
    response = client.get("/news/?partner=vgcl")
    assert titles(response) == ["Union congress"]
    assert former_names_note(response) is None


def test_programme_pages_name_merged_provinces_by_their_current_names(client):
    """Binh Duong and Ba Ria - Vung Tau became part of Ho Chi Minh City on 1 July 2025:
    the programme page lists Ho Chi Minh City once, noting the former provinces."""
    import datetime

    from tests.factories import PlaceFactory, ProgrammeFactory

    merged = datetime.date(2025, 7, 1)
    hcmc = PlaceFactory(name="Ho Chi Minh City", vietnamese_name="Thành phố Hồ Chí Minh")
    binh_duong = PlaceFactory(
        name="Binh Duong", vietnamese_name="Bình Dương", successor=hcmc, successor_since=merged
    )
    vung_tau = PlaceFactory(
        name="Ba Ria - Vung Tau",
        vietnamese_name="Bà Rịa - Vũng Tàu",
        successor=hcmc,
        successor_since=merged,
    )
    hanoi = PlaceFactory(name="Hanoi", vietnamese_name="Hà Nội")
    programme = ProgrammeFactory()
    programme.places.set([binh_duong, vung_tau, hcmc, hanoi])

    def places(url):
        page = client.get(url).content.decode()
        (listed,) = re.findall(r'<ul class="place-list">(.*?)</ul>', page, re.S)
        found = re.findall(r"<li>(.*?)</li>", listed, re.S)
        return [html_lib.unescape(re.sub(r"<[^>]+>", "", item)).strip() for item in found]

    assert places(programme.get_absolute_url()) == [
        "Hanoi",
        "Ho Chi Minh City (including the former Ba Ria - Vung Tau, Binh Duong, "
        "merged on 1 July 2025)",
    ]
    vi = places("/vi" + programme.get_absolute_url())
    assert len(vi) == 2 and vi[0] == "Hà Nội"
    assert vi[1].startswith("Thành phố Hồ Chí Minh (")
    assert "Bà Rịa - Vũng Tàu, Bình Dương" in vi[1]


def test_partner_name_note_figure_source_and_caption_read_in_vietnamese_on_vi(client):
    """What staff wrote in Vietnamese is what /vi/ shows; English stays on English pages."""
    from tests.factories import KeyFigureFactory, PhotoFactory, ProgrammeFactory

    moha = PartnerFactory(slug="moha", name="Ministry of Home Affairs", name_vi="Bộ Nội vụ")
    PartnerFactory(
        slug="molisa",
        name="Ministry of Labour, Invalids and Social Affairs",
        name_vi="Bộ Lao động - Thương binh và Xã hội",
        acronym="MOLISA",
        successor=moha,
        successor_note="MOLISA was merged into the Ministry of Home Affairs.",
        successor_note_vi="Bộ Lao động - Thương binh và Xã hội được hợp nhất vào Bộ Nội vụ.",
    )
    vi = client.get("/vi/partners/molisa/").content.decode()
    assert "<h1>Bộ Lao động - Thương binh và Xã hội</h1>" in vi
    assert (
        '<p class="name-other" lang="en">Ministry of Labour, Invalids and Social Affairs</p>' in vi
    )
    assert "được hợp nhất vào Bộ Nội vụ." in vi
    assert "MOLISA was merged" not in vi
    en = client.get("/partners/molisa/").content.decode()
    assert "<h1>Ministry of Labour, Invalids and Social Affairs</h1>" in en
    assert '<p class="name-other" lang="vi">Bộ Lao động - Thương binh và Xã hội</p>' in en
    assert "MOLISA was merged into the Ministry of Home Affairs." in en

    programme = ProgrammeFactory(
        photo=PhotoFactory(caption_en="Workers in Hanoi.", caption_vi="Công nhân tại Hà Nội.")
    )
    KeyFigureFactory(
        programme=programme,
        source_en="Better Work Viet Nam, as reported by The Hanoi Times",
        source_vi="Better Work Việt Nam, theo The Hanoi Times",
    )
    vi = client.get("/vi" + programme.get_absolute_url()).content.decode()
    assert "Better Work Việt Nam, theo The Hanoi Times" in vi
    assert "as reported by" not in vi
    article = ArticleFactory(
        hero=PhotoFactory(caption_en="Workers in Hanoi.", caption_vi="Công nhân tại Hà Nội.")
    )
    with translation.override("en"):  # the requests above left Vietnamese active
        url = article.get_absolute_url()
    assert "Công nhân tại Hà Nội." in client.get("/vi" + url).content.decode()
    assert "Workers in Hanoi." in client.get(url).content.decode()


def test_demo_records_the_1_march_2025_restructuring_for_every_ministry_it_touched(db):
    """MOLISA to Home Affairs, Planning and Investment to Finance, and their departments."""
    import datetime

    from django.core.management import call_command

    from programmes.models import Partner

    call_command("load_demo_content", verbosity=0)
    successors = dict(
        Partner.objects.filter(successor_since=datetime.date(2025, 3, 1)).values_list(
            "slug", "successor__slug"
        )
    )
    assert successors == {
        "molisa": "moha",
        "mpi": "mof",
        "gso": "nso",
        "dolab": "dolab-moha",
        "doe": "doe-moha",
        "dvet": "moet-vocational",
    }
    # Ministries the restructuring did not merge keep no successor.
    assert not Partner.objects.filter(
        slug__in=["mofa", "moj", "moha", "mof"], successor__isnull=False
    )
    for partner in Partner.objects.filter(successor__isnull=False):
        assert partner.successor_note_en and partner.successor_note_vi, partner.slug
