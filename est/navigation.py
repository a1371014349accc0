"""The navigation and the start page's shortcuts, filtered by what the user's role may do.

Apps add their own entries with ``register()`` from their AppConfig.ready(); this module never
imports an app.
"""

from dataclasses import dataclass

from django.urls import reverse

from .roles import has_permission


@dataclass(frozen=True)
class Entry:
    """A place in the product: a navigation link and a shortcut on the start page."""

    label: str
    url_name: str
    permission: str
    description: str = ""
    order: int = 100

    @property
    def url(self) -> str:
        return reverse(self.url_name)


ENTRIES: list[Entry] = []
#: Pages for everyone, residents included: linked from the welcome page and every footer.
PUBLIC_ENTRIES: list[Entry] = []


def register(*entries: Entry) -> None:
    """Add ``entries`` to the navigation, kept in their ``order``."""
    ENTRIES.extend(entries)
    ENTRIES.sort(key=lambda entry: entry.order)


def register_public(*entries: Entry) -> None:
    """Add ``entries`` to the public pages (their ``permission`` is not consulted)."""
    PUBLIC_ENTRIES.extend(entries)
    PUBLIC_ENTRIES.sort(key=lambda entry: entry.order)


def entries_for(user) -> list[Entry]:
    """Return the entries ``user``'s role may use, in navigation order."""
    return [entry for entry in ENTRIES if has_permission(user, entry.permission)]
