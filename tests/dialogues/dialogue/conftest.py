import pytest

from tests.factories import MunicipalityFactory


@pytest.fixture(autouse=True)
def _municipalities_in_sweden():
    """Each test's municipalities at the same place in Sweden, where the maps look."""
    MunicipalityFactory.reset_sequence(0)
