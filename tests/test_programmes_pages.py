"""The hub pages: programme, theme, partner and their lists show only published content."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from programmes.models import KeyFigure, Partner, ProgrammePartner
from tests.factories import (
    ArticleFactory,
    EventFactory,
    KeyFigureFactory,
    PartnerFactory,
    PhotoFactory,
    PlaceFactory,
    ProgrammeContactFactory,
    ProgrammeFactory,
    ProgrammePartnerFactory,
    ProgrammePhaseFactory,
    ThemeFactory,
)
from tests.public_urls import count_queries

pytestmark = pytest.mark.django_db

Role = ProgrammePartner.Role
d = datetime.date


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture(params=["anonymous", "staff"])
def visitor(request, client):
    """Every public rule holds for anonymous readers and for logged-in staff alike."""
    if request.param == "staff":
        user = get_user_model().objects.create_user(
            "editor", "editor@example.org", "x", is_staff=True
        )
        client.force_login(user)
    return client


@pytest.fixture
def hub():
    """A programme, theme and partner with published, draft and scheduled content around them."""
    theme = ThemeFactory(name="Social protection and social security", slug="social-protection")
    partner = PartnerFactory(name="Viet Nam General Confederation of Labour", acronym="VGCL")
    programme = ProgrammeFactory(name="Better Work Viet Nam", slug="better-work-viet-nam")
    programme.themes.set([theme])
    ProgrammePartnerFactory(programme=programme, partner=partner, role=Role.SIGNATORY)
    links = {"programmes": [programme], "themes": [theme], "partners": [partner]}
    now = timezone.now()
    ArticleFactory(
        title="Older published story", publish_at=now - datetime.timedelta(days=9), **links
    )
    ArticleFactory(
        title="Newer published story", publish_at=now - datetime.timedelta(days=1), **links
    )
    ArticleFactory(title="Draft story", draft=True, **links)
    ArticleFactory(title="Scheduled story", scheduled=True, **links)
    EventFactory(title="Workshop next month", start_date=days(30), **links)
    EventFactory(title="Workshop next week", start_date=days(7), **links)
    EventFactory(title="Draft workshop", start_date=days(3), draft=True, **links)
    EventFactory(title="Scheduled workshop", start_date=days(4), scheduled=True, **links)
    EventFactory(title="Meeting last year", start_date=days(-300), **links)
    EventFactory(title="Meeting last month", start_date=days(-30), **links)
    other = ProgrammeFactory(name="Draft programme of the same area", draft=True)
    other.themes.set([theme])
    ProgrammePartnerFactory(programme=other, partner=partner)
    return {"theme": theme, "partner": partner, "programme": programme}


def in_order(html, *texts):
    positions = [html.index(text) for text in texts]
    return positions == sorted(positions)


def hub_urls(hub):
    return [
        hub["programme"].get_absolute_url(),
        hub["theme"].get_absolute_url(),
        hub["partner"].get_absolute_url(),
    ]


def test_hub_pages_show_only_published_news_and_events_in_order(hub, visitor):
    """Programme, theme and partner pages: newest news first, next events first, no drafts."""
    for url in hub_urls(hub):
        html = visitor.get(url).content.decode()
        assert in_order(html, "Newer published story", "Older published story"), url
        assert in_order(html, "Workshop next week", "Workshop next month"), url
        assert in_order(html, "Meeting last month", "Meeting last year"), url
        for hidden in ("Draft story", "Scheduled story", "Draft workshop", "Scheduled workshop"):
            assert hidden not in html, (url, hidden)
        assert "Draft programme of the same area" not in html, url


def test_programme_lists_hide_drafts(hub, visitor):
    """The programme list and the theme and partner pages never list a draft programme."""
    html = visitor.get(reverse("programmes:programme_list")).content.decode()
    assert "Better Work Viet Nam" in html
    assert "Draft programme of the same area" not in html


def test_draft_programme_page_is_not_found(hub, visitor):
    """A draft programme's own page answers 404, to staff as well: they preview in the admin."""
    draft = ProgrammeFactory(draft=True)
    assert visitor.get(draft.get_absolute_url()).status_code == 404


