"""The residents' tips' section of a report on a period (the tertial analysis), registered
through ``est.report_sections``: how many tips came in, of which kinds, and what was decided on
them. Counts only: a tip's text, place and tipper stay on the coordinator's pages."""

import datetime

from django.db.models import Count

from est.periods import local_span

from .models import Tip


def tips_tertial_gather(municipality, start: datetime.date, end: datetime.date) -> dict:
    """Return, as JSON-able data, the number of tips to ``municipality`` received in
    [start, end), their counts by category and by where they stand now (both as
    ``[code, count]``, most first), and how many came through Open311."""
    since, until = local_span(start, end)
    received = Tip.objects.filter(
        municipality=municipality, created_at__gte=since, created_at__lt=until
    )

    def counted(field: str) -> list[list]:
        rows = received.values(field).annotate(count=Count("pk")).order_by("-count", field)
        return [[row[field], row["count"]] for row in rows]

    return {
        "received": received.count(),
        "categories": counted("category"),
        "statuses": counted("status"),
        "open311": received.filter(source=Tip.Source.OPEN311).count(),
    }


def tips_tertial_present(data: dict) -> dict:
    """Return the stored section with each category and status named in the reader's language."""
    categories, statuses = dict(Tip.Category.choices), dict(Tip.Status.choices)
    return {
        **data,
        "categories": [[categories.get(code, code), count] for code, count in data["categories"]],
        "statuses": [[statuses.get(code, code), count] for code, count in data["statuses"]],
    }
