"""Pages of the tertial analyses: the list, the analysis, its PDF and the coordinator's steps."""

import base64

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView, FormView, ListView

from est.access import PermissionRequiredMixin
from est.models import Municipality
from est.pdf import pdf_render
from est.periods import Tertial
from est.report_sections import sections_present
from est.roles import has_permission

from .situation_charts import bars, matrix, situation_map
from .situation_views import WEEKDAY_NAMES, WEEKDAYS, change_text
from .tertial import (
    BUFFER_METRES,
    tertial_analysis_adopt,
    tertial_analysis_recompile,
    tertial_analysis_render_request,
    tertial_analysis_revise,
    tertial_analysis_submit,
    tertial_analysis_update,
)
from .tertial_models import TertialAnalysis

MONTHS = [
    gettext_lazy("January"), gettext_lazy("February"), gettext_lazy("March"),
    gettext_lazy("April"), gettext_lazy("May"), gettext_lazy("June"), gettext_lazy("July"),
    gettext_lazy("August"), gettext_lazy("September"), gettext_lazy("October"),
    gettext_lazy("November"), gettext_lazy("December"),
]  # fmt: skip

VERDICTS = {
    "effect": gettext_lazy("Effect: incidents fell more in the target area than elsewhere."),
    "increase": gettext_lazy("Incidents rose more in the target area than elsewhere."),
    "no_detectable_effect": gettext_lazy("No detectable effect: the change could be chance."),
    "too_little_data": gettext_lazy("Too little data to tell."),
}
SPILLOVERS = {
    "displacement": gettext_lazy("Incidents may have moved to the surrounding streets."),
    "diffusion": gettext_lazy("The surrounding streets improved too."),
    "none": gettext_lazy("No sign that incidents moved to the surroundings."),
    "unknown": gettext_lazy("Too few incidents around the area to tell whether they moved."),
}


def _svg_image(svg: str, alt: str) -> dict:
    """Return an SVG as an image the PDF tags as a figure with alternative text."""
    return {"src": "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode(),
            "alt": alt, "svg": svg}  # fmt: skip


def _tertial_label(text: str) -> str:
    year, number = text.split("-T")
    return f"T{number} {year}"


