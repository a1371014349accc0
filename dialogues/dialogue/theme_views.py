"""The coordinator's pages of the themes: a year's themes with how many raised each and a
response form each, and the municipality's list of themes."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from est.municipal_list_views import MunicipalListPage
from est.service_views import REFUSED, service_form_call
from est.views import MunicipalityScopedMixin

from ..permissions import DIALOGUE_MANAGE
from .forms import ThemeAddForm, ThemeResponseForm
from .responses import theme_response_set, themes_of_year
from .themes import DIALOGUE_THEMES


class ThemeResponses(MunicipalityScopedMixin, TemplateView):
    """The themes raised in a year (or answered for it), each with its response form."""

    permission = DIALOGUE_MANAGE
    template_name = "dialogues/dialogue/theme_responses.html"

    def _form(self, row, data=None):
        return ThemeResponseForm(
            data,
            theme=row.theme,
            year=self.kwargs["year"],
            municipality=self.municipality,
            response=row.response,
        )

    def get_context_data(self, *, refused=None, **kwargs):
        rows = themes_of_year(self.municipality, self.kwargs["year"], announced_only=False)
        forms = [
            (
                row,
                refused if refused is not None and refused.theme == row.theme else self._form(row),
            )
            for row in rows
        ]
        kwargs["year"] = self.kwargs["year"]
        return super().get_context_data(rows=forms, **kwargs)

    def post(self, request, code, year):
        rows = themes_of_year(self.municipality, year, announced_only=False)
        row = next((row for row in rows if str(row.theme.pk) == request.POST.get("theme")), None)
        if row is None:
            return redirect("theme_responses", code=code, year=year)
        form = self._form(row, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            saved = service_form_call(
                form,
                lambda: theme_response_set(
                    theme=row.theme,
                    year=year,
                    by=request.user,
                    kind=data["kind"],
                    reason=data["reason"],
                    focus_area=data["focus_area"],
                    measure=data["measure"],
                    new_measure={
                        "title": data["measure_title"],
                        "responsible": data["measure_responsible"],
                    },
                ),
                fields={"title": "measure_title", "responsible": "measure_responsible"},
            )
            if saved is not REFUSED:
                messages.success(
                    request, _("The response to %(theme)s is saved.") % {"theme": row.theme}
                )
                return redirect("theme_responses", code=code, year=year)
        return self.render_to_response(self.get_context_data(refused=form), status=400)


class ThemeList(MunicipalListPage):
    """The municipality's themes, each with its own small form."""

    permission = DIALOGUE_MANAGE
    template_name = "dialogues/dialogue/theme_list.html"
    kind = DIALOGUE_THEMES
    item_name = "theme"
    add_form_class = ThemeAddForm
    url_name = "dialogue_themes"
    added = gettext_lazy("The theme %(name)s is added.")
    saved = gettext_lazy("The theme %(name)s is saved.")
