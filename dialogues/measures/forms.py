"""The forms of the measures: what is to be done (the coordinator's), where it stands (also the
owner's), and the list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from est.models import Organisation

from .models import Measure


class FindingChoices(forms.ModelMultipleChoiceField):
    """Findings as checkboxes labelled by their category and description."""

    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, finding):
        return f"{finding.category.name}: {finding.description}"


class MeasureForm(forms.Form):
    title = forms.CharField(label=_("What is to be done"), max_length=200)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    responsible = forms.ModelChoiceField(
        label=_("Responsible organisation"), queryset=Organisation.objects.none()
    )
    contact = forms.CharField(
        label=_("Contact"),
        max_length=200,
        required=False,
        help_text=_("Who to ask at the organisation. An e-mail address also gets the reminders."),
    )
    due_on = forms.DateField(
        label=_("Due date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    findings = FindingChoices(label=_("Findings it covers"), queryset=None, required=False)

    def __init__(self, *args, municipality, findings, **kwargs):
        """``findings`` are those the measure may cover (a walk's)."""
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = Organisation.objects.filter(
            municipalities=municipality
        ).order_by("name")
        self.fields["findings"].queryset = findings.select_related("category")


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Measure.Status.choices)
    rejection_reason = forms.CharField(
        label=_("Why it is rejected"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Needed when the measure is rejected."),
    )
    done_note = forms.CharField(
        label=_("What was done"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Needed when the measure is done. Residents read it on the follow-up page."),
    )
    done_photo = forms.FileField(
        label=_("Photo of what was done"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
        help_text=_("Optional, when done. Staff of the municipality and your organisation see it."),
    )


class MeasureFilterForm(forms.Form):
    """The list's filters, read from the URL."""

    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All"))] + Measure.Status.choices, required=False
    )
    responsible = forms.ModelChoiceField(
        label=_("Responsible organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("All"),
    )
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = organisations

    def filtered(self, measures, today):
        """Return ``measures`` narrowed by the valid filters (all of them when none is)."""
        if not self.is_valid():
            return measures
        data = self.cleaned_data
        if data["status"]:
            measures = measures.filter(status=data["status"])
        if data["responsible"]:
            measures = measures.filter(responsible=data["responsible"])
        if data["overdue"]:
            measures = measures.overdue(today)
        return measures
