"""The planner's forms of a safety walk."""

from django import forms
from django.contrib.gis import forms as gis_forms
from django.utils.translation import gettext_lazy as _

from est.forms import MapWidget
from est.models import Area, Organisation

DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


def _moment(label):
    return forms.DateTimeField(
        label=label,
        input_formats=[DATETIME_LOCAL],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL),
    )


class WalkForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    area = forms.ModelChoiceField(label=_("Area"), queryset=Area.objects.none(), required=False)
    starts_at = _moment(_("Starts"))
    ends_at = _moment(_("Ends"))
    meeting_place = forms.CharField(
        label=_("Meeting place"), max_length=200, help_text=_("For example: by the fountain.")
    )
    meeting_point = gis_forms.PointField(
        label=_("Meeting point"),
        widget=MapWidget(attrs={"map_height": "320px"}),
        help_text=_("Place the marker where people meet."),
        error_messages={"required": _("Mark the meeting point on the map.")},
    )
    route = gis_forms.LineStringField(
        label=_("Route"),
        required=False,
        widget=MapWidget(attrs={"map_height": "420px"}),
        help_text=_("Draw the route with the line tool: click each turn, finish on the last."),
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Invited partners"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    expected_participants = forms.IntegerField(
        label=_("Expected participants"), min_value=1, max_value=1000, required=False
    )
    announcement = forms.CharField(
        label=_("Announcement"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What residents read on the public site."),
    )
    accessibility = forms.CharField(
        label=_("Accessibility"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("The route's length, slopes and steps, and what help there is."),
    )
    how_to_take_part = forms.CharField(
        label=_("How to take part"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = Area.objects.for_municipality(municipality)
        self.fields["partners"].queryset = Organisation.objects.filter(
            municipalities=municipality
        ).order_by("name")


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the walk cancelled?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Residents read this on the public site."),
    )
