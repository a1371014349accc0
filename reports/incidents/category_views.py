"""Each municipality's list of incident categories: adding, retiring and restoring them."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from est.access import PermissionRequiredMixin
from est.models import Municipality
from est.service_views import REFUSED, service_form_call
from est.views import MunicipalityScopedMixin
from reports.incidents.categories import category_create, category_restore, category_retire
from reports.incidents.forms import (
    CategoryForm,
)
from reports.incidents.models import Category
from reports.permissions import (
    CATEGORY_MANAGE,
)


class CategoryList(PermissionRequiredMixin, TemplateView):
    """Each municipality's categories: coordinators add, retire and restore them."""

    permission = CATEGORY_MANAGE
    template_name = "reports/incidents/category_list.html"

    def get_context_data(self, *, forms=None, **kwargs):
        forms = forms or {}
        sections = []
        for municipality in Municipality.objects.for_user(self.request.user).defer("boundary"):
            categories = (
                Category.objects.for_municipality(municipality)
                .annotate(incident_count=Count("incidents"))
                .order_by("retired", "order", "name")
            )
            form = forms.get(municipality.pk) or CategoryForm(prefix=municipality.code)
            sections.append({"municipality": municipality, "categories": categories, "form": form})
        return super().get_context_data(sections=sections, **kwargs)


class CategoryCreate(MunicipalityScopedMixin, CategoryList):
    def get(self, request, *args, **kwargs):
        return redirect("category_list")

    def post(self, request, code):
        form = CategoryForm(request.POST, prefix=code)
        if form.is_valid():
            category = service_form_call(
                form,
                lambda: category_create(
                    municipality=self.municipality, name=form.cleaned_data["name"]
                ),
            )
            if category is not REFUSED:
                messages.success(
                    request,
                    _("%(municipality)s has the new category %(category)s.")
                    % {"municipality": self.municipality.name, "category": category.name},
                )
                return redirect("category_list")
        return self.render_to_response(self.get_context_data(forms={self.municipality.pk: form}))


class CategoryChange(PermissionRequiredMixin, View):
    """Retires or restores one category of the user's municipalities."""

    permission = CATEGORY_MANAGE
    retire = True

    def post(self, request, pk):
        category = get_object_or_404(Category.objects.for_user(request.user), pk=pk)
        if self.retire:
            category_retire(category=category)
            message = _("%(category)s is retired: kept on old incidents, not offered for new ones.")
        else:
            category_restore(category=category)
            message = _("%(category)s can be chosen again.")
        messages.success(request, message % {"category": category.name})
        return redirect("category_list")