def test_programme_page_advertises_its_feeds(hub, client):
    """RSS, Atom and iCalendar links sit in <head> with their types and in the page as links."""
    html = client.get(hub["programme"].get_absolute_url()).content.decode()
    head, body = html.split("</head>")
    expected = {
        "application/rss+xml": reverse(
            "newsroom:programme_feed_rss", kwargs={"slug": "better-work-viet-nam"}
        ),
        "application/atom+xml": reverse(
            "newsroom:programme_feed_atom", kwargs={"slug": "better-work-viet-nam"}
        ),
        "text/calendar": reverse(
            "events:programme_calendar", kwargs={"programme_slug": "better-work-viet-nam"}
        ),
    }
    for kind, url in expected.items():
        assert re.search(rf'<link rel="alternate" type="{re.escape(kind)}"[^>]*href="{url}"', head)
        assert f'href="{url}"' in body
        assert client.get(url).status_code == 200


def test_programme_page_shows_figures_phases_places_contacts(client):
    """Key figures with date and source, phases in order, merged places, contacts."""
    programme = ProgrammeFactory(tagline="Decent work in garment factories")
    KeyFigureFactory(
        programme=programme,
        label="Participating factories",
        value=440,
        qualifier=KeyFigure.Qualifier.MORE_THAN,
        unit="factories",
        source="Better Work Viet Nam",
        source_url="https://betterwork.org/vietnam/",
        order=1,
    )
    KeyFigureFactory(programme=programme, label="Workers", value=750000, unit="workers", order=2)
    ProgrammePhaseFactory(programme=programme, name="Phase 2023-2027", order=2)
    ProgrammePhaseFactory(
        programme=programme, name="First phase", start_date=d(2009, 1, 1), order=1
    )
    hcmc = PlaceFactory(name="Ho Chi Minh City", kind="city")
    binh_duong = PlaceFactory(name="Binh Duong", successor=hcmc, successor_since=d(2025, 7, 1))
    programme.places.set([hcmc, binh_duong])
    ProgrammeContactFactory(programme=programme, name="Nguyen Van A", phone="+84 24 3734 0902")
    html = client.get(programme.get_absolute_url()).content.decode()
    assert "Decent work in garment factories" in html
    assert in_order(html, "440+</strong> factories", "750,000</strong> workers")
    assert "As of 22 November 2022" in html
    assert (
        '<a href="https://betterwork.org/vietnam/" rel="noopener">Better Work Viet Nam</a>' in html
    )
    assert in_order(html, "First phase", "Since 2009", "Phase 2023-2027")
    # Under today's name, the merged province noted (issue 14, item 5), linking to the
    # place's page (issue 17, item 4).
    assert (
        f'<a href="{hcmc.get_absolute_url()}">Ho Chi Minh City</a> <span class="place-former">'
        "(including the former Binh Duong, merged on 1 July 2025)</span>" in html
    )
    assert "Nguyen Van A" in html and "+84 24 3734 0902" in html and "mailto:hanoi@ilo.org" in html


def test_key_figures_follow_the_reader_language(client):
    """The Vietnamese page groups thousands with a dot: 750.000."""
    programme = ProgrammeFactory()
    KeyFigureFactory(programme=programme, value=750000, unit="workers")
    url = programme.get_absolute_url()
    assert "750,000</strong>" in client.get(url).content.decode()
    assert "750.000</strong>" in client.get("/vi" + url).content.decode()


def test_places_show_their_vietnamese_name_on_vietnamese_pages(client):
    """A merged place reads "Bình Dương ... Thành phố Hồ Chí Minh" under /vi/."""
    hcmc = PlaceFactory(name="Ho Chi Minh City", vietnamese_name="Thành phố Hồ Chí Minh")
    binh_duong = PlaceFactory(
        name="Binh Duong", vietnamese_name="Bình Dương", successor=hcmc, successor_since=None
    )
    programme = ProgrammeFactory()
    programme.places.set([binh_duong])
    html = client.get("/vi" + programme.get_absolute_url()).content.decode()
    assert "Bình Dương" in html and "Thành phố Hồ Chí Minh" in html
    assert "Binh Duong" not in html


