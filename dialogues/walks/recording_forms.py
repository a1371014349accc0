"""The forms of the walk page on a phone: a finding, the audit of a stretch, the participants.
They parse input; the rules live in ``recording``."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from reports.incidents.forms import IncidentForm
from reports.incidents.photos import MAX_PHOTO_BYTES

from .models import AUDIT_PARAMETERS, ParticipantCount

UNSAFE_CHOICES = [
    (1, _("1 – hardly unsafe")),
    (2, "2"),
    (3, "3"),
    (4, "4"),
    (5, _("5 – very unsafe")),
]
SCORE_CHOICES = [
    ("", _("Not judged")),
    (1, _("1 – poor")),
    (2, "2"),
    (3, "3"),
    (4, "4"),
    (5, _("5 – good")),
]


class KeyedForm(forms.Form):
    """A form sent from the phone with its own key (made again for each new one) and the moment
    it was filled in, which may be long before it reaches the server."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput)
    recorded_at = forms.DateTimeField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())


class MultiplePhotoInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.ImageField):
    """Any number of photos, each at most 10 MB; returns a list."""

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        photos = [super(PhotosField, self).clean(file, initial) for file in files]
        if any(photo.size > MAX_PHOTO_BYTES for photo in photos):
            raise forms.ValidationError(_("A photo is larger than 10 MB. Choose a smaller one."))
        return photos


class FindingForm(KeyedForm):
    latitude = IncidentForm.base_fields["latitude"]
    longitude = IncidentForm.base_fields["longitude"]
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect(attrs={"class": "tiles"}),
        error_messages={"required": _("Choose a category.")},
    )
    description = forms.CharField(
        label=_("What makes the place feel unsafe?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Don't write names of people."),
        error_messages={"required": _("Describe what makes the place feel unsafe.")},
    )
    unsafe = forms.TypedChoiceField(
        label=_("How unsafe does it feel?"),
        choices=UNSAFE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "scale"}),
        error_messages={"required": _("Choose how unsafe it feels, from 1 to 5.")},
    )
    photos = PhotosField(
        label=_("Photos"),
        required=False,
        help_text=_("At most 10 MB each. Their position and camera details are removed."),
        widget=MultiplePhotoInput(
            attrs={"accept": "image/*", "capture": "environment", "multiple": True}
        ),
    )

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = categories

    def clean(self):
        cleaned = super().clean()
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if (latitude is None or longitude is None) and not (
            self.has_error("latitude") or self.has_error("longitude")
        ):
            self.add_error(
                "latitude", _("Mark the place on the map, use your position or type it in.")
            )
        return cleaned


def _score_field(label):
    return forms.TypedChoiceField(
        label=label,
        choices=SCORE_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        initial="",
        widget=forms.RadioSelect(attrs={"class": "scale"}),
    )


class StretchAuditForm(KeyedForm):
    stretch = forms.IntegerField(
        label=_("Stretch number"),
        min_value=1,
        max_value=99,
        initial=1,
        error_messages={"required": _("Give the stretch's number, 1 for the first.")},
    )
    stretch_name = forms.CharField(
        label=_("Name of the stretch"),
        max_length=100,
        required=False,
        help_text=_("For example: from the station to the school."),
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field, label in AUDIT_PARAMETERS:
            self.fields[field] = _score_field(label)

    def scores(self) -> dict:
        """Return the nine scores (None where not judged) by parameter."""
        return {field: self.cleaned_data.get(field) for field, _label in AUDIT_PARAMETERS}

    def score_fields(self):
        """Return the bound fields of the nine parameters, in their order."""
        return [self[field] for field, _label in AUDIT_PARAMETERS]


class ParticipantsForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for group, label in ParticipantCount.Group.choices:
            self.fields[group] = forms.IntegerField(
                label=label,
                min_value=0,
                max_value=10_000,
                required=False,
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            )

    def counts(self) -> dict:
        """Return the counts by group (None where left empty)."""
        return {group: self.cleaned_data.get(group) for group in ParticipantCount.Group.values}


class FindingCategoryAddForm(forms.Form):
    name = forms.CharField(label=_("New category"), max_length=100)
