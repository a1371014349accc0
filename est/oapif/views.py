"""The service's resources, each as JSON (GeoJSON for features) and as an HTML page.

The staff service authenticates as the rest of the API does (DRF's
DEFAULT_AUTHENTICATION_CLASSES, so a token in the Authorization header works for QGIS and GDAL)
and shows a collection only to holders of its permission; the public service needs no login.
Every refusal is the standard's JSON ``{"code", "description"}`` (or the HTML error page).
"""

import json

from django.contrib.gis.db.models import Extent
from django.contrib.gis.geos import Polygon
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.views import APIView

from est.models import Municipality
from est.roles import has_permission

from .documents import (
    CONFORMANCE,
    GEOJSON,
    HTML,
    JSON,
    SWEDEN,
    Links,
    collection_document,
    landing_document,
)
from .features import feature_one, features_page
from .pages import TEMPLATE, collection_page, collections_page, feature_page, items_page, links_page
from .parameters import ParameterInvalid, crs_parse, items_query
from .registry import COLLECTIONS, Collection, collections_offered


class _AnyMediaType(BaseContentNegotiation):
    """Lets every Accept header through: the views choose JSON or HTML themselves (``wants_html``),
    and GIS clients send Accept headers (application/geo+json) DRF's renderers do not know."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def wants_html(request) -> bool:
    """Return whether ``request`` asks for the HTML page (``f=html``, or a browser's Accept)."""
    chosen = request.query_params.get("f")
    if chosen:
        if chosen not in ("json", "html"):
            raise ParameterInvalid(_("f: use json or html."))
        return chosen == "html"
    accept = request.headers.get("Accept", "")
    return HTML in accept and "json" not in accept


def _error(status: int, code: str, description: str) -> HttpResponse:
    return HttpResponse(
        json.dumps({"code": code, "description": description}),
        status=status,
        content_type=JSON,
    )


class ServiceView(APIView):
    """A resource of the staff service, or with ``public`` of the open-data service."""

    public = False
    content_negotiation_class = _AnyMediaType
    # Not in the REST API's OpenAPI schema (/api/v1/schema/): OGC API – Features describes
    # itself through its landing page, conformance and collections.
    schema = None

    def get_authenticators(self):
        # The open data is the same for everyone: no login is read, so no session is touched.
        return [] if self.public else super().get_authenticators()

    def get_permissions(self):
        return [AllowAny()] if self.public else [IsAuthenticated()]

    @property
    def links(self) -> Links:
        return Links(self.request, "oapif_public" if self.public else "oapif")

    def handle_exception(self, exc):
        if isinstance(exc, ParameterInvalid):
            return self.refusal(400, "InvalidParameterValue", str(exc))
        if isinstance(exc, Http404):
            return self.refusal(404, "NotFound", str(exc) or _("No such resource."))
        response = super().handle_exception(exc)
        if isinstance(exc, exceptions.APIException):
            # The standard's shape, keeping DRF's status and WWW-Authenticate header.
            error = self.refusal(response.status_code, exc.default_code, str(exc.detail))
            if "WWW-Authenticate" in response:
                error["WWW-Authenticate"] = response["WWW-Authenticate"]
            return error
        return response

    def refusal(self, status: int, code: str, description: str) -> HttpResponse:
        """Return the refusal as the standard's JSON, or as a page to a browser."""
        chosen = self.request.GET.get("f")
        accept = self.request.headers.get("Accept", "")
        if chosen == "html" or (not chosen and HTML in accept and "json" not in accept):
            context = {
                "title": description,
                "links": [],
                "public": self.public,
                "login": status in (401, 403),
            }
            return render(self.request, TEMPLATE, context, status=status)
        return _error(status, code, description)

    def collections(self) -> list[Collection]:
        """Return the collections this request may read."""
        offered = collections_offered(public=self.public)
        if self.public:
            return offered
        return [each for each in offered if has_permission(self.request.user, each.permission)]

    def collection(self, collection_id: str) -> Collection:
        """Return the collection ``collection_id``, or raise Http404 if this request may not
        read it (another service's collections are unknown here)."""
        collection = COLLECTIONS.get(collection_id)
        if collection is None or collection not in self.collections():
            raise Http404(_("No collection %(id)s.") % {"id": collection_id})
        return collection

    def bbox(self) -> list[float]:
        """Return what the collections span for this request: the user's municipalities."""
        if self.public:
            return SWEDEN
        extent = Municipality.objects.for_user(self.request.user).aggregate(
            extent=Extent("boundary")
        )["extent"]
        if extent is None:
            return SWEDEN
        box = Polygon.from_bbox(extent)
        box.srid = Municipality._meta.get_field("boundary").srid
        box.transform(4326)
        return [round(value, 6) for value in box.extent]

    def answer(self, document: dict, page, media: str = JSON, headers=None) -> HttpResponse:
        """Return ``document`` as JSON, or the HTML page ``page(document)`` describes."""
        if wants_html(self.request):
            template, context = page(document)
            return render(self.request, template, {**context, "public": self.public})
        return HttpResponse(json.dumps(document), content_type=media, headers=headers)


class Landing(ServiceView):
    """The landing page: what the service is and where its parts are."""

    def get(self, request):
        document = landing_document(self.links, public=self.public)
        return self.answer(document, links_page)


class Conformance(ServiceView):
    """The conformance classes the service implements."""

    def get(self, request):
        document = {
            "conformsTo": CONFORMANCE,
            "links": self.links.pair("self", "conformance", title=_("Conformance classes")),
        }
        return self.answer(document, links_page)


class CollectionList(ServiceView):
    """The collections this request may read, each with its extent and CRSs."""

    def get(self, request):
        bbox = self.bbox()
        document = {
            "links": self.links.pair("self", "collections", title=_("Collections")),
            "collections": [
                collection_document(each, self.links, bbox) for each in self.collections()
            ],
        }
        return self.answer(document, collections_page)


class CollectionDetail(ServiceView):
    """One collection's description."""

    def get(self, request, collection_id):
        collection = self.collection(collection_id)
        document = collection_document(collection, self.links, self.bbox())
        return self.answer(document, collection_page)


class Items(ServiceView):
    """A page of a collection's features, filtered by bbox, datetime and the collection's
    own parameters, with a ``next`` link while more follow."""

    def get(self, request, collection_id):
        collection = self.collection(collection_id)
        query = items_query(request.query_params)
        html = wants_html(request)
        page = features_page(collection, request, query)
        params = {key: request.query_params.getlist(key) for key in request.query_params}
        params.pop("cursor", None)
        params.pop("f", None)
        links = self.links.pair(
            "self", "items", collection_id, title=_("This page"), media=GEOJSON, **params
        )
        if page.next_cursor is not None:
            links += self.links.pair(
                "next",
                "items",
                collection_id,
                title=_("Next page"),
                media=GEOJSON,
                cursor=page.next_cursor,
                **params,
            )
        links += self.links.pair("collection", "collection", collection_id, title=_("Collection"))
        rest = {
            "numberReturned": len(page.features),
            "timeStamp": timezone.now().isoformat(timespec="seconds"),
            "links": links,
        }
        if html:
            features = [json.loads(feature) for feature in page.features]
            for feature in features:
                feature["href"] = self.links.url("item", collection_id, feature["id"], f="html")
            document = {
                "collection": collection,
                "features": features,
                **rest,
            }
            template, context = items_page(document)
            return render(request, template, {**context, "public": self.public})
        body = '{"type":"FeatureCollection","features":[' + ",".join(page.features) + "],"
        body += json.dumps(rest)[1:]
        return HttpResponse(body, content_type=GEOJSON, headers={"Content-Crs": f"<{query.crs}>"})


class Item(ServiceView):
    """One feature, in the CRS asked for."""

    def get(self, request, collection_id, feature_id):
        collection = self.collection(collection_id)
        crs = crs_parse(request.query_params.get("crs"), "crs")
        wants_html(request)  # a wrong f is refused before the database is asked
        feature = feature_one(collection, request, feature_id, crs)
        if feature is None:
            raise Http404(_("No feature %(id)s in %(collection)s.") % {
                "id": feature_id, "collection": collection_id})  # fmt: skip
        document = json.loads(feature)
        document["links"] = [
            *self.links.pair(
                "self",
                "item",
                collection_id,
                feature_id,
                title=_("This feature"),
                media=GEOJSON,
                crs=request.query_params.get("crs"),
            ),
            *self.links.pair("collection", "collection", collection_id, title=_("Collection")),
        ]
        return self.answer(
            document,
            lambda document: feature_page(document, collection),
            media=GEOJSON,
            headers={"Content-Crs": f"<{crs}>"},
        )
