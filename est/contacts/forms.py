"""The coordinator's form for a municipality's contacts: one row per contact, blank rows to add."""

from django import forms

from .models import Contact

ContactFormSet = forms.modelformset_factory(
    Contact,
    fields=["kind", "name", "title", "phone", "email", "how_to_reach", "position"],
    extra=2,
    can_delete=True,
)
