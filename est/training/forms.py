"""The form that records a held training."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import TrainingSession
from .services import reporters_of


class TrainingSessionForm(forms.ModelForm):
    participants = forms.ModelMultipleChoiceField(
        label=_("Who took part"),
        queryset=None,
        # The service says when none are chosen, together with what else is wrong.
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each is certified to file for %(months)s months from the training's date."),
    )

    class Meta:
        model = TrainingSession
        fields = ["held_on", "trainer", "place"]
        widgets = {"held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, municipality, months: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = reporters_of(municipality)
        self.fields["participants"].label_from_instance = lambda user: (
            user.get_full_name() or user.username
        )
        self.fields["participants"].help_text %= {"months": months}
