"""The coordinator's page for the municipality's categories of findings: add, rename, reorder
and retire them."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from est.service_views import REFUSED, service_form_call
from est.views import MunicipalityScopedMixin

from ..permissions import WALK_PLAN
from .categories import finding_categories, finding_category_add, finding_category_update
from .recording_forms import FindingCategoryAddForm, FindingCategoryForm


class FindingCategoryList(MunicipalityScopedMixin, TemplateView):
    """The municipality's categories of findings, each with its own small form."""

    permission = WALK_PLAN
    template_name = "dialogues/walks/finding_categories.html"

    def get_context_data(self, *, refused=None, add_form=None, **kwargs):
        rows = [
            refused
            if refused is not None and refused.category.pk == category.pk
            else FindingCategoryForm(category=category)
            for category in finding_categories(self.municipality)
        ]
        return super().get_context_data(
            forms=rows, add_form=add_form or FindingCategoryAddForm(), **kwargs
        )

    def post(self, request, code):
        if "category" in request.POST:
            return self.change(request)
        form = FindingCategoryAddForm(request.POST)
        if form.is_valid():
            added = service_form_call(
                form,
                lambda: finding_category_add(
                    municipality=self.municipality, by=request.user, name=form.cleaned_data["name"]
                ),
            )
            if added is not REFUSED:
                messages.success(request, _("The category %(name)s is added.") % {"name": added})
                return redirect("finding_categories", code=code)
        return self.render_to_response(self.get_context_data(add_form=form))

    def change(self, request):
        categories = finding_categories(self.municipality)
        category = get_object_or_404(categories, pk=request.POST.get("category"))
        form = FindingCategoryForm(request.POST, category=category)
        if form.is_valid():
            changed = service_form_call(
                form,
                lambda: finding_category_update(
                    category=category, by=request.user, **form.cleaned_data
                ),
            )
            if changed is not REFUSED:
                messages.success(request, _("The category %(name)s is saved.") % {"name": changed})
                return redirect("finding_categories", code=self.municipality.code)
        return self.render_to_response(self.get_context_data(refused=form))
