"""Helpers for logging in as the tests' users do: with the second factor where their role needs
one (the tests run with production's MFA_REQUIRED_ROLES)."""

import time

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from est.second_factor import second_factor_required


def authenticator_app(user) -> TOTPDevice:
    """Return ``user``'s confirmed authenticator app, set up if there is none."""
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name="Test app", defaults={"confirmed": True}
    )
    return device


def totp_code(device: TOTPDevice) -> str:
    """Return the code the app shows now, or the next one when now's is used: a second login
    in the same 30 seconds is then accepted too (the device refuses a code twice)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    totp.drift += max(0, device.last_t + 1 - totp.t())
    return f"{totp.token():0{device.digits}d}"


def log_in_through_the_form(page, base_url: str, user, password: str):
    """Log ``user`` in on ``page`` as a person does: the login form, then the authenticator
    app's code when their role needs one (the app set up beforehand); return the page."""
    required = second_factor_required(user)
    if required:
        authenticator_app(user)  # set up before the login, as the user did long ago
    page.goto(base_url + "/accounts/login/")
    page.get_by_label("Användarnamn").fill(user.username)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
    if required:
        page.get_by_label("Kod").fill(totp_code(authenticator_app(user)))
        page.get_by_role("button", name="Fortsätt").click()
    page.wait_for_url(base_url + "/")
    return page


def log_in_with_second_factor(client, user):
    """Log ``user`` in on the test client, verified by their app if their role needs it, and
    return the client."""
    client.force_login(user)
    if second_factor_required(user):
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = authenticator_app(user).persistent_id
        session.save()
    return client
