"""The forms of the council's record."""

from django import forms
from django.utils.translation import gettext_lazy

from est.models import User
from reports.council.meetings import CouncilDecision, CouncilMeeting, CouncilMember


class CouncilMemberForm(forms.ModelForm):
    class Meta:
        model = CouncilMember
        fields = ["name", "council_role", "organisation"]


class CouncilMeetingForm(forms.ModelForm):
    class Meta:
        model = CouncilMeeting
        fields = ["held_on", "agenda", "minutes", "minutes_public"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}),
            "agenda": forms.Textarea(attrs={"rows": 5}),
            "minutes": forms.Textarea(attrs={"rows": 10}),
        }


class CouncilDecisionForm(forms.ModelForm):
    class Meta:
        model = CouncilDecision
        fields = ["text", "owner", "due_on"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "due_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = User.objects.filter(
            municipalities=municipality, is_active=True
        ).order_by("first_name", "username")
        self.fields["owner"].error_messages["invalid_choice"] = gettext_lazy(
            "Choose one of the listed people."
        )


class MeetingDocumentForm(forms.Form):
    title = forms.CharField(
        label=gettext_lazy("Title"),
        max_length=200,
        required=False,
        help_text=gettext_lazy(
            "For example: agenda, the police's report. The file's name if empty."
        ),
    )
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy("A PDF or a document (DOCX, ODT, XLSX, ODS) of at most 20 MB."),
    )
