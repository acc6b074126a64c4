import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded and generated files go to a temporary directory, never into the tree."""
    settings.MEDIA_ROOT = tmp_path / "media"
