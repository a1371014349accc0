"""The public contacts page of each municipality, and the coordinator's page that keeps it."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from est.models import Municipality
from est.roles import CONTACT_MANAGE
from est.views import MunicipalityScopedMixin

from .forms import ContactFormSet
from .models import Contact


class PublicContactIndex(TemplateView):
    """The municipalities with a contacts page."""

    template_name = "est/contacts/public_index.html"

    def get_context_data(self, **kwargs):
        municipalities = (
            Municipality.objects.filter(contacts__isnull=False).distinct().defer("boundary")
        )
        return super().get_context_data(municipalities=municipalities, **kwargs)


class PublicContacts(TemplateView):
    """Whom to call in an emergency, whom to tell about a crime, and whom to reach locally."""

    template_name = "est/contacts/public_contacts.html"

    def get_context_data(self, **kwargs):
        municipality = get_object_or_404(
            Municipality.objects.defer("boundary"), code=self.kwargs["code"]
        )
        return super().get_context_data(
            municipality=municipality,
            contacts=Contact.objects.filter(municipality=municipality),
            **kwargs,
        )


class ContactsEdit(MunicipalityScopedMixin, TemplateView):
    """All contacts of one municipality on one form: change, add, or remove them."""

    permission = CONTACT_MANAGE
    template_name = "est/contacts/contacts_form.html"

    def _formset(self, data=None):
        return ContactFormSet(
            data, queryset=Contact.objects.filter(municipality=self.municipality), prefix="contact"
        )

    def get_context_data(self, **kwargs):
        kwargs.setdefault("formset", self._formset())
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        formset = self._formset(request.POST)
        if not formset.is_valid():
            return self.render_to_response(self.get_context_data(formset=formset))
        with transaction.atomic():
            for contact in formset.save(commit=False):
                contact.municipality = self.municipality
                contact.save()
            for contact in formset.deleted_objects:
                contact.delete()
        messages.success(request, _("The contacts page is saved."))
        return redirect("contacts_edit", code=self.municipality.code)
