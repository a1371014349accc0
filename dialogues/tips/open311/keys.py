"""The API keys of Open311 client applications: issued by an administrator
(``manage.py open311_key_create``), shown once, stored as a hash only, revocable.

A key reads ``<prefix>.<secret>`` as est.api_tokens' do: the public prefix finds the row, the
SHA-256 digest of the whole key is compared in constant time.
"""

import hashlib
import hmac
import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PREFIX_BYTES = 4
SECRET_BYTES = 32


class Open311Client(models.Model):
    """A client application (a municipal reporting app, a FixMyStreet) that may create
    requests."""

    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=2 * PREFIX_BYTES, unique=True, editable=False)
    digest = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("Open311 client application")
        verbose_name_plural = _("Open311 client applications")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def open311_client_create(*, name: str) -> tuple[Open311Client, str]:
    """Register a client application and return it with its API key, which exists nowhere
    else: the caller shows it once."""
    prefix = secrets.token_hex(PREFIX_BYTES)
    key = f"{prefix}.{secrets.token_urlsafe(SECRET_BYTES)}"
    client = Open311Client.objects.create(name=name.strip(), prefix=prefix, digest=_digest(key))
    return client, key


def open311_client_revoke(*, client: Open311Client) -> None:
    """Refuse the client's key from now on."""
    Open311Client.objects.filter(pk=client.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def open311_client_for_key(key: str) -> Open311Client | None:
    """Return the client application whose unrevoked key ``key`` is, or None."""
    prefix, _dot, _secret = key.partition(".")
    client = Open311Client.objects.filter(prefix=prefix, revoked_at__isnull=True).first()
    if client is None or not hmac.compare_digest(client.digest, _digest(key)):
        return None
    return client
