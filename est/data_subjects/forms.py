"""The register's forms: logging a request, changing its status, and whom it is about."""

from django import forms
from django.utils.translation import gettext_lazy as _

from est.models import Municipality

from .models import DataSubjectRequest

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DataSubjectRequestForm(forms.ModelForm):
    municipality = forms.ModelChoiceField(
        queryset=Municipality.objects.none(), label=_("Municipality")
    )

    class Meta:
        model = DataSubjectRequest
        fields = ["municipality", "kind", "reference", "received_on", "note"]
        widgets = {"received_on": DATE, "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.for_user(user).defer("boundary")


class DataSubjectRequestStatusForm(forms.ModelForm):
    class Meta:
        model = DataSubjectRequest
        fields = ["status", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}


class DataSubjectForm(forms.Form):
    """Whom the request is about, as they identified themselves; used for the search and then
    forgotten (the register keeps no names)."""

    email = forms.EmailField(label=_("The person's e-mail address"), required=False)
    phone = forms.CharField(label=_("The person's phone number"), max_length=40, required=False)


class DataSubjectErasureForm(DataSubjectForm):
    confirm = forms.BooleanField(
        label=_("I have checked the extract: erase all of it in every part of EST."),
        error_messages={"required": _("Confirm that everything found is to be erased.")},
    )
