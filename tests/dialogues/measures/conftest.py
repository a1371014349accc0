import pytest


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Photos go to a temporary folder, never into the working tree."""
    settings.MEDIA_ROOT = tmp_path / "media"


from tests.reports.conftest import api_for  # noqa: E402, F401 - the API client fixture
