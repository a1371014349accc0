from django.conf import settings

from .navigation import PUBLIC_ENTRIES, entries_for


def site(request) -> dict:
    """Return what every page needs: ``navigation`` (the user's entries), ``public_pages``
    and ``map_tiles``."""
    return {
        "public_pages": PUBLIC_ENTRIES,
        "navigation": entries_for(request.user) if request.user.is_authenticated else [],
        "map_tiles": {"url": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION},
    }
