"""Production settings: everything secret or site-specific must come from the environment."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
#: seed_demo refuses: its users' passwords are printed and known.
DEMO_DATA_ALLOWED = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Everyone who reads incident-level data or the access log gives a second factor; reporters too
# when the municipality adds "reporter".
MFA_REQUIRED_ROLES = env.list(
    "MFA_REQUIRED_ROLES",
    default=["coordinator", "police", "administrator", "dpo", "superuser"],
)
# Passkeys are bound to the site's host name and accepted from its HTTPS origin only.
OTP_WEBAUTHN_RP_ID = env("OTP_WEBAUTHN_RP_ID", default=ALLOWED_HOSTS[0])
OTP_WEBAUTHN_ALLOWED_ORIGINS = env.list(
    "OTP_WEBAUTHN_ALLOWED_ORIGINS", default=[f"https://{OTP_WEBAUTHN_RP_ID}"]
)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# The health page is polled over plain HTTP inside the deployment network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
