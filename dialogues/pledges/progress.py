"""How far a pledge has come: the roll-up of its activities' statuses. Pure: no database."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

NOT_STARTED, UNDER_WAY, DONE, CANCELLED = "not_started", "under_way", "done", "cancelled"


@dataclass(frozen=True)
class Progress:
    """Counts of activities per status, and the share of the planned ones that are done."""

    not_started: int = 0
    under_way: int = 0
    done: int = 0
    cancelled: int = 0

    @property
    def total(self) -> int:
        return self.not_started + self.under_way + self.done + self.cancelled

    @property
    def planned(self) -> int:
        """Return the activities still meant to happen: cancelled ones no longer count."""
        return self.total - self.cancelled

    @property
    def share_done(self) -> float:
        """Return the share (0–1) of the planned activities that are done; 0 when none planned."""
        return self.done / self.planned if self.planned else 0.0

    @property
    def percent_done(self) -> int:
        """Return the share done in whole percent, rounded down so 99.5 % never shows as 100."""
        return int(self.share_done * 100)

    def __add__(self, other: "Progress") -> "Progress":
        return Progress(
            self.not_started + other.not_started,
            self.under_way + other.under_way,
            self.done + other.done,
            self.cancelled + other.cancelled,
        )


def progress_of(statuses: Iterable[str]) -> Progress:
    """Return the roll-up of activity ``statuses`` (values of Activity.Status).

    An unknown status is a programming error and raises ValueError.
    """
    counts = Counter(statuses)
    unknown = set(counts) - {NOT_STARTED, UNDER_WAY, DONE, CANCELLED}
    if unknown:
        raise ValueError(f"unknown activity status: {sorted(unknown)}")
    return Progress(counts[NOT_STARTED], counts[UNDER_WAY], counts[DONE], counts[CANCELLED])