def analysis_context(analysis: TertialAnalysis) -> dict:
    """Return what the page and the PDF show of ``analysis``, drawn from its snapshot only."""
    content = analysis.content
    if not content:
        return {"analysis": analysis, "content": None}
    tertial = analysis.tertial
    trend = content["trend"]
    months = trend["months"]
    totals = [sum(series[i] for series in trend["series"].values()) for i in range(len(months))]
    years = sorted({m[:4] for m in months})
    per_month = dict(zip(months, totals, strict=True))
    month_rows = [
        (MONTHS[index], [per_month.get(f"{year}-{index + 1:02d}") for year in years])
        for index in range(12)
    ]
    tertials = [tertial]
    while len(tertials) < 9:
        tertials.insert(0, tertials[0].previous())
    names = {str(f["category"]): f["name"] for f in content["key_figures"]["categories"]}
    category_rows = []
    for key, series in trend["series"].items():
        sums = []
        for each in tertials:
            first = each.first_day.year * 12 + each.first_day.month - 1
            sums.append(
                sum(
                    v
                    for m, v in zip(months, series, strict=True)
                    if first <= int(m[:4]) * 12 + int(m[5:]) - 1 < first + 4
                )
            )
        category_rows.append((names.get(key, key), sums))
    category_rows.sort(key=lambda row: -row[1][-1])
    figures = [
        {**f, "previous_text": change_text(f["previous_change"]),
         "last_year_text": change_text(f["last_year_change"])}
        for f in content["key_figures"]["categories"]
        if f["current"] or f["previous"] or f["last_year"]
    ]  # fmt: skip
    total = content["key_figures"]["total"]
    total = {**total, "previous_text": change_text(total["previous_change"]),
             "last_year_text": change_text(total["last_year_change"])}  # fmt: skip
    areas = content["areas"]
    area_rows = [
        {**a, "last_year_text": change_text(a["last_year_change"])} for a in areas["areas"]
    ]
    when = content["when"]
    weekdays = [str(day) for day in WEEKDAYS]
    interventions = [
        {
            **each,
            "verdict_text": VERDICTS[each["verdict"]],
            "spillover_text": SPILLOVERS[each["spillover"]],
        }
        for each in content["interventions"]
    ]
    where = {
        "extent": areas["extent"],
        "boundary": areas["boundary"],
        "areas": [
            {"name": a["name"], "rings": a["rings"], "count": a["count"]} for a in areas["areas"]
        ],
        "cells": [],
        "hot_spots": [],
        "repeat_places": [],
        "hex_size": 250,
    }
    name = analysis.municipality.name
    return {
        "analysis": analysis,
        "content": content,
        "tertial_label": _tertial_label(content["tertial"]),
        "previous_label": str(_tertial_label(str(tertial.previous()))),
        "last_year_label": _tertial_label(str(Tertial(tertial.year - 1, tertial.number))),
        "figures": figures,
        "total": total,
        "significance_percent": round(content["significance"] * 100),
        "trend_chart": _svg_image(
            bars(totals, [m[5:] for m in months], title=_("Incidents per month")),
            _(
                "Column chart: incidents per month in %(municipality)s, %(first)s to %(last)s; "
                "the numbers are in the table below."
            )
            % {"municipality": name, "first": months[0], "last": months[-1]},
        ),
        "years": years,
        "month_rows": month_rows,
        "tertial_columns": [_tertial_label(str(t)) for t in tertials],
        "category_rows": category_rows,
        "map_chart": _svg_image(
            situation_map(where, centre=[0, 0], police_events=0, title=_("Incidents per area")),
            _(
                "Map of %(municipality)s with its areas shaded by the tertial's incidents: the "
                "darker, the more; the numbers are in the table below."
            )
            % {"municipality": name},
        ),
        "area_rows": area_rows,
        "matrix_chart": _svg_image(
            matrix(when["matrix"], weekdays, title=_("Incidents per weekday and hour")),
            _(
                "Weekday by hour grid of the tertial's incidents, darker cells hold more; the "
                "totals per weekday and hour are in the tables below."
            ),
        ),
        "weekday_rows": list(zip(WEEKDAY_NAMES, when["weekdays"], strict=True)),
        "hour_rows": [(f"{h:02d}–{(h + 1) % 24:02d}", v) for h, v in enumerate(when["hours"])],
        "interventions": interventions,
        "buffer_metres": content.get("buffer_metres", BUFFER_METRES),
        "sections": sections_present(content.get("sections", {})),
    }


