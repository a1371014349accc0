"""The survey's forms: the public answer form built from a wave's questions, and the
coordinator's wave form."""

import json
import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from est.models import Area

from . import bank

#: The areas a resident may live in: the municipality's districts and the like, not the areas
#: drawn for interventions.
RESIDENTIAL_KINDS = ("district", "centre", "housing_estate")


class AnswerForm(forms.Form):
    """The anonymous answer form. ``website`` is a honeypot: people never see it, robots fill
    it. ``submission_key`` makes the same form sent twice one response."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput)
    places = forms.CharField(required=False, widget=forms.HiddenInput)
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, wave, **kwargs):
        kwargs.setdefault("initial", {"submission_key": uuid.uuid4()})
        super().__init__(*args, **kwargs)
        self.wave = wave
        for question in wave.bank_questions:
            if question.kind == bank.SINGLE:
                self.fields[question.key] = forms.ChoiceField(
                    label=question.text,
                    choices=question.options,
                    required=False,
                    widget=forms.RadioSelect,
                )
            elif question.kind == bank.MULTIPLE:
                self.fields[question.key] = forms.MultipleChoiceField(
                    label=question.text,
                    choices=question.options,
                    required=False,
                    widget=forms.CheckboxSelectMultiple,
                    help_text=question.help_text,
                )
        self.fields["age_band"] = forms.ChoiceField(
            label=_("Your age"), choices=bank.AGE_BANDS, required=False, widget=forms.RadioSelect
        )
        self.fields["gender"] = forms.ChoiceField(
            label=_("Gender"), choices=bank.GENDERS, required=False, widget=forms.RadioSelect
        )
        self.fields["area"] = forms.ModelChoiceField(
            label=_("The area you live in"),
            queryset=Area.objects.filter(
                municipality=wave.municipality, kind__in=RESIDENTIAL_KINDS
            ).order_by("name"),
            required=False,
            empty_label=_("Do not want to say"),
        )
        if wave.requires_code:
            self.fields["code"] = forms.CharField(
                label=_("The code from your letter"),
                max_length=20,
                help_text=_("Each code can be used once."),
            )

    @property
    def places_question(self) -> bank.Question | None:
        """Return the places question when the wave asks it."""
        return bank.BY_KEY["avoided_places"] if "avoided_places" in self.wave.questions else None

    def question_fields(self) -> list:
        """Return the bound fields of the wave's list questions, in the bank's order."""
        return [
            self[question.key]
            for question in self.wave.bank_questions
            if question.kind != bank.PLACES
        ]

    def background_fields(self) -> list:
        """Return the bound fields of the optional background questions."""
        return [self["age_band"], self["gender"], self["area"]]

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    def clean_places(self):
        """Return the marked places as ``[[lat, lng], …]`` (empty when none)."""
        text = self.cleaned_data["places"]
        if not text:
            return []
        try:
            places = json.loads(text)
        except ValueError:
            places = None
        if not isinstance(places, list) or not all(
            isinstance(place, list) and len(place) == 2 for place in places
        ):
            raise forms.ValidationError(_("The places could not be read. Mark them again."))
        return places

    def answers(self) -> dict:
        """Return the answers to the wave's questions, as the service takes them."""
        return {
            question.key: self.cleaned_data.get(question.key) or []
            for question in self.wave.bank_questions
            if question.kind != bank.PLACES
        }


class WaveForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    questions = forms.MultipleChoiceField(
        label=_("Questions"),
        choices=[(question.key, question.text) for question in bank.QUESTIONS],
        initial=bank.DEFAULT_KEYS,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Age, gender and area are always asked, and always optional."),
    )
    opens_on = forms.DateField(label=_("Opens"), widget=forms.DateInput(attrs={"type": "date"}))
    closes_on = forms.DateField(label=_("Closes"), widget=forms.DateInput(attrs={"type": "date"}))
    requires_code = forms.BooleanField(
        label=_("Answers need a one-time code from the invitation letter"), required=False
    )


class CodesForm(forms.Form):
    count = forms.IntegerField(
        label=_("How many codes"), min_value=1, max_value=50_000, initial=500
    )
