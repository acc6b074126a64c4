"""Acceptance: the programme hub with the demo content loaded from the seeds."""

import re

import pytest
from django.core.management import call_command

from ilo_office.demo.loader import load
from programmes.models import KeyFigure, Partner, Place, ProgrammePhase, Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo_content", verbosity=0)


def text_of(html):
    """The page's text with tags removed and spaces collapsed, as a reader scans it."""
    spaced = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    return re.sub(r" ([,.;:)])", r"\1", spaced)


def section(html, heading_id):
    """The HTML of the <section> labelled by the heading with this id."""
    start = html.index(f'aria-labelledby="{heading_id}"')
    return html[start : html.index("</section>", start)]


def test_better_work_page_shows_phases_figures_partners_and_article(demo, client):
    """Better Work shows its two phases, 440+/750,000/29 as of the MoU, signatories, article."""
    html = client.get("/programmes/better-work-viet-nam/").content.decode()
    phases = text_of(section(html, "phases"))
    assert "Garment and footwear factories Since 2009" in phases
    assert re.search(r"Phase 2023-2027 2023 ?\u2013 ?2027", phases)
    assert phases.index("Since 2009") < phases.index("Phase 2023-2027")
    figures = text_of(section(html, "key-figures"))
    for printed in ("440+ factories", "750,000 workers", "29 provinces and cities"):
        assert printed in figures
    # The three figures share their source and date: said once, under the grid.
    assert figures.count("As of 22 November 2022") == 1
    assert "The Hanoi Times" in figures
    partners = text_of(section(html, "partners"))
    signed = partners.split("Signed the programme agreement with the ILO")[1]
    for acronym in ("IFC", "MOLISA", "VCCI", "VGCL"):
        assert f"({acronym})" in signed
    assert "(now MOHA)" in partners
    news = section(html, "latest-news")
    assert "Better Work Vietnam program to deploy in Hanoi and other localities" in news
    assert "Hanoi" in text_of(html) and "Ho Chi Minh City" in text_of(html)


@pytest.mark.parametrize(
    ("slug", "titles"),
    [
        (
            "enhance",
            [
                "Study Visit to Sri Lanka",
                "ENHANCE Project Endline KAP survey",
                "ENHANCE project to develop child labour free",
            ],
        ),
        (
            "rsca",
            [
                "Social Responsibility in Labour Management",
                'Inception meeting of the "CSR Think-Tank"',
                'Technical workshop "CSR implementation',
            ],
        ),
    ],
)
def test_enhance_and_rsca_pages_list_their_seed_events(demo, client, slug, titles):
    """The ENHANCE and RSCA pages list their seed events, newest first."""
    html = client.get(f"/programmes/{slug}/").content.decode()
    events = section(html, "past-events").replace("&quot;", '"')
    positions = [events.index(title) for title in titles]
    assert positions == sorted(positions)


def test_areas_of_work_page_has_the_structure_of_the_seed(demo, client):
    """Intro, three strategic areas each with the three cross-cutting themes, paragraphs, photo."""
    html = client.get("/areas-of-work/").content.decode()
    text = text_of(html)
    assert "decent work for all in Viet Nam" in text
    strategic = [
        "Labour market governance",
        "Employment and sustainable enterprise development",
        "Social protection and social security",
    ]
    starts = [html.index(f'id="{t.slug}"') for t in Theme.objects.filter(is_cross_cutting=False)]
    assert starts == sorted(starts) and len(starts) == 3
    for name, start in zip(strategic, starts, strict=True):
        area = text_of(html[start : html.index("</section>", start)])
        assert name in area
        assert (
            "Mainstreamed in this area: Social dialogue, International Labour Standards, Gender"
            in area
        )
    assert "labour market information systems" in text
    assert "occupational safety and health" in text
    assert "a stronger labour administration" in text
    assert "fundamental rights at work" in text
    assert "The majority of garment workers in Viet Nam are women." in text
    assert "© ILO/A.Santos" in text


def test_molisa_page_points_to_moha_and_moha_lists_molisa(demo, client):
    """MOLISA's page says MOHA carries out its work since 1 March 2025; MOHA names MOLISA."""
    molisa = text_of(client.get("/partners/molisa/").content.decode())
    assert "Since 1 March 2025 the work of MOLISA is carried out by Ministry of Home Affairs" in (
        molisa
    )
    assert "Bộ Lao động - Thương binh và Xã hội" in molisa
    moha_html = client.get("/partners/moha/").content.decode()
    assert 'href="/partners/molisa/"' in section(moha_html, "predecessors")
    assert "Bộ Nội vụ" in moha_html


def test_demo_places_record_the_2025_mergers():
    """Binh Duong and Ba Ria - Vung Tau are part of Ho Chi Minh City from 1 July 2025."""
    load()
    hcmc = Place.objects.get(slug="ho-chi-minh-city")
    assert set(hcmc.predecessors.values_list("name", flat=True)) == {
        "Binh Duong",
        "Ba Ria - Vung Tau",
    }
    assert Place.objects.get(slug="kien-giang").successor.slug == "an-giang"
    assert Partner.objects.get(slug="molisa").successor.slug == "moha"


def test_refreshing_the_demo_content_changes_nothing_it_loaded():
    """A refresh right after loading finds every programme detail as the seed has it."""
    load()
    loader = load(refresh=True)
    assert not +loader.updated, loader.updated
    assert ProgrammePhase.objects.count() == 2
    assert KeyFigure.objects.count() == 3


def test_a_changed_key_figure_survives_a_refresh():
    """A key figure staff changed is part of their programme's edit: --refresh keeps it."""
    load()
    figure = KeyFigure.objects.get(unit="workers")
    figure.value = 1
    figure.save()
    load()
    figure.refresh_from_db()
    assert figure.value == 1
    load(refresh=True)
    figure.refresh_from_db()
    assert figure.value == 1
