"""Who is on the other end of a request: the one place that reads the client's address."""


def client_address(request) -> str | None:
    """Return the address the request came from, or None when the server was not told one.

    Read here only, so that trusting a proxy's forwarded address is a change in one place.
    """
    return request.META.get("REMOTE_ADDR") or None
