"""API tokens: made by their owner on the account page, shown once, stored as a hash only,
valid for ``API_TOKEN_LIFETIME``, revocable by their owner.

A token reads ``<prefix>.<secret>``: the prefix is public and finds the row, the SHA-256 digest
of the whole token is compared in constant time. The secret is 256 random bits, so a plain hash
(no slow password hash) is enough: no one can guess through it.
"""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

PREFIX_BYTES = 4
SECRET_BYTES = 32
# A token's "last used" is written at most this often: filing through the API should not cost a
# write per request.
LAST_USED_RESOLUTION = timedelta(minutes=1)


class ApiTokenQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the tokens ``user`` owns (no one sees another's tokens, superusers neither)."""
        return self.filter(user=user) if user.is_authenticated else self.none()

    def usable(self, now=None):
        """Return the tokens that are neither revoked nor expired at ``now``."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=now or timezone.now())


class ApiToken(models.Model):
    """A key an API client sends as ``Authorization: Token <key>`` (or ``Bearer <key>``)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=2 * PREFIX_BYTES, unique=True)
    digest = models.CharField(max_length=64)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_usable(self) -> bool:
        """Return whether the token lets its owner in now."""
        return self.revoked_at is None and self.expires_at > timezone.now()


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def api_token_create(*, user, name: str) -> tuple[ApiToken, str]:
    """Make a token for ``user`` and return it with its key, which exists nowhere else: the
    caller shows it once."""
    prefix = secrets.token_hex(PREFIX_BYTES)
    key = f"{prefix}.{secrets.token_urlsafe(SECRET_BYTES)}"
    token = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=prefix,
        digest=_digest(key),
        expires_at=timezone.now() + settings.API_TOKEN_LIFETIME,
    )
    return token, key


def api_token_revoke(*, token: ApiToken) -> ApiToken:
    """Revoke ``token`` from now on (revoking twice keeps the first time) and return it."""
    with transaction.atomic():
        ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
    token.refresh_from_db()
    return token


def api_token_user(key: str):
    """Return the active user whose usable token ``key`` is, or None."""
    prefix, _dot, _secret = key.partition(".")
    now = timezone.now()
    token = (
        ApiToken.objects.usable(now)
        .select_related("user")
        .filter(prefix=prefix, user__is_active=True)
        .first()
    )
    if token is None or not hmac.compare_digest(token.digest, _digest(key)):
        return None
    ApiToken.objects.filter(pk=token.pk).exclude(
        last_used_at__gt=now - LAST_USED_RESOLUTION
    ).update(last_used_at=now)
    return token.user


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """DRF authentication by ``Authorization: Token <key>`` or ``Bearer <key>``."""

    keywords = ("token", "bearer")

    def authenticate(self, request):
        """Return (user, None) for a good token, None without one; refuse a bad one (401)."""
        words = authentication.get_authorization_header(request).split()
        if not words or words[0].decode(errors="replace").lower() not in self.keywords:
            return None
        if len(words) != 2:
            raise exceptions.AuthenticationFailed(_("Give the token after the word Token."))
        user = api_token_user(words[1].decode(errors="replace"))
        if user is None:
            raise exceptions.AuthenticationFailed(_("The token is unknown, expired or revoked."))
        return user, None

    def authenticate_header(self, request):
        return "Token"


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """How the OpenAPI schema describes the token (as DRF's own TokenAuthentication was)."""

    target_class = ApiTokenAuthentication
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "Token <key> (or Bearer <key>): made on the account page, /accounts/.",
        }
