"""The neighbourhood watch's forms: a resident's sign-up, and the staff's keeping of a group, its
contact persons and its letters. They parse input; the rules live in ``services``."""

from django import forms
from django.contrib.gis import forms as gis_forms
from django.utils.translation import gettext_lazy as _

from est.forms import MapWidget

from .models import WatchGroup

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

#: What the resident agrees to; stored word for word with the moment they ticked it.
CONSENT = _(
    "I agree that the municipality and the police keep my name, e-mail address and phone "
    "number to contact me about neighbourhood watch. I can withdraw at any time with the link "
    "in every e-mail; my details are deleted at the latest six months after I withdraw or the "
    "group ends."
)


def _area_field(required: bool):
    return gis_forms.PolygonField(
        label=_("The area on the map"),
        required=required,
        widget=MapWidget(attrs={"map_height": "360px"}),
        help_text=_(
            "Draw the area with the polygon tool: click each corner, finish on the first. "
            "If you cannot use the map, the street or area you named is enough."
        ),
    )


class ContactFields(forms.Form):
    """A contact person: name, e-mail address and phone number."""

    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Give the contact person's name.")},
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"required": _("Give an e-mail address we can write to.")},
    )
    phone = forms.CharField(
        label=_("Phone number (optional)"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )


class WatchSignupForm(ContactFields):
    """A resident's interest in a neighbourhood watch. ``website`` is a honeypot: people never
    see it, robots fill it."""

    place = forms.CharField(
        label=_("Street or area"),
        max_length=200,
        help_text=_("For example: Ekbacksvägen 1–29, or the houses around Solrosparken."),
        error_messages={"required": _("Name the street or area.")},
    )
    area = _area_field(required=False)
    households = forms.IntegerField(
        label=_("Number of households"),
        min_value=1,
        max_value=5000,
        help_text=_("About how many households the watch would cover."),
        error_messages={"required": _("Give about how many households it would cover.")},
    )
    consent = forms.BooleanField(
        label=CONSENT,
        error_messages={"required": _("We can only contact you with your consent.")},
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    field_order = ["place", "area", "households", "name", "email", "phone", "consent"]

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class WatchGroupForm(forms.ModelForm):
    """What the coordinator and the police keep about a group."""

    area = _area_field(required=False)

    class Meta:
        model = WatchGroup
        fields = [
            "status",
            "place",
            "area",
            "households",
            "start_meeting_on",
            "material_given_on",
            "signs_count",
            "signs_put_up_on",
        ]
        widgets = {
            "start_meeting_on": DATE,
            "material_given_on": DATE,
            "signs_put_up_on": DATE,
        }


class WatchContactForm(ContactFields):
    """A contact person the staff add, who gave their consent to the staff."""

    consent = forms.BooleanField(
        label=_("The person has agreed to be contacted, as the sign-up's consent says."),
        error_messages={"required": _("Add a contact person only with their consent.")},
    )


class WatchLetterForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Letter"),
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "The area's figures for the last period are inserted; counts under the minimum "
            "are shown as 'fewer than'. Each contact person gets their own withdraw link."
        ),
    )
