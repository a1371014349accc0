import pytest

from tests.dialogues.walks.helpers import walk_under_way
from tests.factories import MunicipalityFactory


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Photos go to a temporary folder, never into the working tree."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _municipalities_in_sweden():
    """Each test's municipalities at the same place in Sweden, where the maps look."""
    MunicipalityFactory.reset_sequence(0)


@pytest.fixture
def walk(arboga, coordinator):
    """An announced walk in Arboga, under way."""
    return walk_under_way(arboga, coordinator)
