"""The tips' forms: the resident's tip, and the coordinator's decisions. They parse input; the
rules live in ``services``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from reports.incidents.forms import IncidentForm
from reports.incidents.models import Category
from reports.incidents.photos import photo_size_clean

from ..measures.forms import MeasureForm
from ..walks.models import Finding
from .models import Tip, tip_duplicate_candidates


class TipForm(forms.Form):
    """A resident's tip. ``website`` is a honeypot: people never see it, robots fill it."""

    latitude = IncidentForm.base_fields["latitude"]
    longitude = IncidentForm.base_fields["longitude"]
    place_name = forms.CharField(
        label=_("Address or place (optional)"),
        max_length=200,
        required=False,
        help_text=_(
            "A street, an address or a named place. If you have not marked the map, "
            "we put the tip there."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "data-place-search": ""}),
    )
    category = forms.ChoiceField(
        label=_("What kind of place is it?"),
        choices=Tip.Category.choices,
        widget=forms.RadioSelect(attrs={"class": "tiles"}),
        error_messages={"required": _("Choose what kind of place it is.")},
    )
    description = forms.CharField(
        label=_("What makes the place feel unsafe?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Don't write names of people or anything that could identify someone."),
        error_messages={"required": _("Describe what makes the place feel unsafe.")},
    )
    photo = forms.ImageField(
        label=_("Photo (optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
        help_text=_("At most 10 MB. Avoid people in the picture; location data is removed."),
    )
    email = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_(
            "Only to tell you what happens with the tip. Erased 180 days after the last news."
        ),
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_photo(self):
        return photo_size_clean(self.cleaned_data.get("photo"))

    def clean(self):
        cleaned = super().clean()
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        # Without a point, the typed address is looked up when the tip is sent (tip_submit).
        missing = latitude is None or longitude is None
        if missing and not cleaned.get("place_name") and not self.has_error("latitude"):
            self.add_error(
                "latitude", _("Mark the place on the map, use your position or type it in.")
            )
        return cleaned

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class IncidentDecisionForm(forms.Form):
    """The incident's category, among those of the tip's municipality in use."""

    category = forms.ModelChoiceField(
        label=_("Incident category"),
        queryset=Category.objects.none(),
        error_messages={"required": _("Choose the incident's category.")},
    )

    def __init__(self, *args, tip, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(
            municipality=tip.municipality_id, retired=False
        ).order_by("name")


class MeasureDecisionForm(MeasureForm):
    """What is to be done about the tip, by whom: the measures' own form, without findings."""

    def __init__(self, *args, tip, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("description", tip.description)
        super().__init__(
            *args, municipality=tip.municipality, findings=Finding.objects.none(), **kwargs
        )
        del self.fields["findings"]


class TipChoice(forms.ModelChoiceField):
    def label_from_instance(self, tip):
        return f"#{tip.pk} {tip.get_category_display()}: {tip.description[:80]}"


class MergeDecisionForm(forms.Form):
    """The earlier tip this one repeats, among those near it (``Tip.objects.near``)."""

    into = TipChoice(
        label=_("The earlier tip it repeats"),
        queryset=Tip.objects.none(),
        error_messages={"required": _("Choose the earlier tip.")},
    )

    def __init__(self, *args, tip, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = tip_duplicate_candidates(tip)


class CloseDecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Why it is closed"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The tipper reads it on the tip's status page."),
        error_messages={"required": _("Say why the tip is closed. The tipper reads it.")},
    )

    def __init__(self, *args, tip, **kwargs):
        super().__init__(*args, **kwargs)
