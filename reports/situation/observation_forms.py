"""The working group's forms: an observation or comment on a draft picture, and the
coordinator's naming of an organisation to the working group."""

from django import forms
from django.utils.translation import gettext_lazy

from reports.situation.models import Observation


class ObservationForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("What you add"),
        choices=Observation.Kind.choices,
        initial=Observation.Kind.OBSERVATION,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "An observation is what your organisation sees that the data does not show; a "
            "comment is on the coordinator's analysis."
        ),
    )
    text = forms.CharField(
        label=gettext_lazy("Text"), widget=forms.Textarea(attrs={"rows": 6}), max_length=5000
    )


class WorkingGroupMemberForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Organisation"),
        queryset=None,
        empty_label=gettext_lazy("Choose an organisation"),
        error_messages={"invalid_choice": gettext_lazy("Choose one of the listed organisations.")},
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = candidates


class PictureMeetingForm(forms.Form):
    held_on = forms.DateField(
        label=gettext_lazy("Date of the meeting"), widget=forms.DateInput(attrs={"type": "date"})
    )
    organisations = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Organisations present"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": gettext_lazy("Choose among the listed organisations.")},
    )
    notes = forms.CharField(
        label=gettext_lazy("Notes"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy("What the meeting saw and agreed. Name no residents."),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = organisations
