"""The programme hub in the back office: inlines, searchable lists and autocomplete."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories import PartnerFactory, PlaceFactory, ProgrammeFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    client.force_login(user)
    return client


def test_programme_form_has_phase_figure_partner_and_contact_inlines(admin_client):
    """Staff add phases, key figures, partner roles and contacts on the programme's own form."""
    html = admin_client.get(reverse("admin:programmes_programme_add")).content.decode()
    for prefix in ("phases", "key_figures", "programmepartner_set", "contacts"):
        assert f'name="{prefix}-TOTAL_FORMS"' in html, prefix
    for field in ("tagline_en", "tagline_vi", "places", "logo"):
        assert f'name="{field}"' in html, field


FACTORIES = {"partner": PartnerFactory, "place": PlaceFactory, "theme": ThemeFactory}


@pytest.mark.parametrize(
    ("model", "fields", "term", "expected"),
    [
        ("partner", {"name": "Ministry of Home Affairs", "acronym": "MOHA"}, "moha", "Ministry"),
        ("partner", {"name": "VGCL", "name_vi": "Tổng Liên đoàn"}, "Tổng Liên", "VGCL"),
        ("place", {"name": "Ho Chi Minh City"}, "chi minh", "Ho Chi Minh City"),
        ("theme", {"name": "Social dialogue"}, "dialogue", "Social dialogue"),
    ],
)
def test_autocomplete_finds_partners_places_and_themes(admin_client, model, fields, term, expected):
    """The admin's search boxes find partners (also by Vietnamese name), places and themes."""
    FACTORIES[model](**fields)
    field = {"partner": "partner", "place": "places", "theme": "themes"}[model]
    source = "programmepartner" if model == "partner" else "programme"
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"term": term, "app_label": "programmes", "model_name": source, "field_name": field},
    )
    assert response.status_code == 200
    results = [r["text"] for r in json.loads(response.content)["results"]]
    assert [text for text in results if text.startswith(expected)], results


def test_successor_is_chosen_with_autocomplete(admin_client):
    """The partner and place forms pick the successor with a search box, not a long list."""
    for url in (
        reverse("admin:programmes_partner_add"),
        reverse("admin:programmes_place_add"),
    ):
        html = admin_client.get(url).content.decode()
        assert 'name="successor"' in html
        assert "admin-autocomplete" in html


@pytest.mark.parametrize("model", ["programme", "partner", "place", "theme"])
def test_admin_lists_answer_and_search(admin_client, model):
    """Each list in the back office opens and can be searched."""
    ProgrammeFactory(name="Better Work Viet Nam")
    PartnerFactory(name="Ministry of Home Affairs")
    PlaceFactory(name="Hanoi")
    ThemeFactory(name="Gender")
    url = reverse(f"admin:programmes_{model}_changelist")
    assert admin_client.get(url).status_code == 200
    assert admin_client.get(url, {"q": "a"}).status_code == 200


def test_partner_names_notes_and_figure_sources_are_written_in_both_languages(admin_client):
    """Staff give a partner's name and succession note, and a figure's source, in English and
    Vietnamese (issue 14, item 5)."""
    html = admin_client.get(reverse("admin:programmes_partner_add")).content.decode()
    for field in ("name_en", "name_vi", "successor_note_en", "successor_note_vi"):
        assert f'name="{field}"' in html, field
    assert 'name="vietnamese_name"' not in html
    html = admin_client.get(reverse("admin:programmes_programme_add")).content.decode()
    for field in ("source_en", "source_vi"):
        assert f'name="key_figures-__prefix__-{field}"' in html, field
