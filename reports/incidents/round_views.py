"""The round report page: a guard files everything found on one round in one submission."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from est.forms import form_add_service_errors
from est.service_views import REFUSED, service_form_call
from reports.incidents.forms import RoundForm, RoundIncidentFormSet, categories_for_form
from reports.incidents.rounds import RoundInvalid, round_file
from reports.incidents.views import ERROR_FIELDS, FilingMixin, IncidentFormMixin

#: The service's errors that belong to the round's shared time, not to one incident.
PERIOD_FIELDS = ("occurred_from", "occurred_to")


class RoundFile(FilingMixin, IncidentFormMixin, TemplateView):
    """The round's time once, then incident after incident, each on its own map; sent at once."""

    template_name = "reports/incidents/round_form.html"

    def formset(self, data=None, files=None):
        return RoundIncidentFormSet(
            data,
            files,
            prefix="incident",
            form_kwargs={"categories": categories_for_form(self.request.user)},
        )

    def get_context_data(self, **kwargs):
        kwargs.setdefault("round_form", RoundForm())
        kwargs.setdefault("formset", self.formset())
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        round_form = RoundForm(request.POST)
        formset = self.formset(request.POST, request.FILES)
        # Both are checked, so that every error shows at once.
        if round_form.is_valid() & formset.is_valid():
            filed = self.file(round_form, formset)
            if filed:
                messages.success(
                    request,
                    ngettext(
                        "Thank you! Your round report with %(count)d incident is filed.",
                        "Thank you! Your round report with %(count)d incidents is filed.",
                        len(filed),
                    )
                    % {"count": len(filed)},
                )
                return redirect("incident_mine")
        return self.render_to_response(
            self.get_context_data(round_form=round_form, formset=formset)
        )

    def file(self, round_form, formset) -> list:
        """File the round; return its incidents, or [] with the errors added to the forms."""
        round_data = round_form.cleaned_data
        # Incidents added on the page but left untouched are no part of the round.
        forms = [form for form in formset.forms if form.has_changed()]
        incidents = []
        for form in forms:
            position, municipality = self.position_and_municipality(form)
            if municipality is None:
                round_form.add_error(
                    None, _("You don't belong to any municipality. Ask your coordinator.")
                )
                return []
            photo = form.cleaned_data.get("photo")
            round_time = {}
            if not form.has_own_time:
                round_time = {
                    "occurred_from": round_data["occurred_from"],
                    "occurred_to": round_data.get("occurred_to") or round_data["occurred_from"],
                }
            incidents.append(
                {
                    **form.service_arguments(self.categories_by_name(municipality)),
                    **round_time,
                    "municipality": municipality,
                    "position": position,
                    "photos": [photo] if photo else [],
                }
            )
        try:
            filed = service_form_call(
                round_form,
                lambda: round_file(
                    reporter=self.request.user,
                    incidents=incidents,
                    idempotency_key=round_data["idempotency_key"],
                ),
            )
        except RoundInvalid as invalid:
            for number, error in invalid.errors.items():
                self.add_errors(round_form, forms[number], error)
            return []
        return [] if filed is REFUSED else filed

    @staticmethod
    def add_errors(round_form, form, error: ValidationError) -> None:
        """Show an incident's errors next to its fields; those of the round's time (when the
        incident has none of its own), once, next to the round's."""
        own = {}
        for name, field_messages in error.message_dict.items():
            if name in PERIOD_FIELDS and not form.has_own_time:
                if not round_form.has_error(name):
                    round_form.add_error(name, field_messages)
            else:
                own[name] = field_messages
        if own:
            form_add_service_errors(form, ValidationError(own), fields=ERROR_FIELDS)
