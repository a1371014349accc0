"""Pages every role shares: the start page, municipalities and their areas."""

import sys

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.generic import DeleteView, FormView, ListView, TemplateView, UpdateView
from rest_framework.exceptions import NotFound

from .access import PermissionRequiredMixin
from .areas import area_create, area_update
from .clients import client_address
from .forms import AreaForm
from .health import health_checks
from .models import Area, Municipality
from .municipalities import boundary_layer, map_layers
from .navigation import entries_for
from .outages import ServiceUnavailable, explain_unavailable, storage_unreachable
from .rate_limits import TOO_MANY_REQUESTS, client_key, rate_limit_hit
from .roles import AREA_MANAGE, CONTACT_MANAGE, MUNICIPALITY_VIEW, has_permission
from .service_views import ServiceFormMixin


class StartView(TemplateView):
    """The start page: public welcome for visitors, the way to one's work for staff."""

    def get_template_names(self):
        if self.request.user.is_authenticated:
            return ["est/start.html"]
        return ["est/welcome.html"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        if user.is_authenticated:
            context["shortcuts"] = entries_for(user)
            context["municipalities"] = Municipality.objects.for_user(user)
            # A measure owner reads no municipality's page, only the measures.
            context["municipality_pages"] = has_permission(user, MUNICIPALITY_VIEW)
        else:
            context["open_data_licence"] = settings.OAPIF_LICENCE
        return context


class MunicipalityList(PermissionRequiredMixin, ListView):
    permission = MUNICIPALITY_VIEW
    template_name = "est/municipality_list.html"

    def get_queryset(self):
        return Municipality.objects.for_user(self.request.user).defer("boundary")

    def get(self, request, *args, **kwargs):
        municipalities = list(self.get_queryset()[:2])
        if len(municipalities) == 1:
            return redirect("municipality_detail", code=municipalities[0].code)
        return super().get(request, *args, **kwargs)


class MunicipalityScopedMixin(PermissionRequiredMixin):
    """Finds ``self.municipality`` from the URL's code among those the user may see, else 404."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.municipality = get_object_or_404(
                Municipality.objects.for_user(request.user), code=kwargs["code"]
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(municipality=self.municipality, **kwargs)


class MunicipalityDetail(MunicipalityScopedMixin, TemplateView):
    permission = MUNICIPALITY_VIEW
    template_name = "est/municipality_detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            areas=Area.objects.for_municipality(self.municipality),
            layers=map_layers(self.municipality),
            can_manage_areas=has_permission(self.request.user, AREA_MANAGE),
            can_manage_contacts=has_permission(self.request.user, CONTACT_MANAGE),
            **kwargs,
        )


class AreaFormMixin(ServiceFormMixin):
    """Shared by creating and changing an area: the form, saving through est.areas.

    Subclasses define ``perform(form)``, which returns the saved area.
    """

    form_class = AreaForm
    template_name = "est/area_form.html"

    def performed(self, form, area):
        messages.success(self.request, _("The area %(name)s is saved.") % {"name": area.name})
        return redirect("municipality_detail", code=area.municipality.code)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["map_context"] = boundary_layer(context["municipality"])
        return context


class AreaCreate(MunicipalityScopedMixin, AreaFormMixin, FormView):
    permission = AREA_MANAGE

    def perform(self, form):
        return area_create(
            municipality=self.municipality, by=self.request.user, **form.cleaned_data
        )


class AreaScopedMixin(PermissionRequiredMixin):
    """Finds the area from the URL among those the user may see, else 404."""

    permission = AREA_MANAGE

    def get_queryset(self):
        return Area.objects.for_user(self.request.user).select_related("municipality")

    def get_context_data(self, **kwargs):
        return super().get_context_data(municipality=self.object.municipality, **kwargs)


class AreaUpdate(AreaScopedMixin, AreaFormMixin, UpdateView):
    def perform(self, form):
        return area_update(area=self.object, **form.cleaned_data)


class AreaDelete(AreaScopedMixin, DeleteView):
    template_name = "est/area_confirm_delete.html"

    def get_success_url(self):
        messages.success(self.request, _("The area %(name)s is deleted.") % {"name": self.object})
        return reverse("municipality_detail", kwargs={"code": self.object.municipality.code})


def page_not_found(request, exception):
    """The 404 page; under /api/ the API's own JSON answer, as its schema documents, also for
    an address no route matches."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": str(NotFound.default_detail)}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    """The 500 page. An outage of the database, Redis or the object storage gets a 503 with one
    sentence saying which."""
    error = sys.exc_info()[1]
    if isinstance(error, ServiceUnavailable) or storage_unreachable(error):
        # No request context: the context processors would ask the unreachable database again.
        return render(None, "503.html", {"reason": explain_unavailable(error)}, status=503)
    return render(None, "500.html", status=500)


#: Where the docker healthcheck and an operator on the host ask from.
LOCAL_ADDRESSES = frozenset({"127.0.0.1", "::1"})


def health_details_shown(request) -> bool:
    """Return whether ``request`` may read which checks fail and why: staff (a logged-in user
    with a role) and requests from the host itself; the public learns only ok or not ok."""
    # The client's address, not the proxy's: behind a proxy on the same host every request
    # would otherwise come from 127.0.0.1.
    if client_address(request) in LOCAL_ADDRESSES:
        return True
    return has_permission(request.user, MUNICIPALITY_VIEW)


def health(request):
    """The health page: status 200 when all required checks pass, else 503. Staff and the host
    get JSON with every check; anyone else only ``{"ok": ...}``, since the checks' details
    (versions, worker names, the police poll's errors) are of use to an attacker."""
    checks = health_checks()
    ok = all(check.ok for check in checks if check.required)
    if not health_details_shown(request):
        return JsonResponse({"ok": ok}, status=200 if ok else 503)
    return JsonResponse(
        {
            check.name: {"ok": check.ok, "detail": check.detail, "required": check.required}
            for check in checks
        },
        status=200 if ok else 503,
    )


#: How many password resets one address may ask for in an hour: each one sends a mail.
PASSWORD_RESETS_PER_HOUR = 5


class PasswordReset(auth_views.PasswordResetView):
    """Django's password reset by e-mail, at most PASSWORD_RESETS_PER_HOUR times an hour from
    one client address: anyone may ask, and each request mails whoever the address belongs to."""

    def form_valid(self, form):
        if rate_limit_hit(
            scope="password-reset",
            sender=client_key(self.request),
            limit=PASSWORD_RESETS_PER_HOUR,
            window=60 * 60,
        ):
            form.add_error(
                None,
                _(
                    "Many password resets have been asked for from your address. "
                    "Try again in an hour."
                ),
            )
            return self.render_to_response(
                self.get_context_data(form=form), status=TOO_MANY_REQUESTS
            )
        return super().form_valid(form)
