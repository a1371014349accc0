"""The demo's watch groups: seeded through the sign-up, as a resident would."""

from dialogues.watch.demo import watch_seed
from dialogues.watch.models import WatchGroup
from est.demo import demo_seed


def test_the_demo_seeds_again_within_the_hour_into_a_fresh_database(db):
    """The sign-up's rate limit counts in Redis, which outlives a database (a benchmark's, a
    second `make run` after a reset): a second seed within the hour must not be refused."""
    municipalities = demo_seed()
    watch_seed(municipalities)
    assert WatchGroup.objects.count() == 3

    WatchGroup.objects.all().delete()
    watch_seed(municipalities)

    assert WatchGroup.objects.count() == 3
    assert set(WatchGroup.objects.values_list("municipality__code", flat=True)) == {"1984", "1960"}
