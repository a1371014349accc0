"""The HTML pages of the service: what a person sees who opens a link of it in a browser.

Each function takes the JSON document of a resource and returns (template, context).
"""

from django.utils.translation import gettext as _

from .documents import GEOJSON, HTML, JSON

TEMPLATE = "est/oapif/resource.html"


def _html_links(document: dict) -> list[dict]:
    """Return the links of ``document`` to show on its page: every one but to the page itself,
    the data ones named by their format, so that no two links read the same."""
    formats = {GEOJSON: "GeoJSON", JSON: "JSON"}
    return [
        {
            "href": link["href"],
            "title": f"{link['title']} ({formats[link['type']]})"
            if link["type"] in formats
            else link["title"],
        }
        for link in document.get("links", [])
        if link["rel"] not in ("self", "alternate") or link["type"] != HTML
    ]


def links_page(document: dict) -> tuple[str, dict]:
    """Return the page of the landing page or the conformance classes."""
    context = {
        "title": document.get("title", _("Conformance classes")),
        "description": document.get("description", ""),
        "links": _html_links(document),
        "items": document.get("conformsTo", []),
    }
    return TEMPLATE, context


def _collection_row(collection: dict) -> list[dict]:
    """Return a collection's row: its title to its page, its id to its features' page."""
    pages = [link for link in collection["links"] if link["type"] == HTML]
    return [
        {"text": collection["title"], "href": pages[0]["href"]},
        {"text": collection["description"]},
        {"text": collection["id"], "href": pages[1]["href"]},
    ]


def collections_page(document: dict) -> tuple[str, dict]:
    """Return the page of the list of collections."""
    return TEMPLATE, {
        "title": _("Collections"),
        "links": _html_links(document),
        "headers": [_("Collection"), _("What it holds"), _("Features")],
        "rows": [_collection_row(each) for each in document["collections"]],
    }


def collection_page(document: dict) -> tuple[str, dict]:
    """Return the page of one collection."""
    return TEMPLATE, {
        "title": document["title"],
        "description": document["description"],
        "links": _html_links(document),
        "items": [
            _("Coordinate reference systems: %(crs)s") % {"crs": ", ".join(document["crs"])},
            *(
                [_("Licence: %(name)s") % {"name": document["license"]}]
                if "license" in document
                else []
            ),
        ],  # fmt: skip
    }


def items_page(document: dict) -> tuple[str, dict]:
    """Return the page of a page of features: a table of their properties, each feature's id
    linking to its own page (``href``)."""
    features = document["features"]
    names = list(dict.fromkeys(name for f in features for name in f["properties"]))
    return TEMPLATE, {
        "title": document["collection"].title,
        "description": _("%(count)s features on this page.") % {"count": len(features)},
        "links": _html_links(document),
        "headers": ["id", *names],
        "rows": [
            [
                {"text": f["id"], "href": f["href"]},
                *({"text": _text(f["properties"].get(name))} for name in names),
            ]
            for f in features
        ],
    }


def feature_page(document: dict, collection) -> tuple[str, dict]:
    """Return the page of one feature: its properties and its geometry's type."""
    properties = document.get("properties") or {}
    return TEMPLATE, {
        "title": f"{collection.title} {document['id']}",
        "description": _("Geometry: %(type)s") % {"type": document["geometry"]["type"]}
        if document.get("geometry")
        else "",
        "links": _html_links(document),
        "headers": [_("Property"), _("Value")],
        "rows": [[{"text": name}, {"text": _text(value)}] for name, value in properties.items()],
    }


def _text(value) -> str:
    """Return a property's value as the page shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)