def test_partners_grouped_by_role_in_a_fixed_order(client):
    """Funding, implementing, counterpart, signatories, other: each group sorted by name."""
    programme = ProgrammeFactory()
    for name, role in [
        ("Zeta partner", Role.PARTNER),
        ("Viet Nam General Confederation of Labour", Role.SIGNATORY),
        ("Ministry of Labour", Role.SIGNATORY),
        ("International Finance Corporation", Role.IMPLEMENTING),
        ("European Union", Role.FUNDING),
        ("Ministry of Home Affairs", Role.COUNTERPART),
    ]:
        partner = PartnerFactory(name=name)
        ProgrammePartnerFactory(programme=programme, partner=partner, role=role)
    html = client.get(programme.get_absolute_url()).content.decode()
    assert in_order(
        html,
        "Funding partners",
        "European Union",
        "Implementing partners",
        "International Finance Corporation",
        "National counterparts",
        "Ministry of Home Affairs",
        "Signed the programme agreement with the ILO",
        "Ministry of Labour",
        "Viet Nam General Confederation of Labour",
        "Other partners",
        "Zeta partner",
    )


def test_partner_list_puts_tripartite_constituents_first(client):
    """Government, employers and workers come first under "Tripartite constituents"."""
    PartnerFactory(name="International Organization for Migration", kind=Partner.Kind.UN_AGENCY)
    PartnerFactory(name="Swedish agency", kind=Partner.Kind.DONOR)
    PartnerFactory(name="Viet Nam General Confederation of Labour", kind=Partner.Kind.WORKERS)
    PartnerFactory(name="Viet Nam Chamber of Commerce", kind=Partner.Kind.EMPLOYERS)
    PartnerFactory(name="Ministry of Home Affairs", kind=Partner.Kind.GOVERNMENT)
    html = client.get(reverse("programmes:partner_list")).content.decode()
    assert in_order(
        html,
        "Tripartite constituents",
        "Ministry of Home Affairs",
        "Viet Nam Chamber of Commerce",
        "Viet Nam General Confederation of Labour",
        "UN agency",
        "International Organization for Migration",
        "Donor",
        "Swedish agency",
    )


def test_renamed_partner_resolves_both_ways(client):
    """MOLISA's page sends readers to MOHA; MOHA's lists MOLISA; old news still names MOLISA."""
    moha = PartnerFactory(name="Ministry of Home Affairs", acronym="MOHA", slug="moha")
    molisa = PartnerFactory(
        name="Ministry of Labour, Invalids and Social Affairs",
        acronym="MOLISA",
        slug="molisa",
        successor=moha,
        successor_since=d(2025, 3, 1),
        successor_note="Its labour functions moved to MOHA.",
    )
    old = ArticleFactory(title="Labour code consultation", partners=[molisa])
    html = client.get(molisa.get_absolute_url()).content.decode()
    assert "Since 1 March 2025 the work of MOLISA is carried out by" in html
    assert '<a href="/partners/moha/">Ministry of Home Affairs (MOHA)</a>' in html
    assert "Its labour functions moved to MOHA." in html
    assert "Labour code consultation" in html
    moha_html = client.get(moha.get_absolute_url()).content.decode()
    assert "Until 1 March 2025:" in moha_html and 'href="/partners/molisa/"' in moha_html
    article_html = client.get(old.get_absolute_url()).content.decode()
    assert 'href="/partners/molisa/"' in article_html
    listing = client.get(reverse("programmes:partner_list")).content.decode()
    assert "(now MOHA)" in listing


def test_areas_of_work_mainstream_cross_cutting_themes_in_each_area(client):
    """Each strategic area on /areas-of-work/ names every cross-cutting theme."""
    for n, name in enumerate(["Labour market governance", "Employment", "Social protection"]):
        ThemeFactory(name=name, order=n)
    for n, name in enumerate(["Social dialogue", "International Labour Standards", "Gender"]):
        ThemeFactory(name=name, is_cross_cutting=True, order=n)
    html = client.get(reverse("programmes:theme_list")).content.decode()
    areas = html.split('<section class="area"')[1:]
    assert len(areas) == 3
    for area in areas:
        assert in_order(area, "Social dialogue", "International Labour Standards", "Gender")


def test_theme_description_is_sanitised_and_photo_shown(client):
    """A theme's rich text loses its script on save; its photo shows with caption and credit."""
    theme = ThemeFactory(
        description='<p onclick="x()">Decent work</p><script>alert(1)</script>',
        photo=PhotoFactory(caption="Garment workers", credit="© ILO/A.Santos"),
    )
    assert theme.description == "<p>Decent work</p>"
    html = client.get(theme.get_absolute_url()).content.decode()
    assert "<p>Decent work</p>" in html and "alert(1)" not in html
    assert "© ILO/A.Santos" in html


