"""Indicators the action plan's goals are measured by, contributed by apps.

An app registers an ``IndicatorKind`` from its AppConfig.ready(): ``measure`` returns the
indicator's value for a municipality in each of a list of tertials, or the reason it cannot be
computed there (no survey wave closed in it, too few responses): a goal then says why instead of
showing a zero. The plan never imports the app, and this module never imports an app.

Reasons are stored untranslated (an English msgid marked with ``gettext_noop`` and its
arguments), so a frozen plan or an adopted tertial analysis reads in its reader's language.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext, gettext_noop


@dataclass(frozen=True)
class Measurement:
    """An indicator's value in one tertial, or why it has none."""

    value: float | None
    #: an English msgid (marked with gettext_noop) with %(name)s placeholders, or ""
    reason: str = ""
    reason_args: dict = field(default_factory=dict)

    def as_data(self) -> dict:
        """Return the measurement as JSON-able data, for snapshots."""
        return {"value": self.value, "reason": self.reason, "reason_args": self.reason_args}


def reason_text(data: dict) -> str:
    """Return a stored measurement's reason in the active language ("" when it has a value)."""
    if not data.get("reason"):
        return ""
    return gettext(data["reason"]) % data.get("reason_args", {})


@dataclass(frozen=True)
class IndicatorKind:
    """A kind of indicator a goal can be measured by, contributed by an app."""

    key: str
    #: what it counts (a lazy translation), e.g. "Share of survey answers feeling safe"
    title: str
    #: "count" or "percent": how a value is written
    unit: str
    #: (municipality, tertials, options) -> one Measurement per tertial, in order
    measure: Callable[[Any, list, dict], list[Measurement]]
    #: whether a higher value is the better one (incidents: no)
    higher_is_better: bool = True
    #: the options a goal of this kind chooses: "categories", "areas"
    options: tuple[str, ...] = ()
    order: int = 100


KINDS: dict[str, IndicatorKind] = {}


def register(kind: IndicatorKind) -> None:
    """Make ``kind`` available to goals; a key is registered once."""
    if kind.key in KINDS:
        raise ValueError(f"an indicator {kind.key!r} is already registered")
    KINDS[kind.key] = kind


def kind_choices() -> list[tuple[str, str]]:
    """Return (key, title) of every registered kind, in order, for a form's choices."""
    return [(kind.key, kind.title) for kind in sorted(KINDS.values(), key=lambda k: k.order)]


NOT_REGISTERED = gettext_noop("This indicator is not available in this installation.")


def indicator_measure(key: str, municipality, tertials: list, options: dict) -> list[Measurement]:
    """Return the measurements of indicator ``key`` in each of ``tertials``; every one says
    why when the kind is not registered (an app left out of this installation)."""
    kind = KINDS.get(key)
    if kind is None:
        return [Measurement(None, NOT_REGISTERED) for _tertial in tertials]
    return kind.measure(municipality, tertials, options)
