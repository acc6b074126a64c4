"""One registry of the public content types (ilo_office.registry) that the rest reads."""

from django.apps import apps

from ilo_office import preview, registry, search, sitemaps
from ilo_office.backoffice import revisions, roles
from ilo_office.publishing import Publishable


def test_every_publishable_model_is_registered_with_the_workflow():
    """A new content type that forgets its registration fails here, not on the live site."""
    publishable = {
        model._meta.label_lower
        for model in apps.get_models()
        if issubclass(model, Publishable) and not model._meta.abstract
    }
    assert publishable == set(registry.workflow_labels())


def test_roles_revisions_previews_search_and_sitemaps_read_the_registry():
    labels = {entry.label for entry in registry.TYPES}
    assert set(roles.CONTENT) == set(registry.workflow_labels())
    assert set(roles.CONTENT_PARTS) == set(registry.part_labels())
    for entry in registry.workflow_types():
        assert revisions.FOLLOW[entry.label] == tuple(entry.parts)
        assert entry.label in preview.PREVIEW_VIEWS
    assert {section.model._meta.label_lower for section in search.SECTIONS.values()} == labels
    assert {sitemap.entry.label for sitemap in sitemaps.SECTIONS.values()} == labels
    # Besides the registered types: the static pages, and the places (not a content type).
    assert set(sitemaps.SITEMAPS) - set(sitemaps.SECTIONS) == {"pages", "where-we-work"}


def test_search_sections_and_sitemap_sections_keep_their_public_names():
    """Readers' ?type= links and the sitemap index's addresses do not change."""
    assert list(search.SECTIONS) == [
        "news",
        "events",
        "opportunities",
        "publications",
        "programmes",
        "themes",
        "partners",
        "pages",
    ]
    assert list(sitemaps.SITEMAPS) == [
        "pages",
        "news",
        "events",
        "opportunities",
        "publications",
        "programmes",
        "areas-of-work",
        "partners",
        "about",
        "where-we-work",
    ]
