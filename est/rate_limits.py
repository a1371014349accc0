"""How often one client may use a public form (a comment, a password reset): counted in Redis
per client address, the address as est.clients finds it (only our proxy may name it)."""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache

from .clients import client_address
from .outages import ServiceUnavailable

logger = logging.getLogger(__name__)

#: A refusal for sending too often is answered with this status: "429 Too Many Requests".
TOO_MANY_REQUESTS = 429


def client_key(request) -> str:
    """Return a key for the client's address that is not the address itself: it names the
    sender to a rate limit without keeping who sent what."""
    address = client_address(request)
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]


def rate_limit_hit(*, scope: str, sender: str, limit: int, window: int) -> bool:
    """Count one use of ``scope`` by ``sender`` and return whether it is more than ``limit`` in
    the ``window`` seconds since the first one counted. With Redis down nobody is held back:
    a resident's comment matters more than a spam run that moderation catches anyway."""
    key = f"est:rate:{scope}:{sender}"
    try:
        cache.add(key, 0, window)
        return cache.incr(key) > limit
    except ServiceUnavailable as error:
        logger.warning("rate limit %s not counted, Redis cannot be reached: %s", scope, error)
        return False
