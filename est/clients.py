"""Who is asking: the address of the client behind a request, trusting only our own proxies.

Behind a reverse proxy every request comes from the proxy's address; the client's is in
``X-Forwarded-For``. Anyone can write that header, so it is read only when the request came from a
proxy named in ``TRUSTED_PROXIES``, and then from the right: each trusted proxy appends the address
it saw, so the rightmost address that is not a trusted proxy is the client (whatever the client
wrote further left is ignored).
"""

import ipaddress
from functools import cache

from django.conf import settings


@cache
def _trusted_networks(proxies: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(proxy.strip(), strict=False) for proxy in proxies)


def _ip(address: str):
    try:
        return ipaddress.ip_address(address)
    except ValueError:
        return None


def _trusted(address: str) -> bool:
    ip = _ip(address)
    networks = _trusted_networks(tuple(settings.TRUSTED_PROXIES))
    return ip is not None and any(ip in network for network in networks)


def client_address(request) -> str:
    """Return the client's IP address: ``REMOTE_ADDR``, or, when that is a trusted proxy, the
    rightmost address in ``X-Forwarded-For`` that is not a trusted proxy."""
    address = request.META.get("REMOTE_ADDR", "")
    if not _trusted(address):
        return address
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed([part.strip() for part in forwarded.split(",") if part.strip()]):
        if _ip(hop) is None:
            # Not an address at all: our proxy did not write it, so it tells nothing.
            break
        if not _trusted(hop):
            return hop
        address = hop
    # Every hop was one of our proxies (or there was no header): the last one is all we know.
    return address
