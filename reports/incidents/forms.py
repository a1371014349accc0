"""Forms of the incident pages. They parse input; the rules live in reports.incidents.filing."""

import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from est.periods import When, quick_period
from reports.incidents.models import Category, Incident
from reports.incidents.photos import photo_size_clean

DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


def _offer_fresh_key(form) -> None:
    """Give an unbound form a new submission key, which a resend of it will carry again."""
    if not form.is_bound and "idempotency_key" not in form.initial:
        form.initial["idempotency_key"] = uuid.uuid4()


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format=DATETIME_LOCAL)


class CategoryRadioSelect(forms.RadioSelect):
    """Large radio buttons (styled as tiles) for the category."""

    def __init__(self, attrs=None, choices=()):
        super().__init__({"class": "tiles", **(attrs or {})}, choices)


class PeriodForm(forms.Form):
    """When something happened: a quick choice (now, this morning…) or exact times.

    Cleaning fills ``occurred_from`` and ``occurred_to`` from the quick choice, as seen at
    ``now`` (default: the time of cleaning).
    """

    when = forms.ChoiceField(
        label=_("When did it happen?"),
        choices=When.choices,
        initial=When.NOW,
        widget=forms.RadioSelect(attrs={"class": "chips"}),
    )
    occurred_from = forms.DateTimeField(
        label=_("From"), required=False, widget=DateTimeLocalInput()
    )
    occurred_to = forms.DateTimeField(
        label=_("Until"),
        required=False,
        widget=DateTimeLocalInput(),
        help_text=_("Leave empty if it happened at one moment."),
    )

    def __init__(self, *args, now=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now

    def clean(self):
        cleaned = super().clean()
        when = cleaned.get("when")
        if when and when != When.EXACT:
            start, end = quick_period(when, timezone.localtime(self.now))
            cleaned["occurred_from"], cleaned["occurred_to"] = start, end
        elif (
            when == When.EXACT
            and not cleaned.get("occurred_from")
            and "occurred_from" not in self.errors
        ):
            self.add_error("occurred_from", _("Say when it happened."))
        return cleaned


class IncidentForm(PeriodForm):
    """What a reporter fills in. ``category`` is a category *name*: a reporter of two
    municipalities picks from one list, and the position decides whose category it is.
    """

    latitude = forms.FloatField(
        label=_("Latitude"),
        min_value=-90,
        max_value=90,
        required=False,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )
    longitude = forms.FloatField(
        label=_("Longitude"),
        min_value=-180,
        max_value=180,
        required=False,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )
    place_name = forms.CharField(
        label=_("Place"),
        max_length=200,
        required=False,
        help_text=_("An address or a name people know, e.g. “the skate park at Nyby school”."),
    )
    category = forms.ChoiceField(
        label=_("What happened?"),
        widget=CategoryRadioSelect,
        error_messages={"required": _("Choose what happened.")},
    )
    description = forms.CharField(
        label=_("Describe what happened"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Don't write names or personal identity numbers."),
    )
    police_informed = forms.BooleanField(label=_("The police have been informed"), required=False)
    police_reference = forms.CharField(
        label=_("Police reference number"), max_length=50, required=False
    )
    photo = forms.ImageField(
        label=_("Photo"),
        required=False,
        help_text=_(
            "At most 10 MB. The photo's position and camera details are removed. "
            "If something else needs correcting, choose the photo again."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)

    field_order = ["latitude", "longitude", "place_name", "when", "occurred_from", "occurred_to"]

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        names = list(dict.fromkeys(category.name for category in categories))
        self.fields["category"].choices = [(name, name) for name in names]
        _offer_fresh_key(self)

    def clean_photo(self):
        return photo_size_clean(self.cleaned_data.get("photo"))

    def clean(self):
        cleaned = super().clean()
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if (latitude is None) != (longitude is None):
            self.add_error("latitude", _("Give both latitude and longitude, or mark the map."))
        elif (
            latitude is None and not self.has_error("latitude") and not self.has_error("longitude")
        ):
            # Said here too, so that it comes with the form's other errors, not after them.
            self.add_error(
                "latitude", _("Mark the place on the map, use your position or type it in.")
            )
        return cleaned

    def service_arguments(self, categories_by_name) -> dict:
        """Return the cleaned data as keyword arguments of incident_create/incident_update."""
        data = self.cleaned_data
        return {
            "category": categories_by_name.get(data["category"]),
            "occurred_from": data.get("occurred_from"),
            "occurred_to": data.get("occurred_to") or data.get("occurred_from"),
            "place_name": data["place_name"],
            "description": data["description"],
            "police_informed": data["police_informed"],
            "police_reference": data["police_reference"],
        }


class IncidentCorrectionForm(IncidentForm):
    """Correcting an incident: the same fields, with its times given exactly."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("idempotency_key", "photo"):
            del self.fields[name]


class RoundForm(PeriodForm):
    """A round report's shared part: when the round was walked, given to every incident in it,
    and the one key the whole submission is sent with."""

    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["when"].label = _("When was the round?")
        self.fields["occurred_to"].help_text = _("Every incident below gets the round's time.")
        _offer_fresh_key(self)


class RoundIncidentForm(IncidentForm):
    """One incident of a round report: its own place, category, description and photo; its time
    is the round's unless it is given its own."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("when", "idempotency_key"):
            del self.fields[name]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("occurred_to") and not cleaned.get("occurred_from"):
            self.add_error(
                "occurred_from",
                _("Say when it began, or leave both times empty to use the round's."),
            )
        return cleaned

    @property
    def has_own_time(self) -> bool:
        """Return whether the incident was given a time of its own instead of the round's."""
        return bool(self.cleaned_data.get("occurred_from"))


#: A round starts with one incident; the page adds more. Extra incidents left untouched are
#: ignored, so an accidental "add another" costs nothing.
RoundIncidentFormSet = forms.formset_factory(
    RoundIncidentForm, extra=0, min_num=1, validate_min=True, max_num=50, validate_max=True
)


class TriageForm(forms.ModelForm):
    class Meta:
        model = Incident
        fields = ["status", "triage_note"]
        widgets = {
            "status": forms.RadioSelect,
            "triage_note": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "triage_note": _("Needed when you ask for more information: say what is missing."),
        }


class CategoryForm(forms.Form):
    name = forms.CharField(label=_("New category"), max_length=100)


def categories_for_form(user):
    """Return the active categories of ``user``'s municipalities, for IncidentForm."""
    return list(Category.objects.for_user(user).active().order_by("order", "name"))
