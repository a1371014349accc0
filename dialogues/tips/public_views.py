"""The tips' public pages, without login: the form, a tip's status by its token, and the map and
list of the tips the coordinator approved. Nothing here shows a tipper's address or a photo."""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from django.views.generic import FormView, TemplateView

from est.models import Municipality
from est.municipalities import boundary_layer
from est.rate_limits import client_key
from est.service_views import GuardedPublicFormMixin
from reports.incidents.filing import point_from_lat_lon
from reports.incidents.views import marking_messages

from .forms import TipForm
from .models import Tip, tip_map_labels
from .places.search import places_matching
from .public_map import public_map_edition, public_tips_geojson
from .services import tip_submit

#: What the public list shows at most; the map shows them all.
PUBLIC_LIST_LENGTH = 200


def _municipality(code: str) -> Municipality:
    return get_object_or_404(Municipality.objects.defer("boundary"), code=code)


class TipIndex(TemplateView):
    """The municipalities where residents may send tips."""

    template_name = "dialogues/tips/public_index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            municipalities=Municipality.objects.defer("boundary").order_by("name"), **kwargs
        )


class TipCreate(GuardedPublicFormMixin, FormView):
    """The tip form: 112 and the police first, then the place, what, and an optional photo and
    address. Refused input comes back with everything typed (a photo must be chosen again)."""

    form_class = TipForm
    template_name = "dialogues/tips/public_form.html"
    service_error_fields = {"position": "latitude"}
    spam_message = gettext_lazy("Thank you for your tip!")

    def dispatch(self, request, *args, **kwargs):
        self.municipality = get_object_or_404(Municipality, code=kwargs["code"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            municipality=self.municipality,
            map_layers=boundary_layer(self.municipality),
            marking_messages=marking_messages(),
            place_search={
                "url": reverse("public_tip_places", args=[self.municipality.code]),
                "messages": {
                    "listLabel": _("Places that match"),
                    "found": _("{count} places found. Choose one with the arrow keys."),
                    "foundOne": _("One place found. Choose it with the arrow keys."),
                    "none": _("No place found with that name. Mark the place on the map."),
                    "chosen": _("{name} is marked on the map."),
                },
            },
            **kwargs,
        )

    def spam_url(self):
        return reverse("public_tips", args=[self.municipality.code])

    def perform(self, form):
        data = form.cleaned_data
        return tip_submit(
            municipality=self.municipality,
            category=data["category"],
            description=data["description"],
            position=None
            if data["latitude"] is None or data["longitude"] is None
            else point_from_lat_lon(data["latitude"], data["longitude"]),
            place_name=data["place_name"],
            email=data["email"],
            photo=data["photo"],
            sender_key=client_key(self.request),
        )

    def performed(self, form, tip):
        return redirect("public_tip_status", token=tip.token)


@require_GET
def place_suggestions(request, code):
    """Return, as JSON, the places of the municipality whose names match ``q``: the tip form's
    suggestions as one types. Only the local gazetteer: a public geocoder's rules forbid
    asking it at every keystroke (the form asks it once, when the tip is sent)."""
    municipality = _municipality(code)
    found = places_matching([municipality], request.GET.get("q", ""))
    response = JsonResponse(
        {
            "places": [
                {"name": p.name, "kind": p.kind, "latitude": p.latitude, "longitude": p.longitude}
                for p in found
            ]
        }
    )
    # The same letters give the same places for a while; the browser may keep the answer.
    response["Cache-Control"] = "public, max-age=300"
    return response


class TipStatus(TemplateView):
    """One tip as its tipper follows it: what was decided, without login, by its token."""

    template_name = "dialogues/tips/public_status.html"

    def get_context_data(self, **kwargs):
        tip = get_object_or_404(
            Tip.objects.select_related("municipality", "measure__responsible", "merged_into"),
            token=kwargs["token"],
        )
        return super().get_context_data(tip=tip, **kwargs)


class TipMap(TemplateView):
    """The tips the coordinator approved in a municipality, on a map and in a list."""

    template_name = "dialogues/tips/public_map.html"

    def get_context_data(self, **kwargs):
        municipality = _municipality(kwargs["code"])
        tips = Tip.objects.published().filter(municipality=municipality)
        # Both read in the template only when the kept list of this edition is missing.
        return super().get_context_data(
            municipality=municipality,
            edition=public_map_edition(municipality.pk),
            tips=tips.only("category", "status", "place_name", "created_at")[:PUBLIC_LIST_LENGTH],
            all_tips=tips,
            map_data={
                **boundary_layer(municipality),
                "tipsUrl": reverse("public_tips_geojson", args=[municipality.code]),
                "labels": tip_map_labels(),
            },
            **kwargs,
        )


@require_GET
def tips_geojson(request, code):
    """Return the public map's tips of the municipality as GeoJSON (public_map)."""
    municipality = _municipality(code)
    response = HttpResponse(public_tips_geojson(municipality), content_type="application/geo+json")
    response["Cache-Control"] = "public, max-age=60"
    return response
