"""What each app holds about a person, for data subject requests.

An app registers a ``PersonalDataHolder`` from its AppConfig.ready(): ``extract`` returns what
it holds about the person described by a ``DataSubject`` as rows of plain text, ``erase``
removes it and returns how many things it removed. A request's extract and erasure run every
holder, so that one request covers every app; this module never imports an app.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DataSubject:
    """Whom a request is about, as the staff found them: never stored in the register."""

    #: the request (its municipality bounds every search)
    request: Any
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class ExtractRow:
    """One thing held about a person: what it is and what it says."""

    what: str
    detail: str


@dataclass(frozen=True)
class PersonalDataHolder:
    """A kind of personal data an app holds, with how to extract and erase it."""

    key: str
    #: what it is called in the extract (a lazy translation)
    label: str
    extract: Callable[[DataSubject], list[ExtractRow]]
    #: removes what ``extract`` found and returns how many things were removed
    erase: Callable[[DataSubject], int]
    order: int = 100


HOLDERS: list[PersonalDataHolder] = []


def register(holder: PersonalDataHolder) -> None:
    """Add ``holder`` to every extract and erasure, kept in its ``order``; a key once."""
    if any(existing.key == holder.key for existing in HOLDERS):
        raise ValueError(f"a personal data holder {holder.key!r} is already registered")
    HOLDERS.append(holder)
    HOLDERS.sort(key=lambda each: each.order)
