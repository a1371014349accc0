"""A person's own account: the second factor after the password, its devices, recovery codes
and API tokens. Everything here is the user's own; another user's device or token is 404."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView
from django_otp.models import Device

from .api_tokens import ApiToken, api_token_create, api_token_revoke
from .forms import ApiTokenForm, SecondFactorCodeForm
from .second_factor import (
    devices_of,
    has_passkey,
    recovery_codes_left,
    recovery_codes_replace,
    second_factor_enrolled,
    second_factor_required,
    second_factor_verify,
    totp_device_confirm,
    totp_device_pending,
    totp_key_text,
    totp_qr_code,
)
from .service_views import ServiceFormMixin


def _next_url(request) -> str:
    """Return the page the user was on their way to, if it is ours, else the start page."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("start")


def _show_recovery_codes(request, codes):
    return render(
        request,
        "est/account/recovery_codes.html",
        {"codes": codes, "next_url": _next_url(request)},
    )


class SecondFactorVerify(LoginRequiredMixin, ServiceFormMixin, FormView):
    """After the password: the code from the app, a recovery code, or a passkey."""

    form_class = SecondFactorCodeForm
    template_name = "est/account/second_factor_verify.html"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and (user.is_verified() or not second_factor_enrolled(user)):
            return redirect(_next_url(request))
        return super().dispatch(request, *args, **kwargs)

    def perform(self, form):
        return second_factor_verify(request=self.request, code=form.cleaned_data["code"])

    def performed(self, form, device):
        return redirect(_next_url(self.request))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            next_url=_next_url(self.request),
            has_passkey=has_passkey(self.request.user),
            **kwargs,
        )


class TotpEnrol(LoginRequiredMixin, ServiceFormMixin, FormView):
    """Setting up an authenticator app: scan the QR code, type the first code. A user who must
    give a second factor and has none lands here after the password."""

    form_class = SecondFactorCodeForm
    template_name = "est/account/totp_enrol.html"

    def dispatch(self, request, *args, **kwargs):
        # Someone with a device adds another only after giving the second factor.
        user = request.user
        if user.is_authenticated and not user.is_verified() and second_factor_enrolled(user):
            return redirect_to_login(request.path, "second_factor_verify")
        return super().dispatch(request, *args, **kwargs)

    def perform(self, form):
        device = totp_device_pending(self.request.user)
        return totp_device_confirm(
            request=self.request, device=device, code=form.cleaned_data["code"]
        )

    def performed(self, form, codes):
        messages.success(self.request, _("Your authenticator app is set up."))
        if codes:
            return _show_recovery_codes(self.request, codes)
        return redirect(_next_url(self.request))

    def get_context_data(self, **kwargs):
        device = totp_device_pending(self.request.user)
        return super().get_context_data(
            qr_code=totp_qr_code(device),
            key_text=totp_key_text(device),
            required=second_factor_required(self.request.user),
            next_url=_next_url(self.request),
            after_passkey=reverse("recovery_codes_first")
            + "?"
            + urlencode({"next": _next_url(self.request)}),
            **kwargs,
        )


class Account(LoginRequiredMixin, TemplateView):
    """The account page: second factor devices, recovery codes, API tokens, password."""

    template_name = "est/account/account.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            devices=devices_of(user),
            recovery_codes_left=recovery_codes_left(user),
            second_factor_required=second_factor_required(user),
            tokens=ApiToken.objects.for_user(user),
            token_form=ApiTokenForm(),
            **kwargs,
        )


class RecoveryCodesRenew(LoginRequiredMixin, View):
    def post(self, request):
        return _show_recovery_codes(request, recovery_codes_replace(user=request.user))


class RecoveryCodesFirst(LoginRequiredMixin, View):
    """Where a new passkey leads: recovery codes, shown once, if the user has none yet."""

    def get(self, request):
        if recovery_codes_left(request.user) or not second_factor_enrolled(request.user):
            return redirect(_next_url(request))
        return _show_recovery_codes(request, recovery_codes_replace(user=request.user))


class DeviceRemove(LoginRequiredMixin, View):
    def post(self, request, device_id):
        device = Device.from_persistent_id(device_id)
        if device is None or device.user_id != request.user.pk:
            raise Http404
        device.delete()
        messages.success(request, _("%(name)s is removed.") % {"name": device.name})
        return redirect("account")


class ApiTokenCreate(LoginRequiredMixin, FormView):
    """Makes a token and shows its key this once."""

    form_class = ApiTokenForm
    template_name = "est/account/api_token_form.html"

    def form_valid(self, form):
        token, key = api_token_create(user=self.request.user, name=form.cleaned_data["name"])
        return render(
            self.request, "est/account/api_token_created.html", {"token": token, "key": key}
        )


class ApiTokenRevoke(LoginRequiredMixin, View):
    def post(self, request, pk):
        token = get_object_or_404(ApiToken.objects.for_user(request.user), pk=pk)
        api_token_revoke(token=token)
        messages.success(request, _("The token %(name)s is revoked.") % {"name": token.name})
        return redirect("account")
