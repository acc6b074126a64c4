import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded and generated files go to a temporary directory, never into the tree."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _english(settings):
    """Each test starts in English: a request under /vi/ leaves Vietnamese active in the thread."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache.

    Content saved in a test that rolls back never commits, so it never moves the content
    generation on: without this, choices and fragments cached by one test would be served
    to the next, which has other content under the same generation.
    """
    from django.core.cache import cache

    from ilo_office.fragments import local_copies

    cache.clear()
    local_copies.clear()
    yield
    cache.clear()
    local_copies.clear()
