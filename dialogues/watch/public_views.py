"""The neighbourhood watch's public pages, without login: where watches are active (areas only:
no names, no households), the sign-up, and a contact's withdrawal by the link in their mails."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from est.geojson import feature_collection
from est.models import Municipality
from est.municipalities import boundary_layer
from est.rate_limits import client_key
from est.service_views import GuardedPublicFormMixin, service_act

from .forms import CONSENT, WatchSignupForm
from .models import WatchContact, WatchGroup
from .services import watch_contact_withdraw, watch_signup


class WatchIndex(TemplateView):
    """The municipalities where residents may start a neighbourhood watch."""

    template_name = "dialogues/watch/public_index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            municipalities=Municipality.objects.defer("boundary").order_by("name"), **kwargs
        )


class WatchMap(TemplateView):
    """The active watch areas of a municipality on a map, as shapes only."""

    template_name = "dialogues/watch/public_map.html"

    def get_context_data(self, **kwargs):
        municipality = get_object_or_404(Municipality, code=kwargs["code"])
        active = WatchGroup.objects.active().filter(municipality=municipality)
        return super().get_context_data(
            municipality=municipality,
            active_count=active.count(),
            map_data={
                **boundary_layer(municipality),
                # Shapes only: no place names, households or contacts reach the page.
                "areas": feature_collection(active, "area", []),
            },
            **kwargs,
        )


class WatchSignup(GuardedPublicFormMixin, FormView):
    """A resident's interest in a neighbourhood watch; refused input comes back as typed."""

    form_class = WatchSignupForm
    template_name = "dialogues/watch/public_signup.html"
    spam_message = gettext_lazy("Thank you! We will contact you.")

    def dispatch(self, request, *args, **kwargs):
        self.municipality = get_object_or_404(Municipality, code=kwargs["code"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            municipality=self.municipality, map_context=boundary_layer(self.municipality), **kwargs
        )

    def spam_url(self):
        return reverse("public_watch", args=[self.municipality.code])

    def perform(self, form):
        data = form.cleaned_data
        return watch_signup(
            municipality=self.municipality,
            place=data["place"],
            area=data["area"],
            households=data["households"],
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            consent_text=str(CONSENT),
            sender_key=client_key(self.request),
        )

    def performed(self, form, group):
        messages.success(
            self.request,
            _(
                "Thank you! The safety coordinator or the local police officer will contact you "
                "about a start meeting."
            ),
        )
        return redirect("public_watch", code=self.municipality.code)


class WatchWithdraw(TemplateView):
    """A contact person's page to withdraw their consent, reached by the link in every mail."""

    template_name = "dialogues/watch/public_withdraw.html"

    def dispatch(self, request, *args, **kwargs):
        self.contact = get_object_or_404(WatchContact, token=kwargs["token"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(contact=self.contact, **kwargs)

    def post(self, request, token):
        service_act(
            request,
            lambda: watch_contact_withdraw(contact=self.contact),
            success=_("You have withdrawn. You will get no more e-mails about the watch."),
        )
        return redirect("public_watch_withdraw", token=token)
