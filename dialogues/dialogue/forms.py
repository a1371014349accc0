"""The coordinator's forms of a dialogue occasion, its views and the themes' responses."""

from django import forms
from django.contrib.gis import forms as gis_forms
from django.utils.translation import gettext_lazy as _

from est.forms import MapWidget
from est.models import Organisation

from ..measures.models import Measure
from ..pledges.models import FocusArea, Pledge
from ..walks.forms import CancelForm, _moment
from .models import Attendance, DialogueOccasion, ThemeResponse


class OccasionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    format = forms.ChoiceField(label=_("Format"), choices=DialogueOccasion.Format.choices)
    starts_at = _moment(_("Starts"))
    ends_at = _moment(_("Ends"))
    place = forms.CharField(
        label=_("Place"),
        max_length=200,
        help_text=_("For example: the square, by the library. Online: the link or how to join."),
    )
    point = gis_forms.PointField(
        label=_("Place on the map"),
        required=False,
        widget=MapWidget(attrs={"map_height": "320px"}),
        help_text=_("Place the marker where residents find you; an online occasion has none."),
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partners"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    announcement = forms.CharField(
        label=_("Announcement"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What residents read on the public site."),
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partners"].queryset = Organisation.objects.filter(
            municipalities=municipality
        ).order_by("name")


class OccasionCancelForm(CancelForm):
    reason = forms.CharField(
        label=_("Why is the occasion cancelled?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Residents read this on the public site."),
    )


class AttendanceForm(forms.Form):
    """How many of each group came, and the staff's notes."""

    notes = forms.CharField(
        label=_("Notes (staff only)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Never shown to residents. Write no names."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for group, label in Attendance.Group.choices:
            self.fields[f"group_{group}"] = forms.IntegerField(
                label=label, min_value=0, max_value=100000, required=False
            )
        # The counts first, as they are counted at the door; the notes after.
        self.order_fields([*(f"group_{group}" for group in Attendance.Group.values), "notes"])

    def counts(self) -> dict:
        """Return the cleaned counts by group."""
        return {group: self.cleaned_data[f"group_{group}"] for group in Attendance.Group.values}


class ViewForm(forms.Form):
    text = forms.CharField(
        label=_("What was said"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("In your own words; write no names."),
    )
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=None)
    raised_by = forms.IntegerField(
        label=_("How many raised it"), min_value=1, max_value=100000, initial=1
    )
    point = gis_forms.PointField(
        label=_("Place on the map"),
        required=False,
        widget=MapWidget(attrs={"map_height": "320px"}),
        help_text=_("Only if the view is about a place."),
    )

    def __init__(self, *args, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = themes.filter(active=True)


class ThemeResponseForm(forms.Form):
    """The response to one theme of a year; the prefix keeps the page's forms apart."""

    kind = forms.ChoiceField(
        label=_("Response"), choices=ThemeResponse.Kind.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Residents read this on the public site, in plain words."),
    )
    focus_area = forms.ModelChoiceField(
        label=_("Focus area"), queryset=FocusArea.objects.none(), required=False
    )
    measure = forms.ModelChoiceField(
        label=_("Existing measure"), queryset=Measure.objects.none(), required=False
    )
    measure_title = forms.CharField(
        label=_("Or a new measure: what is to be done"), max_length=200, required=False
    )
    measure_responsible = forms.ModelChoiceField(
        label=_("Responsible organisation of the new measure"),
        queryset=Organisation.objects.none(),
        required=False,
    )

    def __init__(self, *args, theme, year, municipality, response=None, **kwargs):
        initial = {}
        if response is not None:
            initial = {
                "kind": response.kind,
                "reason": response.reason,
                "focus_area": response.focus_area_id,
                "measure": response.measure_id,
            }
        super().__init__(*args, prefix=f"theme-{theme.pk}", initial=initial, **kwargs)
        self.theme = theme
        # Residents follow the link, so only focus areas of published pledges.
        self.fields["focus_area"].queryset = FocusArea.objects.filter(
            pledge__in=Pledge.objects.current().for_municipality(municipality)
        ).select_related("pledge")
        self.fields["focus_area"].label_from_instance = lambda area: (
            f"{area.pledge.year}: {area.title}"
        )
        self.fields["measure"].queryset = Measure.objects.filter(municipality=municipality)
        self.fields["measure_responsible"].queryset = Organisation.objects.filter(
            municipalities=municipality
        ).order_by("name")


class ThemeAddForm(forms.Form):
    name = forms.CharField(label=_("New theme"), max_length=100)
