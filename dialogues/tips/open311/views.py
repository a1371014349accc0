"""The Open311 GeoReport v2 endpoints (``/open311/v2/…``): plain views, since the spec fixes
the formats, the parameters and the errors. Reads show published tips only; a request created
here is a tip like any other, moderated before it is public."""

import datetime
import math

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from est.models import Municipality
from est.rate_limits import TOO_MANY_REQUESTS, client_key
from reports.incidents.filing import point_from_lat_lon

from ..models import Tip
from ..services import tip_submit
from .formats import open311_error, open311_response
from .keys import open311_client_for_key
from .records import request_record, service_records

#: What GET requests returns without dates, and at most (as the spec proposes).
DEFAULT_SPAN = datetime.timedelta(days=90)
MOST_REQUESTS = 1000


class Open311Error(Exception):
    def __init__(self, status: int, *descriptions: str):
        super().__init__(*descriptions)
        self.status, self.descriptions = status, descriptions


def _answered(view):
    """Let ``view`` raise Open311Error (and Http404) and answer it in the spec's format."""

    def wrapper(request, fmt, **kwargs):
        try:
            return view(request, fmt, **kwargs)
        except Open311Error as error:
            return open311_error(fmt, error.status, *error.descriptions)
        except Http404:
            return open311_error(fmt, 404, _("Not found."))

    return wrapper


def _jurisdiction(params) -> Municipality:
    code = params.get("jurisdiction_id", "").strip()
    if not code:
        raise Open311Error(400, _("jurisdiction_id is required: the municipality's code."))
    municipality = Municipality.objects.filter(code=code).first()
    if municipality is None:
        raise Open311Error(404, _("jurisdiction_id %(code)s is not known.") % {"code": code[:20]})
    return municipality


@require_GET
@_answered
def services(request, fmt):
    """The services: one per tip category."""
    _jurisdiction(request.GET)
    return open311_response(fmt, service_records(), root="services", item="service")


@require_GET
@_answered
def service_definition(request, fmt, code):
    """A service's definition: no extra attributes, the tip's own fields are enough."""
    _jurisdiction(request.GET)
    if code not in Tip.Category.values:
        raise Http404
    definition = {"service_code": code, "attributes": []}
    return open311_response(fmt, definition, root="service_definition", item="")


def _published(municipality):
    return (
        Tip.objects.published()
        .filter(municipality=municipality)
        .with_map_position()
        .select_related("municipality", "measure__responsible")
    )


def _moment(params, name):
    value = params.get(name)
    if not value:
        return None
    try:
        moment = parse_datetime(value)
    except ValueError:
        moment = None
    if moment is None:
        raise Open311Error(400, _("%(name)s must be a time in ISO 8601.") % {"name": name})
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def _filtered(tips, params):
    ids = [part.strip() for part in params.get("service_request_id", "").split(",") if part]
    if ids:
        if not all(part.isdigit() for part in ids):
            raise Open311Error(400, _("service_request_id must be numbers."))
        return tips.filter(pk__in=ids)
    codes = [part for part in params.get("service_code", "").split(",") if part]
    if codes:
        tips = tips.filter(category__in=codes)
    statuses = {part for part in params.get("status", "").split(",") if part}
    if statuses - {"open", "closed"}:
        raise Open311Error(400, _("status must be open or closed."))
    if statuses == {"open"}:
        tips = tips.unsettled()
    elif statuses == {"closed"}:
        tips = tips.settled()
    start, end = _moment(params, "start_date"), _moment(params, "end_date")
    if start is None and end is None:
        start = timezone.now() - DEFAULT_SPAN
    if start:
        tips = tips.filter(created_at__gte=start)
    if end:
        tips = tips.filter(created_at__lte=end)
    return tips


def _position(params):
    """Return the WGS 84 point of lat and long, or None when only address_string is given
    (the spec's other way to say where: tip_submit looks it up in the gazetteer)."""
    if not params.get("lat") and not params.get("long") and params.get("address_string"):
        return None
    try:
        latitude, longitude = float(params["lat"]), float(params["long"])
    except (KeyError, ValueError):
        latitude = longitude = math.nan  # refused below, with the same message
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise Open311Error(
            400, _("lat and long are required, in WGS 84 degrees, or address_string.")
        )
    return point_from_lat_lon(latitude, longitude)


def _created(request, fmt):
    client = open311_client_for_key(request.POST.get("api_key", ""))
    if client is None:
        raise Open311Error(403, _("api_key is missing or not valid."))
    municipality = _jurisdiction(request.POST)
    params = request.POST
    position = _position(params)
    # A client application sends for many residents: each device counts on its own.
    sender = f"open311:{client.pk}:{params.get('device_id', '')[:64]}:{client_key(request)}"
    try:
        tip = tip_submit(
            municipality=municipality,
            category=params.get("service_code", ""),
            description=params.get("description", "")[:2000],
            position=position,
            place_name=params.get("address_string", "")[:200],
            email=params.get("email", "")[:254],
            sender_key=sender,
            source=Tip.Source.OPEN311,
        )
    except ValidationError as error:
        limited = getattr(error, "code", None) == "rate_limited"
        status = TOO_MANY_REQUESTS if limited else 400
        raise Open311Error(status, *error.messages) from None
    notice = _("Thank you. The tip is read by the municipality before it is published.")
    record = {"service_request_id": str(tip.pk), "service_notice": notice, "account_id": None}
    return open311_response(fmt, [record], root="service_requests", item="request")


@csrf_exempt
@require_http_methods(["GET", "POST"])
@_answered
def requests(request, fmt):
    """GET: the published tips of a jurisdiction as requests; POST: create one."""
    if request.method == "POST":
        return _created(request, fmt)
    tips = _filtered(_published(_jurisdiction(request.GET)), request.GET)
    records = [request_record(tip) for tip in tips.order_by("-created_at")[:MOST_REQUESTS]]
    return open311_response(fmt, records, root="service_requests", item="request")


@require_GET
@_answered
def request_detail(request, fmt, pk):
    """One published tip as a request (a list of one, as the spec has it)."""
    tip = _published(_jurisdiction(request.GET)).filter(pk=pk).first()
    if tip is None:
        raise Http404
    return open311_response(fmt, [request_record(tip)], root="service_requests", item="request")
