"""The form of one of the management group's priorities."""

from django import forms
from django.utils.translation import gettext_lazy

from est.models import Area
from est.periods import WEEKDAY_NAMES
from reports.incidents.models import Category

HOUR_CHOICES = [("", "–")] + [(hour, f"{hour:02d}:00") for hour in range(24)]


class PriorityForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Priority"), max_length=200)
    description = forms.CharField(
        label=gettext_lazy("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    area = forms.ModelChoiceField(
        label=gettext_lazy("Area"),
        queryset=Area.objects.none(),
        required=False,
        empty_label=gettext_lazy("All areas"),
    )
    category = forms.ModelChoiceField(
        label=gettext_lazy("Category"),
        queryset=Category.objects.none(),
        required=False,
        empty_label=gettext_lazy("All categories"),
    )
    weekdays = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Weekdays"),
        choices=list(enumerate(WEEKDAY_NAMES)),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("None chosen: every day."),
    )
    start_hour = forms.TypedChoiceField(
        label=gettext_lazy("From"),
        choices=HOUR_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )
    end_hour = forms.TypedChoiceField(
        label=gettext_lazy("Until"),
        choices=HOUR_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        help_text=gettext_lazy("May pass midnight: from 21:00 until 03:00. Neither: all day."),
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = Area.objects.for_municipality(municipality)
        self.fields["category"].queryset = Category.objects.for_municipality(municipality)
