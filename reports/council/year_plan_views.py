"""Pages of one year's action plan: a version with its activities and the council's decision,
its PDF, adoption (which freezes the version) and a new version of an adopted one. Council
members and the police read; coordinators write. Another municipality's is 404."""

from functools import partial

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from est.access import PermissionRequiredMixin
from est.pdf import pdf_render
from est.roles import has_permission
from est.service_views import ServiceFormMixin
from reports.council.plan_forms import ActionPlanAdoptForm
from reports.council.plan_models import YearPlan
from reports.council.plan_views import revision_response, year_plan_editable
from reports.council.year_plans import year_adopted_text, year_plan_adopt, year_plan_revise
from reports.permissions import PLAN_EDIT, PLAN_VIEW


class YearPlanMixin(PermissionRequiredMixin):
    """Finds the year plan among those of the user's municipalities, else 404."""

    permission = PLAN_VIEW

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.year_plan = get_object_or_404(
                YearPlan.objects.for_user(request.user).select_related("plan__municipality"),
                pk=kwargs["pk"],
            )
            self.plan = self.year_plan.plan
        return super().dispatch(request, *args, **kwargs)

    def year_context(self) -> dict:
        """Return what the page and the PDF show of the year plan."""
        return {
            "year_plan": self.year_plan,
            "plan": self.plan,
            "municipality": self.plan.municipality,
            "activities": self.year_plan.activities.select_related("goal", "owner"),
        }


class YearPlanDetail(YearPlanMixin, TemplateView):
    template_name = "reports/council/year_plan_detail.html"

    def get_context_data(self, **kwargs):
        may_edit = has_permission(self.request.user, PLAN_EDIT)
        year_plan = self.year_plan
        return super().get_context_data(
            **self.year_context(),
            versions=YearPlan.objects.filter(plan=self.plan, year=year_plan.year).order_by(
                "version"
            ),
            can_adopt=may_edit and year_plan_editable(self.plan, year_plan),
            can_revise=may_edit
            and self.plan.is_current
            and year_plan.is_current
            and year_plan.is_frozen,
            **kwargs,
        )


class YearPlanPdf(YearPlanMixin, View):
    def get(self, request, pk):
        title = _("Action plan %(year)s, %(name)s") % {
            "year": self.year_plan.year,
            "name": self.plan.municipality.name,
        }
        pdf = pdf_render(
            "reports/council/year_plan_document.html", self.year_context(), title=title
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{self.year_plan.filename}"'
        return response


class YearPlanAdopt(YearPlanMixin, ServiceFormMixin, FormView):
    permission = PLAN_EDIT
    form_class = ActionPlanAdoptForm
    template_name = "reports/council/plan_form.html"

    def get(self, request, *args, **kwargs):
        # An adopted or old version is not offered a form that would only be refused.
        if not year_plan_editable(self.plan, self.year_plan):
            messages.error(request, year_adopted_text(self.year_plan.year))
            return redirect("year_plan", pk=self.year_plan.pk)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        title = _("Record the adoption of the action plan %(year)s") % {"year": self.year_plan.year}
        return super().get_context_data(
            title=title, plan=self.plan, municipality=self.plan.municipality, **kwargs
        )

    def perform(self, form):
        return year_plan_adopt(year_plan=self.year_plan, by=self.request.user, **form.cleaned_data)

    def performed(self, form, year_plan):
        messages.success(
            self.request,
            _("The action plan %(year)s is adopted. This version can no longer change.")
            % {"year": year_plan.year},
        )
        return redirect("year_plan", pk=year_plan.pk)


class YearPlanRevise(YearPlanMixin, View):
    permission = PLAN_EDIT

    def post(self, request, pk):
        revise = partial(year_plan_revise, year_plan=self.year_plan, by=request.user)
        return revision_response(request, revise, to="year_plan", pk=pk)
