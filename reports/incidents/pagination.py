"""Paging through lists that may hold a million incidents."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

#: At most this many rows are counted: beyond it a list says "more than 10 000" and pages
#: through the first 10 000 (the newest). Counting all of a million rows took 200–250 ms
#: per page; nobody pages through 200 pages, and the exports hold everything.
COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    """A paginator that counts at most COUNT_CAP rows of its queryset and pages through those."""

    @cached_property
    def counted(self) -> int:
        """Return the number of rows, counting no further than one past COUNT_CAP."""
        return self.object_list.order_by()[: COUNT_CAP + 1].count()

    @property
    def capped(self) -> bool:
        """Return whether there are more rows than the list pages through."""
        return self.counted > COUNT_CAP

    @cached_property
    def count(self) -> int:
        """Return the number of rows the pages hold: all of them, or COUNT_CAP."""
        return min(self.counted, COUNT_CAP)
