"""Forms of the shared pages."""

from django import forms
from django.contrib.gis.gdal import GDALException
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from leaflet.forms.widgets import LeafletWidget

from .access_log import AccessKind
from .models import Area, Municipality


class MapWidget(LeafletWidget):
    """django-leaflet's map widget that redraws an unreadable posted shape as an empty map.

    Django's geometry widgets return None for most unreadable input but let GDAL's error for
    valid JSON that is no geometry escape, which would turn a form error into a 500.
    """

    def deserialize(self, value):
        try:
            return super().deserialize(value)
        except GDALException:
            return None


def form_map_widgets_allow_scripts(form, request) -> None:
    """Give every map widget of ``form`` the request's CSP nonce, so that the inline script
    django-leaflet writes for it runs under the Content Security Policy (the widget cannot see
    the request itself)."""
    for field in form.fields.values():
        if isinstance(field.widget, LeafletWidget):
            field.widget.csp_nonce = request.csp_nonce


class AreaForm(forms.ModelForm):
    class Meta:
        model = Area
        fields = ["name", "kind", "description", "boundary"]
        widgets = {
            "boundary": MapWidget(attrs={"map_height": "420px"}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "boundary": _(
                "Draw the area with the polygon tool on the map: click each corner and finish "
                "on the first one."
            ),
        }
        error_messages = {"boundary": {"required": _("Draw the area on the map.")}}


def form_add_service_errors(form, error: ValidationError, *, fields: dict | None = None) -> None:
    """Show the ValidationError a service function raised on ``form``: each message next to its
    field (renamed through ``fields`` where the form calls it otherwise), the rest above it."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, messages in error.message_dict.items():
        target = (fields or {}).get(name, name)
        form.add_error(target if target in form.fields else None, messages)


class SecondFactorCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("The six digits your authenticator app shows, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the token is for, such as the program that uses it."),
    )


class AccessLogSearchForm(forms.Form):
    """What the access log is searched by; every field may stay empty."""

    username = forms.CharField(label=_("Who (username)"), max_length=150, required=False)
    kind = forms.ChoiceField(
        label=_("Kind of read"), choices=[("", _("All"))] + AccessKind.choices, required=False
    )
    target = forms.CharField(label=_("What (contains)"), max_length=200, required=False)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.none(), required=False
    )
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.for_user(user).defer("boundary")

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise ValidationError({"end": _("The end comes before the start.")})
        return data
