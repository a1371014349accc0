"""What the working group's tests share: a compiled draft picture of Arboga and the police
organisation working there."""

import pytest

from reports.situation.compile import situation_picture_compile, situation_picture_ensure
from tests.factories import OrganisationFactory
from tests.reports.helpers import PERIOD_START, known_incidents


@pytest.fixture
def picture(arboga, kungsor):
    known_incidents(arboga, kungsor)
    picture, _ = situation_picture_ensure(municipality=arboga, period_start=PERIOD_START)
    situation_picture_compile(picture_id=picture.pk)
    picture.refresh_from_db()
    return picture


@pytest.fixture
def polisen(arboga, kungsor):
    organisation = OrganisationFactory(name="Polisen Arboga", kind="police")
    organisation.municipalities.add(arboga, kungsor)
    return organisation
