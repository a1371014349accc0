"""Pages of the situation pictures: the list, the picture, its PDF, and the coordinator's steps."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.gis import forms as gis_forms
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView, FormView, ListView

from est.access import PermissionRequiredMixin
from est.forms import MapWidget, form_add_service_errors
from est.models import Municipality, Organisation
from est.municipalities import boundary_layer_json
from est.pdf import pdf_render
from est.roles import has_permission

from .models import Incident
from .situation import (
    _moments,
    changed_since_compiled,
    intervention_create,
    intervention_set_status,
    situation_picture_publish,
    situation_picture_recompile,
    situation_picture_revise,
    situation_picture_submit,
    situation_picture_update,
)
from .situation_charts import (
    LISTED_PLACES,
    bars,
    legend_swatch,
    matrix,
    situation_map,
    sparkline,
)
from .situation_models import Intervention, SituationPicture

WEEKDAYS = [
    gettext_lazy("Mon"),
    gettext_lazy("Tue"),
    gettext_lazy("Wed"),
    gettext_lazy("Thu"),
    gettext_lazy("Fri"),
    gettext_lazy("Sat"),
    gettext_lazy("Sun"),
]
WEEKDAY_NAMES = [
    gettext_lazy("Monday"),
    gettext_lazy("Tuesday"),
    gettext_lazy("Wednesday"),
    gettext_lazy("Thursday"),
    gettext_lazy("Friday"),
    gettext_lazy("Saturday"),
    gettext_lazy("Sunday"),
]


def _listed(places: list[dict]) -> dict:
    """Return the busiest LISTED_PLACES of ``places`` (sorted busiest first) and how many more."""
    return {"listed": places[:LISTED_PLACES], "more": max(len(places) - LISTED_PLACES, 0)}


def change_text(change: dict) -> str:
    """Return a change as people write it: "+3 (+60 %)", "−2 (−40 %)", "+4" from nothing."""
    difference = round(change["difference"])
    sign = "+" if difference > 0 else ("−" if difference < 0 else "±")
    text = f"{sign}{abs(difference)}"
    if change["percent"] is not None:
        percent = change["percent"]
        text += f" ({'+' if percent > 0 else '−' if percent < 0 else '±'}{abs(percent)} %)"
    return text


def _with_changes(figure: dict) -> dict:
    return {
        **figure,
        "previous_text": change_text(figure["previous_change"]),
        "last_year_text": change_text(figure["last_year_change"]),
    }


def picture_context(picture: SituationPicture) -> dict:
    """Return what the page and the PDF show of ``picture``, drawn from its snapshot only."""
    content = picture.content
    if not content:
        return {"picture": picture, "content": None}
    weekdays = [str(day) for day in WEEKDAYS]
    when = content["when"]
    trend = content["trend"]
    figures = content["key_figures"]
    categories = []
    for figure in figures["categories"]:
        series = trend["series"].get(str(figure["category"]), [0] * len(trend["months"]))
        if not (figure["current"] or figure["previous"] or figure["last_year"] or any(series)):
            continue
        categories.append(
            {
                **_with_changes(figure),
                "trend": series,
                "sparkline": sparkline(
                    series,
                    title=_("%(category)s per month, the last 12 months")
                    % {"category": figure["name"]},
                ),
            }
        )
    where = content["where"]
    patrols = [{**row, "weekday_name": WEEKDAY_NAMES[row["weekday"]]} for row in content["patrols"]]
    status_names = dict(Intervention.Status.choices)
    return {
        "picture": picture,
        "content": content,
        "interventions": picture.interventions.select_related("area", "organisation").annotate(
            incident_count=Count("incidents")
        ),
        "follow_up": [
            {**row, "status_name": status_names.get(row["status"], row["status"])}
            for row in content.get("follow_up", [])
        ],
        "categories": categories,
        "total": _with_changes({**figures["total"], "name": _("All categories")}),
        "significance_percent": round(content["significance"] * 100),
        "months": trend["months"],
        "weekday_chart": bars(when["weekdays"], weekdays, title=_("Incidents per weekday")),
        "hour_chart": bars(
            when["hours"], [f"{h:02d}" for h in range(24)], title=_("Incidents per hour of day")
        ),
        "matrix_chart": matrix(when["matrix"], weekdays, title=_("Incidents per weekday and hour")),
        "matrix_rows": list(zip(WEEKDAY_NAMES, when["matrix"], when["weekdays"], strict=True)),
        "weekday_rows": list(zip(WEEKDAY_NAMES, when["weekdays"], strict=True)),
        "hour_rows": [(f"{h:02d}–{(h + 1) % 24:02d}", v) for h, v in enumerate(when["hours"])],
        "map_chart": situation_map(
            where,
            centre=content["centre"],
            police_events=len(content["police_events"]),
            title=_("Map of the period's incidents, hot spots and repeat places"),
        ),
        "legend": {
            kind: legend_swatch(kind) for kind in ("count", "hot99", "hot95", "repeat", "police")
        },
        "patrols": patrols,
        "hot_spots": _listed(where["hot_spots"]),
        "repeat_places": _listed(where["repeat_places"]),
    }


def readable_pictures(user):
    return SituationPicture.objects.for_user(user).select_related("municipality")


class SituationList(PermissionRequiredMixin, ListView):
    permission = "situation.read"
    template_name = "reports/situation/picture_list.html"
    context_object_name = "pictures"

    def get_queryset(self):
        pictures = readable_pictures(self.request.user).defer("content")
        if not has_permission(self.request.user, "situation.edit"):
            return pictures
        return pictures.current()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_edit=has_permission(self.request.user, "situation.edit"), **kwargs
        )


class PictureMixin(PermissionRequiredMixin):
    """Finds the picture among those the user may read, else 404 (never 403: ids are guessable)."""

    permission = "situation.read"

    def get_picture(self):
        return get_object_or_404(readable_pictures(self.request.user), pk=self.kwargs["pk"])


class SituationDetail(PictureMixin, DetailView):
    template_name = "reports/situation/picture_detail.html"
    context_object_name = "picture"

    def get_object(self, queryset=None):
        return self.get_picture()

    def get_context_data(self, **kwargs):
        picture = self.object
        can_edit = has_permission(self.request.user, "situation.edit")
        versions = readable_pictures(self.request.user).filter(
            municipality=picture.municipality_id, period_start=picture.period_start
        )
        return super().get_context_data(
            **picture_context(picture),
            can_edit=can_edit,
            changed=changed_since_compiled(picture) if not picture.is_frozen else 0,
            versions=versions.defer("content").order_by("version"),
            **kwargs,
        )


class SituationPdf(PictureMixin, View):
    def get(self, request, pk):
        picture = self.get_picture()
        title = _("Situation picture %(municipality)s %(start)s") % {
            "municipality": picture.municipality.name,
            "start": picture.period_start.isoformat(),
        }
        context = picture_context(picture)
        pdf = pdf_render("reports/situation/picture_pdf.html", context, title=title)
        response = HttpResponse(pdf, content_type="application/pdf")
        filename = (
            f"lagesbild-{picture.municipality.code}-{picture.period_start}-v{picture.version}"
        )
        response["Content-Disposition"] = f'inline; filename="{filename}.pdf"'
        return response


class PictureForm(forms.Form):
    analysis = forms.CharField(
        label=gettext_lazy("Analysis"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=gettext_lazy(
            "Paragraphs, bold, italics and lists are kept (HTML such as <p>, <strong>, <ul>); "
            "anything else is removed."
        ),
    )
    problems = forms.CharField(
        label=gettext_lazy("Problems identified"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    shared_with = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Share with"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "These organisations are told by e-mail and may read the picture once it is "
            "published. The police always are."
        ),
    )

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shared_with"].queryset = Organisation.objects.filter(
            municipalities=municipality
        )


class SituationEdit(PictureMixin, FormView):
    permission = "situation.edit"
    form_class = PictureForm
    template_name = "reports/situation/picture_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.picture = self.get_picture()
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "municipality": self.picture.municipality}

    def get_initial(self):
        return {
            "analysis": self.picture.analysis,
            "problems": self.picture.problems,
            "shared_with": list(self.picture.shared_with.all()),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(picture=self.picture, **kwargs)

    def form_valid(self, form):
        try:
            situation_picture_update(
                picture=self.picture, by=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The picture is saved."))
        return redirect("situation_detail", pk=self.picture.pk)


STEPS = {
    "recompile": (situation_picture_recompile, gettext_lazy("The picture is compiled again.")),
    "submit": (situation_picture_submit, gettext_lazy("The picture is ready for review.")),
    "publish": (
        situation_picture_publish,
        gettext_lazy("The picture is published and the partners are told."),
    ),
    "revise": (situation_picture_revise, gettext_lazy("A new version is made from the picture.")),
}


class SituationStep(PictureMixin, View):
    """One step of the workflow, posted from the picture's page."""

    permission = "situation.edit"
    step = ""

    def post(self, request, pk):
        picture = self.get_picture()
        function, done = STEPS[self.step]
        try:
            result = function(picture=picture, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("situation_detail", pk=picture.pk)
        messages.success(request, done)
        return redirect("situation_detail", pk=result.pk)


def _picked_area(label, help_text) -> forms.ModelChoiceField:
    """Return a choice among the municipality's areas (its queryset is set by the form)."""
    return forms.ModelChoiceField(label=label, queryset=None, required=False, help_text=help_text)


def _drawn_area(label, help_text) -> gis_forms.MultiPolygonField:
    """Return a map to draw an area on, posted in WGS 84 and read in the storage SRID."""
    return gis_forms.MultiPolygonField(
        label=label,
        srid=settings.STORAGE_SRID,
        required=False,
        widget=MapWidget(attrs={"map_height": "360px"}),
        help_text=help_text,
    )


class InterventionForm(forms.Form):
    what = forms.CharField(label=gettext_lazy("What"), max_length=200)
    problem = forms.CharField(
        label=gettext_lazy("Problem it addresses"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    area = _picked_area(
        gettext_lazy("Where (an existing area)"),
        gettext_lazy(
            "Pick one of the municipality's areas (the way to choose with the keyboard), or draw "
            "a new one on the map below."
        ),
    )
    drawn_area = _drawn_area(
        gettext_lazy("Where (draw a new area)"),
        gettext_lazy(
            "Draw the target area with the polygon tool: click each corner and finish on the "
            "first one. It is saved as an intervention area of the municipality."
        ),
    )
    comparison_area = _picked_area(
        gettext_lazy("Comparison area (optional)"),
        gettext_lazy(
            "A similar place without the intervention, to judge its effect against in the "
            "tertial analysis. Without one, the rest of the municipality is used."
        ),
    )
    drawn_comparison_area = _drawn_area(
        gettext_lazy("Comparison area (draw a new one, optional)"),
        gettext_lazy("Or draw the comparison area on this map."),
    )
    starts_on = forms.DateField(
        label=gettext_lazy("From"), widget=forms.DateInput({"type": "date"})
    )
    ends_on = forms.DateField(label=gettext_lazy("Until"), widget=forms.DateInput({"type": "date"}))
    times = forms.CharField(
        label=gettext_lazy("Times"),
        required=False,
        max_length=100,
        help_text=gettext_lazy("For example: Fri–Sat 21–03."),
    )
    organisation = forms.ModelChoiceField(label=gettext_lazy("Owning organisation"), queryset=None)
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=Intervention.Status.choices)
    incidents = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Incidents that motivate it"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, picture: SituationPicture, **kwargs):
        super().__init__(*args, **kwargs)
        municipality = picture.municipality
        self.fields["area"].queryset = municipality.areas.all()
        self.fields["comparison_area"].queryset = municipality.areas.all()
        self.fields["organisation"].queryset = Organisation.objects.filter(
            municipalities=municipality
        )
        self.fields["incidents"].queryset = (
            Incident.objects.for_municipality(municipality)
            .filter(occurred_from__gte=_moments(picture.period_start, picture.period_end)[0])
            .filter(occurred_from__lt=_moments(picture.period_start, picture.period_end)[1])
            .exclude(source=Incident.Source.POLICE_EVENT)
            .select_related("category")
            .order_by("occurred_from")
        )
        self.fields["incidents"].label_from_instance = lambda incident: (
            f"{incident.occurred_from.astimezone():%Y-%m-%d %H:%M} {incident.category.name}"
            f"{', ' + incident.place_name if incident.place_name else ''}"
        )


class InterventionCreate(PictureMixin, FormView):
    permission = "situation.edit"
    form_class = InterventionForm
    template_name = "reports/situation/intervention_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.picture = self.get_picture()
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "picture": self.picture}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            picture=self.picture,
            layers_json=boundary_layer_json(self.picture.municipality),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            intervention_create(picture=self.picture, by=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The intervention is saved."))
        return redirect("situation_detail", pk=self.picture.pk)


class InterventionStatus(PermissionRequiredMixin, View):
    """Follow-up: whether an intervention was carried out. Allowed after publishing, too."""

    permission = "situation.edit"

    def post(self, request, pk):
        intervention = get_object_or_404(
            Intervention.objects.filter(
                municipality__in=Municipality.objects.for_user(request.user)
            ),
            pk=pk,
        )
        try:
            intervention_set_status(
                intervention=intervention, by=request.user, status=request.POST.get("status", "")
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The intervention's status is saved."))
        return redirect("situation_detail", pk=intervention.decided_in_id)
