"""Demo situation pictures for seed_demo."""

import datetime

from est.periods import PERIOD_DAYS, last_ended_period
from reports.situation.compile import situation_picture_compile, situation_picture_ensure


def situation_pictures_seed(municipalities, *, periods: int = 3) -> None:
    """Compile the pictures of the last ``periods`` ended periods (seed_demo calls this after
    the incidents); pictures already there are left as they are."""
    start, _end = last_ended_period()
    for back in range(periods):
        period_start = start - datetime.timedelta(days=PERIOD_DAYS * back)
        for municipality in municipalities:
            picture, _created = situation_picture_ensure(
                municipality=municipality, period_start=period_start
            )
            situation_picture_compile(picture_id=picture.pk)
