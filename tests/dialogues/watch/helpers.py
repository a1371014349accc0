"""Neighbourhood watch for the tests: an area inside a municipality, and a group signed up."""

import json

from dialogues.watch.services import watch_signup


def block_in(municipality, *, east: float = 0, size: float = 200):
    """Return a square of ``size`` metres near the middle of ``municipality`` (SWEREF 99 TM),
    moved ``east`` metres."""
    centre = municipality.boundary.centroid
    centre.x += east
    return centre.buffer(size / 2, quadsegs=1).envelope


def block_geojson(municipality, **kwargs) -> str:
    """Return ``block_in`` as the GeoJSON (WGS 84) a map widget posts."""
    return json.dumps(json.loads(block_in(municipality, **kwargs).transform(4326, clone=True).json))


def group_in(municipality, *, email="karin@example.se", place="Ekbacksvägen", **extra):
    """Return a group signed up in ``municipality`` with one contact person."""
    return watch_signup(
        municipality=municipality,
        place=place,
        area=extra.pop("area", block_in(municipality)),
        households=extra.pop("households", 20),
        name=extra.pop("name", "Karin Lund"),
        email=email,
        phone=extra.pop("phone", "070-1234567"),
        consent_text="Jag samtycker.",
        sender_key=extra.pop("sender_key", "test"),
    )
