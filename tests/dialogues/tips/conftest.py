import pytest


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Photos go to a temporary folder, never into the working tree."""
    settings.MEDIA_ROOT = tmp_path / "media"
