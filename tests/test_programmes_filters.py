"""/programmes/: filters by status, theme and partner; active first; bad input is ignored."""

import pytest
from django.urls import reverse

from programmes.models import Programme, ProgrammePartner
from tests.factories import PartnerFactory, ProgrammeFactory, ProgrammePartnerFactory, ThemeFactory

pytestmark = pytest.mark.django_db

Stage = Programme.Stage
URL = reverse("programmes:programme_list")


@pytest.fixture
def programmes():
    governance = ThemeFactory(name="Labour market governance", slug="labour-market-governance")
    vgcl = PartnerFactory(name="Viet Nam General Confederation of Labour", slug="vgcl")
    better_work = ProgrammeFactory(name="Better Work Viet Nam", stage=Stage.ACTIVE)
    better_work.themes.set([governance])
    # Two roles for one partner must not list the programme twice.
    ProgrammePartnerFactory(
        programme=better_work, partner=vgcl, role=ProgrammePartner.Role.SIGNATORY
    )
    ProgrammePartnerFactory(programme=better_work, partner=vgcl, role=ProgrammePartner.Role.PARTNER)
    ProgrammeFactory(name="Aardvark closed project", stage=Stage.CLOSED)
    ProgrammeFactory(name="Abacus pipeline project", stage=Stage.PIPELINE)
    ProgrammeFactory(name="Zebra active project", stage=Stage.ACTIVE)
    ProgrammeFactory(name="Draft active project", stage=Stage.ACTIVE, draft=True)


def names(response):
    return [p.name for p in response.context["programmes"]]


def test_active_programmes_come_first(programmes, client):
    """Active programmes by name, then those in preparation, then closed ones; no drafts."""
    assert names(client.get(URL)) == [
        "Better Work Viet Nam",
        "Zebra active project",
        "Abacus pipeline project",
        "Aardvark closed project",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "closed"}, ["Aardvark closed project"]),
        ({"status": "pipeline"}, ["Abacus pipeline project"]),
        ({"theme": "labour-market-governance"}, ["Better Work Viet Nam"]),
        ({"partner": "vgcl"}, ["Better Work Viet Nam"]),
        ({"partner": "vgcl", "status": "closed"}, []),
    ],
)
def test_filters_narrow_the_list(programmes, client, query, expected):
    """Each filter keeps the programmes that match it, each once."""
    assert names(client.get(URL, query)) == expected


def test_no_match_says_so(programmes, client):
    """A filter combination with no programme gives a sentence and a way back."""
    html = client.get(URL, {"partner": "vgcl", "status": "closed"}).content.decode()
    assert "No programmes match these filters." in html


@pytest.mark.parametrize(
    "query",
    [
        {"status": "finished"},
        {"theme": "no-such-theme"},
        {"partner": "no-such-partner"},
        {"partner": "'; DROP TABLE programmes_programme; --"},
        {"theme": "\x00"},
        {"status": "a" * 5000},
    ],
)
def test_bad_filter_values_are_ignored_with_a_notice(programmes, client, query):
    """A malformed filter value shows the full list and a notice, never a server error."""
    response = client.get(URL, query)
    assert response.status_code == 200
    assert len(names(response)) == 4
    assert "was ignored" in response.content.decode()


def test_a_bad_filter_does_not_drop_the_good_one(programmes, client):
    """With one bad and one good value, the good filter still applies."""
    response = client.get(URL, {"status": "closed", "theme": "gone"})
    assert names(response) == ["Aardvark closed project"]
    assert "was ignored" in response.content.decode()