def _grow(hub, n):
    """Add n of every related item around the hub's programme, theme and partner."""
    programme, theme, partner = hub["programme"], hub["theme"], hub["partner"]
    links = {"programmes": [programme], "themes": [theme], "partners": [partner]}
    photo = PhotoFactory()
    successor = PartnerFactory()
    partner.successor = successor
    partner.save()
    for i in range(n):
        ArticleFactory(hero=photo, **links)
        EventFactory(start_date=days(i + 1), **links)
        EventFactory(start_date=days(-i - 1), **links)
        KeyFigureFactory(programme=programme, value=1000 + i)
        ProgrammePhaseFactory(programme=programme)
        ProgrammeContactFactory(programme=programme)
        place = PlaceFactory(successor=PlaceFactory(), successor_since=d(2025, 7, 1))
        programme.places.add(place)
        ProgrammePartnerFactory(programme=programme, partner=PartnerFactory(successor=successor))
        other = ProgrammeFactory(photo=photo)
        other.themes.add(theme)
        ProgrammePartnerFactory(programme=other, partner=partner, role=Role.FUNDING)
        ProgrammePartnerFactory(programme=other, partner=partner, role=Role.SIGNATORY)
        PartnerFactory(successor=partner)
        ThemeFactory(is_cross_cutting=i % 2 == 0, photo=photo)


def test_hub_query_counts_do_not_grow_with_related_items(hub, client):
    """Each hub and list page runs the same number of queries with 2 or 15 of everything."""
    urls = [
        *hub_urls(hub),
        reverse("programmes:programme_list"),
        reverse("programmes:programme_list") + f"?partner={hub['partner'].slug}&status=active",
        reverse("programmes:theme_list"),
        reverse("programmes:partner_list"),
    ]
    _grow(hub, 2)
    few = [count_queries(client, url) for url in urls]
    _grow(hub, 13)
    many = [count_queries(client, url) for url in urls]
    assert few == many


def test_key_figures_are_a_grid_with_their_shared_source_said_once(client):
    """Three figures from one report: a grid of numbers and one source line under it."""
    programme = ProgrammeFactory(slug="bw")
    for label in ("factories", "workers", "provinces"):
        KeyFigureFactory(programme=programme, label=label, source="The Hanoi Times")
    html = client.get("/programmes/bw/").content.decode()
    figures = html[html.index('aria-labelledby="key-figures"') :].split("</section>")[0]
    assert figures.count('<li><span class="figure-number"><strong class="figure-value">') == 3
    assert figures.count("The Hanoi Times") == 1
    assert figures.count("As of 22 November 2022") == 1


def test_key_figures_from_different_sources_each_keep_theirs(client):
    """Figures whose sources differ each say where they come from."""
    programme = ProgrammeFactory(slug="bw")
    KeyFigureFactory(programme=programme, source="The Hanoi Times")
    KeyFigureFactory(programme=programme, source="Better Work annual report")
    html = client.get("/programmes/bw/").content.decode()
    assert "The Hanoi Times" in html and "Better Work annual report" in html
    assert html.count('<small class="figure-source">') == 2


def test_a_closed_programme_shows_its_dates_and_phases_and_no_empty_blocks(client):
    """Closed: its dates and phases, no "no news yet", "no upcoming events" or "follow"."""
    programme = ProgrammeFactory(
        slug="enhance", stage="closed", start_date=d(2017, 1, 1), end_date=d(2020, 12, 31)
    )
    ProgrammePhaseFactory(programme=programme, name="Pilot", start_date=d(2017, 1, 1))
    html = client.get("/programmes/enhance/").content.decode()
    assert "1 January 2017" in html and "31 December 2020" in html
    assert 'id="phases"' in html and "Pilot" in html
    assert "No news of this programme yet" not in html
    assert "No upcoming events of this programme." not in html
    assert 'id="follow"' not in html


def test_an_active_programme_still_says_what_is_not_there_yet(client):
    """Active: the empty news and events blocks say so, and readers can follow it."""
    ProgrammeFactory(slug="bw")
    html = client.get("/programmes/bw/").content.decode()
    assert "No news of this programme yet" in html and 'id="follow"' in html
