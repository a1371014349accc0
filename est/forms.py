"""Forms of the shared pages."""

from django import forms
from django.utils.translation import gettext_lazy as _
from leaflet.forms.widgets import LeafletWidget

from .models import Area


class AreaForm(forms.ModelForm):
    class Meta:
        model = Area
        fields = ["name", "kind", "description", "boundary"]
        widgets = {
            "boundary": LeafletWidget(attrs={"map_height": "420px"}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "boundary": _(
                "Draw the area with the polygon tool on the map: click each corner and finish "
                "on the first one."
            ),
        }
        error_messages = {"boundary": {"required": _("Draw the area on the map.")}}
