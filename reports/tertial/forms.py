"""The coordinator's forms of a tertial analysis: its texts and the adoption."""

from django import forms
from django.utils.translation import gettext_lazy


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
