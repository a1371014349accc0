"""Sections that apps add to a municipality's report on a period, such as the tertial analysis.

An app registers a ``ReportSection`` from its AppConfig.ready(): ``gather`` collects what the
section says, as JSON-able data that the report stores in its snapshot (so an adopted version
keeps what it said), and ``present`` turns that stored data into its template's context when the
report is shown. The report never imports the app, and this module never imports an app.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ReportSection:
    """A section of a report on a municipality's period, contributed by an app."""

    #: the key of its data in the report's snapshot, and the anchor of its heading
    key: str
    #: the heading, also in the table of contents (a lazy translation)
    title: str
    #: the template that renders the section's body; it reads ``present(data)`` as ``data``
    template: str
    #: (municipality, first day, end: the first day after) -> JSON-able data
    gather: Callable[[Any, datetime.date, datetime.date], Any]
    #: stored data -> what the template reads as ``data``; labels are translated here, when
    #: the report is shown, so a stored snapshot reads in the reader's language
    present: Callable[[Any], Any] = field(default=lambda data: data)
    order: int = 100


SECTIONS: list[ReportSection] = []


def register(section: ReportSection) -> None:
    """Add ``section`` to every report, kept in its ``order``; a key is registered once."""
    if any(existing.key == section.key for existing in SECTIONS):
        raise ValueError(f"a report section {section.key!r} is already registered")
    SECTIONS.append(section)
    SECTIONS.sort(key=lambda each: each.order)


def sections_gather(municipality, start: datetime.date, end: datetime.date) -> dict[str, Any]:
    """Return every registered section's data on ``municipality`` in [start, end), by key."""
    return {section.key: section.gather(municipality, start, end) for section in SECTIONS}


def sections_present(stored: dict[str, Any]) -> list[dict]:
    """Return the sections to show from a snapshot's ``stored`` data, in order: each with its
    key, title, template and ``context`` (what ``present`` made of the data). Sections the
    snapshot holds no data for are left out, so an old snapshot shows what it showed when made."""
    return [
        {
            "key": section.key,
            "title": section.title,
            "template": section.template,
            "context": section.present(stored[section.key]),
        }
        for section in SECTIONS
        if section.key in stored
    ]
