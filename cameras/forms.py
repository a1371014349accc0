"""Forms of the camera register. They parse input; the rules live in cameras.services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from est.forms import MapWidget
from est.models import Municipality, Organisation

from .models import Camera, Disclosure, Footage
from .permit_statistics import MAX_BUFFER
from .services import CAMERA_FIELDS


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class CameraForm(forms.ModelForm):
    municipality = forms.ModelChoiceField(
        queryset=Municipality.objects.none(), label=_("Municipality")
    )

    class Meta:
        model = Camera
        fields = CAMERA_FIELDS
        widgets = {
            "position": MapWidget(attrs={"map_height": "360px"}),
            "filmed_area": MapWidget(attrs={"map_height": "360px"}),
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "permit_conditions": forms.Textarea(attrs={"rows": 2}),
            "retention_justification": forms.Textarea(attrs={"rows": 3}),
            "permit_decided_on": DateInput(),
            "permit_expires_on": DateInput(),
            "signage_checked_on": DateInput(),
        }
        help_texts = {
            "position": _("Place the camera with the marker tool on the map."),
            "filmed_area": _(
                "Draw what the camera films with the polygon tool: click each corner and finish "
                "on the first one."
            ),
        }
        error_messages = {
            "position": {"required": _("Place the camera on the map.")},
            "filmed_area": {"required": _("Draw the filmed area on the map.")},
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        municipalities = Municipality.objects.for_user(user).defer("boundary")
        if self.instance.pk:
            del self.fields["municipality"]
        else:
            self.fields["municipality"].queryset = municipalities
            if municipalities.count() == 1:
                self.fields["municipality"].initial = municipalities.first()
            self.order_fields(["municipality"])
        self.fields["organisation"].queryset = Organisation.objects.filter(
            municipalities__in=municipalities
        ).distinct()

    def clean(self):
        # Checked here as well as in cameras.services so that the message lands next to the
        # field before the model's date constraint could answer with a general one.
        cleaned = super().clean()
        decided, expires = cleaned.get("permit_decided_on"), cleaned.get("permit_expires_on")
        if decided and expires and expires <= decided:
            self.add_error(
                "permit_expires_on", _("The permit must expire after the decision date.")
            )
        return cleaned


class FootageForm(forms.ModelForm):
    class Meta:
        model = Footage
        fields = ["recorded_from", "recorded_until", "file", "description"]
        widgets = {
            "recorded_from": DateTimeInput(),
            "recorded_until": DateTimeInput(),
            "description": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {"file": {"required": _("Choose the file to keep.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].required = True

    def clean(self):
        # Here as well as in cameras.services: the message belongs next to the end time, before
        # the model's span constraint answers with a general one.
        cleaned = super().clean()
        start, end = cleaned.get("recorded_from"), cleaned.get("recorded_until")
        if start and end and end < start:
            self.add_error("recorded_until", _("The end must come after the start."))
        return cleaned


class LegalHoldForm(forms.Form):
    police_reference = forms.CharField(
        label=_("Police request reference"), max_length=50, required=False
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class LegalHoldReleaseForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for release"), widget=forms.Textarea(attrs={"rows": 2})
    )


class DisclosureForm(forms.ModelForm):
    class Meta:
        model = Disclosure
        fields = ["police_reference", "disclosed_on", "recipient", "what"]
        widgets = {"disclosed_on": DateInput(), "what": forms.Textarea(attrs={"rows": 2})}


class PermitStatisticsForm(forms.Form):
    """The period and surroundings of an IMY permit application's incident compilation."""

    start = forms.DateField(label=_("From"), widget=DateInput())
    end = forms.DateField(label=_("To"), widget=DateInput())
    buffer = forms.IntegerField(
        label=_("Surroundings in metres"),
        min_value=0,
        max_value=MAX_BUFFER,
        help_text=_("Incidents this far outside the filmed area are counted too."),
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The period ends before it starts."))
        return cleaned
