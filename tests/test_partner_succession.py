"""Partners over time (issue 14, item 5): a ministry's successor finds its predecessors' items,
the programme pages name merged provinces by their current names, and partner names and notes
read in Vietnamese on /vi/."""

import html as html_lib
import re

import pytest

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
