"""The periods EST reports by: tertials (T1 January–April, T2 May–August, T3 September–December)."""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Tertial:
    year: int
    number: int  # 1, 2 or 3

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, 4 * (self.number - 1) + 1, 1)

    @property
    def end(self) -> datetime.date:
        """Return the day after the tertial's last day."""
        return self.next().first_day

    def next(self) -> "Tertial":
        return (
            Tertial(self.year + 1, 1) if self.number == 3 else Tertial(self.year, self.number + 1)
        )

    def previous(self) -> "Tertial":
        return (
            Tertial(self.year - 1, 3) if self.number == 1 else Tertial(self.year, self.number - 1)
        )

    def __str__(self):
        return f"{self.year}-T{self.number}"


def tertial_containing(day: datetime.date) -> Tertial:
    """Return the tertial ``day`` falls in."""
    return Tertial(day.year, (day.month - 1) // 4 + 1)


def tertial_of_month(year: int, month: int) -> Tertial:
    return Tertial(year, (month - 1) // 4 + 1)


def tertials_up_to(last: Tertial, count: int) -> list[Tertial]:
    """Return the ``count`` tertials ending with ``last``, oldest first."""
    tertials = [last]
    while len(tertials) < count:
        tertials.append(tertials[-1].previous())
    return tertials[::-1]
