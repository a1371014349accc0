"""The public map of a municipality's approved tips, kept: its GeoJSON (written by
PostgreSQL) and its page's list are made once per *edition* and served from the cache until
a tip's publication or status changes, which starts a new edition (bench/tips.py: with 30,000
tips, building the GeoJSON in Python and the list's template took most of each request)."""

from django.core.cache import cache

from est.geojson import feature_collection_text
from est.models import Municipality

from .models import Tip

#: How long a kept edition lasts at most, in seconds; a change makes a new one anyway.
KEPT_SECONDS = 60 * 60


def _edition_key(municipality_id: int) -> str:
    return f"est:tips:public-map-edition:{municipality_id}"


def public_map_edition(municipality_id: int) -> int:
    """Return the number of the municipality's current public map edition."""
    return cache.get_or_set(_edition_key(municipality_id), 1, None)


def public_map_changed(municipality_id: int) -> None:
    """Start a new edition of the municipality's public map: what was kept is not used again
    (and expires). Called once a change to a published tip or its status is saved."""
    key = _edition_key(municipality_id)
    cache.add(key, 1, None)
    cache.incr(key)


def public_tips_geojson(municipality: Municipality) -> str:
    """Return the GeoJSON text of ``municipality``'s published tips (category and status, no
    personal data), kept for the current edition."""
    edition = public_map_edition(municipality.pk)
    key = f"est:tips:public-map:{municipality.pk}:{edition}"
    text = cache.get(key)
    if text is None:
        tips = Tip.objects.published().filter(municipality=municipality)
        text = feature_collection_text(tips, "position", ["category", "status"])
        cache.set(key, text, KEPT_SECONDS)
    return text
