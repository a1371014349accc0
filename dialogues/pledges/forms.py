"""Forms of the pledge pages: staff drafting and residents' comments."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from est.models import Area
from reports.incidents.models import Category

from ..walks.models import SafetyWalk
from .models import Activity, AgreementCommitment, CooperationAgreement, FocusArea, Pledge

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CommentForm(forms.Form):
    """A resident's comment. ``website`` is a honeypot: people never see it, robots fill it."""

    display_name = forms.CharField(
        label=_("Name to show"),
        max_length=60,
        help_text=_("Shown with your comment. A first name or a signature is enough."),
    )
    body = forms.CharField(
        label=_("Your comment or question"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Do not write personal details about yourself or others."),
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class PledgeForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    agreement = forms.ModelChoiceField(
        label=_("Cooperation agreement"),
        queryset=CooperationAgreement.objects.none(),
        required=False,
        help_text=_(
            "The agreement between the municipality and the police these pledges build on."
        ),
    )
    introduction = forms.CharField(
        label=_("Introduction"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )

    def __init__(self, *args, municipality, pledge: Pledge | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreement"].queryset = CooperationAgreement.objects.filter(
            municipality=municipality
        )
        if pledge is not None:
            del self.fields["year"]
            if pledge.supersedes_id:
                self.fields["correction_note"] = forms.CharField(
                    label=_("What is corrected"),
                    widget=forms.Textarea(attrs={"rows": 3}),
                    help_text=_("Shown to residents with the corrected version."),
                )
            if pledge.follow_up:
                self.fields["follow_up"] = forms.CharField(
                    label=_("Follow-up"), widget=forms.Textarea(attrs={"rows": 8})
                )


class FocusAreaForm(forms.ModelForm):
    class Meta:
        model = FocusArea
        fields = ["title", "reason", "categories", "areas", "walks"]
        widgets = {
            "reason": forms.Textarea(attrs={"rows": 4}),
            "categories": forms.CheckboxSelectMultiple,
            "areas": forms.CheckboxSelectMultiple,
            "walks": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].queryset = Area.objects.for_municipality(municipality).defer(
            "boundary"
        )
        self.fields["areas"].help_text = ""
        # Retired categories stay choosable where the focus area already counts them.
        chosen = self.instance.categories.all() if self.instance.pk else Category.objects.none()
        self.fields["categories"].queryset = (
            Category.objects.for_municipality(municipality).active() | chosen
        ).distinct()
        self.fields["categories"].help_text = _(
            "The kinds of incident this focus area is about: its chart counts them."
        )
        walks = self.fields["walks"]
        walks.queryset = SafetyWalk.objects.for_municipality(municipality).order_by("starts_at")
        walks.label_from_instance = lambda walk: f"{walk.title}, {walk.starts_at:%Y-%m-%d}"
        walks.help_text = _("Residents read on the pledge's page what these walks found and did.")


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["description", "responsible", "partner", "starts_on", "ends_on", "target"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "starts_on": DATE,
            "ends_on": DATE,
        }


class ProgressForm(forms.Form):
    on = forms.DateField(label=_("Date"), widget=DATE)
    text = forms.CharField(
        label=_("What happened"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Residents read this on the public page."),
    )
    status = forms.ChoiceField(label=_("Status after this"), choices=Activity.Status.choices)
    attachment = forms.FileField(
        label=_("Attachment"),
        required=False,
        help_text=_("Optional: a PDF, an image or a document. It is published with the update."),
    )


class FollowUpForm(forms.Form):
    follow_up = forms.CharField(
        label=_("Follow-up of the year"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("What was done, what it achieved and what continues next year."),
    )


class CorrectionForm(forms.Form):
    note = forms.CharField(
        label=_("What needs correcting"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown to residents with the corrected version."),
    )


class ModerationForm(forms.Form):
    reply = forms.CharField(
        label=_("Public reply"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional. Shown under the comment when it is approved."),
    )


class AgreementForm(forms.ModelForm):
    # A link typed without its scheme goes to the secure site, as browsers do today.
    document_url = forms.URLField(
        label=capfirst(CooperationAgreement._meta.get_field("document_url").verbose_name),
        required=False,
        assume_scheme="https",
    )

    class Meta:
        model = CooperationAgreement
        fields = ["title", "signed_on", "valid_until", "summary", "document_url"]
        widgets = {
            "signed_on": DATE,
            "valid_until": DATE,
            "summary": forms.Textarea(attrs={"rows": 5}),
        }


class CommitmentForm(forms.ModelForm):
    class Meta:
        model = AgreementCommitment
        fields = ["party", "what", "due_on", "status"]
        widgets = {"what": forms.Textarea(attrs={"rows": 3}), "due_on": DATE}
