"""The second factor after the password: who must give one, and enrolling the devices that give
it (django-otp's TOTP and recovery codes, django-otp-webauthn's passkeys). No crypto here: the
libraries check the codes and signatures."""

import base64
import operator
from base64 import b32encode
from functools import reduce

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef
from django.utils.translation import gettext as _
from django_otp import device_classes, devices_for_user, login, match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

RECOVERY_CODE_COUNT = 10
RECOVERY_DEVICE_NAME = "recovery"


def second_factor_required(user) -> bool:
    """Return whether ``user`` must give a second factor (``MFA_REQUIRED_ROLES``)."""
    roles = settings.MFA_REQUIRED_ROLES
    return user.role in roles or (user.is_superuser and "superuser" in roles)


def second_factor_enrolled(user) -> bool:
    """Return whether ``user`` has a confirmed authenticator app, passkey or recovery codes: as
    read together with the user at the start of the request when ``UserBackend`` loaded it,
    else asked now."""
    known = getattr(user, "has_second_factor", None)
    return known if known is not None else user_has_device(user, confirmed=True)


class UserBackend(ModelBackend):
    """Django's ModelBackend, whose user of each request comes with whether they have a second
    factor (``has_second_factor``), read in the same statement as the user.

    SecondFactorMiddleware asks that on every request of a user who has not given one (every
    user where no role needs one): asked apart, one statement per kind of device, it was three
    more round trips to PostgreSQL in every request, a finding sent from a phone too."""

    def get_user(self, user_id):
        """Return the active user ``user_id`` with ``has_second_factor``, or None."""
        enrolled = reduce(
            operator.or_,
            (
                Exists(model.objects.filter(user=OuterRef("pk"), confirmed=True))
                for model in device_classes()
            ),
        )
        user = (
            get_user_model()
            ._default_manager.annotate(
                has_second_factor=ExpressionWrapper(enrolled, output_field=BooleanField())
            )
            .filter(pk=user_id)
            .first()
        )
        return user if user is not None and self.user_can_authenticate(user) else None


def _refused():
    return ValidationError(
        {"code": _("The code is wrong, too old or already used. Try the next code.")}
    )


def _typed(code: str) -> str:
    return code.strip().replace(" ", "").replace("-", "").lower()


def second_factor_verify(*, request, code: str):
    """Check ``code`` (from the authenticator app or a recovery code) against ``request.user``'s
    devices; on success mark the session as verified and return the device, else refuse.

    A TOTP code is accepted once (the device keeps the last time step it took), a recovery code
    is deleted when used, and each failure makes the next try wait longer (django-otp's
    throttling)."""
    device = match_token(request.user, _typed(code))
    if device is None:
        raise _refused()
    login(request, device)
    return device


def totp_device_pending(user) -> TOTPDevice:
    """Return ``user``'s authenticator app being set up (unconfirmed), made if there is none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(
        user=user, name=_("Authenticator app"), confirmed=False
    )


def totp_device_confirm(*, request, device: TOTPDevice, code: str) -> list[str]:
    """Confirm the authenticator app ``device`` with its first ``code`` (else refuse), mark the
    session verified and return new recovery codes if the user had none (else an empty list)."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        if not device.verify_token(_typed(code)):
            raise _refused()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    login(request, device)
    if StaticDevice.objects.filter(user=request.user, token_set__isnull=False).exists():
        return []
    return recovery_codes_replace(user=request.user)


def recovery_codes_replace(*, user) -> list[str]:
    """Replace ``user``'s recovery codes with new ones and return them (shown once; each
    works once)."""
    with transaction.atomic():
        device, _created = StaticDevice.objects.get_or_create(
            user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _index in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def recovery_codes_left(user) -> int:
    """Return how many unused recovery codes ``user`` has."""
    return StaticToken.objects.filter(device__user=user).count()


def devices_of(user) -> list:
    """Return ``user``'s confirmed authenticator apps and passkeys (not the recovery codes)."""
    return [d for d in devices_for_user(user) if not isinstance(d, StaticDevice)]


def has_passkey(user) -> bool:
    """Return whether ``user`` has a confirmed passkey."""
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()


def totp_qr_code(device: TOTPDevice) -> str:
    """Return the device's otpauth:// address as an SVG QR code in a data: URL (for an <img>,
    which the Content Security Policy allows)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode()


def totp_key_text(device: TOTPDevice) -> str:
    """Return the device's key in base32 groups of four, for typing into an app by hand."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