def analysis_pdf_bytes(analysis: TertialAnalysis) -> bytes:
    """Return the analysis's PDF, in Swedish whatever the caller's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return pdf_render(
            "reports/tertial/analysis_pdf.html",
            analysis_context(analysis),
            title=_("Tertial analysis %(municipality)s %(tertial)s")
            % {"municipality": analysis.municipality.name, "tertial": analysis.tertial},
        )


def readable_analyses(user):
    return TertialAnalysis.objects.for_user(user).select_related("municipality")


class TertialList(PermissionRequiredMixin, ListView):
    permission = "tertial.view"
    template_name = "reports/tertial/analysis_list.html"
    context_object_name = "analyses"

    def get_queryset(self):
        analyses = readable_analyses(self.request.user).defer("content", "pdf")
        if self.request.GET.get("municipality"):
            analyses = analyses.filter(municipality__code=self.request.GET["municipality"])
        if self.request.GET.get("year", "").isdigit():
            analyses = analyses.filter(year=int(self.request.GET["year"]))
        return analyses.order_by("municipality__name", "-year", "-number", "-version")

    def get_context_data(self, **kwargs):
        readable = readable_analyses(self.request.user)
        return super().get_context_data(
            municipalities=Municipality.objects.filter(
                pk__in=readable.values("municipality")
            ).order_by("name"),
            years=sorted(set(readable.values_list("year", flat=True)), reverse=True),
            chosen_municipality=self.request.GET.get("municipality", ""),
            chosen_year=self.request.GET.get("year", ""),
            **kwargs,
        )


class AnalysisMixin(PermissionRequiredMixin):
    """Finds the analysis among those the user may read, else 404 (ids are guessable)."""

    permission = "tertial.view"

    def get_analysis(self):
        return get_object_or_404(readable_analyses(self.request.user), pk=self.kwargs["pk"])


class TertialDetail(AnalysisMixin, DetailView):
    template_name = "reports/tertial/analysis_detail.html"
    context_object_name = "analysis"

    def get_object(self, queryset=None):
        return self.get_analysis()

    def get_context_data(self, **kwargs):
        analysis = self.object
        versions = readable_analyses(self.request.user).filter(
            municipality=analysis.municipality_id, year=analysis.year, number=analysis.number
        )
        return super().get_context_data(
            **analysis_context(analysis),
            can_edit=has_permission(self.request.user, "tertial.edit"),
            versions=versions.defer("content", "pdf").order_by("version"),
            adopt_form=AdoptForm(initial={"adopted_on": timezone.localdate()}),
            **kwargs,
        )


class TertialPdf(AnalysisMixin, View):
    """The rendered PDF, inline; while there is none, back to the page that shows progress."""

    def get(self, request, pk):
        analysis = self.get_analysis()
        if not analysis.pdf:
            tertial_analysis_render_request(analysis=analysis)
            messages.info(request, _("The PDF is being made; this page shows when it is ready."))
            return redirect("tertial_detail", pk=analysis.pk)
        response = HttpResponse(bytes(analysis.pdf), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{analysis.filename}"'
        return response


class TertialRenderStatus(AnalysisMixin, View):
    """The PDF's rendering state, polled by the analysis page."""

    def get(self, request, pk):
        analysis = self.get_analysis()
        return JsonResponse(
            {
                "state": analysis.render_state,
                "label": analysis.get_render_state_display(),
                "ready": analysis.render_state == TertialAnalysis.RenderState.DONE,
            }
        )


class AnalysisForm(forms.Form):
    key_messages = forms.CharField(
        label=gettext_lazy("Key messages"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("What the management group should take away; one per line."),
    )
    direction = forms.CharField(
        label=gettext_lazy("Proposed direction for the next tertial"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class AdoptForm(forms.Form):
    adopted_on = forms.DateField(
        label=gettext_lazy("Adopted on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    decision = forms.CharField(
        label=gettext_lazy("The management group's decision"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class TertialEdit(AnalysisMixin, FormView):
    permission = "tertial.edit"
    template_name = "reports/tertial/analysis_form.html"
    form_class = AnalysisForm

    def get_initial(self):
        analysis = self.get_analysis()
        return {"key_messages": analysis.key_messages, "direction": analysis.direction}

    def get_context_data(self, **kwargs):
        return super().get_context_data(analysis=self.get_analysis(), **kwargs)

    def form_valid(self, form):
        analysis = self.get_analysis()
        try:
            tertial_analysis_update(analysis=analysis, by=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        return redirect("tertial_detail", pk=analysis.pk)


STEPS = ("submit", "adopt", "revise", "recompile", "render")


class TertialStep(AnalysisMixin, View):
    """One step of the workflow, posted from the analysis page."""

    permission = "tertial.edit"
    step = ""

    def post(self, request, pk):
        analysis = self.get_analysis()
        by = request.user
        try:
            if self.step == "submit":
                tertial_analysis_submit(analysis=analysis, by=by)
            elif self.step == "adopt":
                form = AdoptForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(_("Give the date and the decision."))
                tertial_analysis_adopt(analysis=analysis, by=by, **form.cleaned_data)
            elif self.step == "revise":
                analysis = tertial_analysis_revise(analysis=analysis, by=by)
            elif self.step == "recompile":
                tertial_analysis_recompile(analysis=analysis, by=by)
            elif self.step == "render" and not tertial_analysis_render_request(analysis=analysis):
                messages.info(request, _("The PDF is already up to date."))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect("tertial_detail", pk=analysis.pk)
