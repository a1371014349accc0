"""The JSON documents of the service: landing page, conformance, collections and their links."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from .parameters import CRS84, CRSS, SWEREF99TM
from .registry import Collection

CONFORMANCE = [
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
    "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
]

JSON = "application/json"
GEOJSON = "application/geo+json"
HTML = "text/html"

#: Sweden, in WGS 84: what the public collections span.
SWEDEN = [10.9, 55.3, 24.2, 69.1]


class Links:
    """Builds the absolute links of one request to the service (staff or public)."""

    def __init__(self, request, namespace: str):
        self.request = request
        self.namespace = namespace

    def url(self, name: str, *args, **query) -> str:
        """Return the absolute URL of view ``name``, with ``query`` as its query string."""
        from django.utils.http import urlencode

        url = self.request.build_absolute_uri(reverse(f"{self.namespace}:{name}", args=args))
        query = {key: value for key, value in query.items() if value is not None}
        return f"{url}?{urlencode(query, doseq=True)}" if query else url

    def pair(self, rel: str, name: str, *args, title: str, media: str = JSON, **query) -> list:
        """Return the JSON and the HTML link to one resource, ``rel`` naming the JSON one."""
        return [
            {"rel": rel, "type": media, "title": title, "href": self.url(name, *args, **query)},
            {
                "rel": "alternate" if rel == "self" else rel,
                "type": HTML,
                "title": title,
                "href": self.url(name, *args, f="html", **query),
            },
        ]


def licence() -> dict:
    """Return the open data's licence: its name and the link to its text."""
    return {"name": settings.OAPIF_LICENCE, "href": settings.OAPIF_LICENCE_URL}


def licence_links() -> list[dict]:
    """Return the link to the open data's licence, as the landing page and collections give it."""
    return [
        {
            "rel": "license",
            "type": HTML,
            "title": settings.OAPIF_LICENCE,
            "href": settings.OAPIF_LICENCE_URL,
        }
    ]


def landing_document(links: Links, *, public: bool) -> dict:
    """Return the landing page."""
    document = {
        "title": _("EST open data") if public else _("EST for GIS"),
        "description": (
            _("Open data from the municipalities' crime prevention work, free to reuse.")
            if public
            else _("The layers of your municipalities, scoped as in EST's pages.")
        ),
        "links": [
            *links.pair("self", "landing", title=_("This page")),
            *links.pair("conformance", "conformance", title=_("Conformance classes")),
            *links.pair("data", "collections", title=_("Collections")),
            {
                "rel": "service-doc",
                "type": HTML,
                "title": _("Documentation"),
                "href": links.url("landing", f="html"),
            },
        ],
    }
    if public:
        document["license"] = licence()["name"]
        document["links"] += licence_links()
    return document


def collection_document(collection: Collection, links: Links, bbox: list[float]) -> dict:
    """Return the description of ``collection``, spanning ``bbox`` (WGS 84)."""
    document = {
        "id": collection.id,
        "title": str(collection.title),
        "description": str(collection.description),
        "itemType": "feature",
        "extent": {
            "spatial": {"bbox": [bbox], "crs": CRS84},
            **({"temporal": {"interval": [[None, None]]}} if collection.temporal else {}),
        },
        "crs": list(CRSS),
        "storageCrs": SWEREF99TM,
        "links": [
            *links.pair("self", "collection", collection.id, title=str(collection.title)),
            *links.pair("items", "items", collection.id, title=_("Features"), media=GEOJSON),
        ],
    }
    if collection.public:
        document["license"] = licence()["name"]
        document["links"] += licence_links()
    return document
