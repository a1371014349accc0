"""How many API requests a caller may make: per user.

Kept apart from est/api.py: DRF imports these classes while it loads its settings, before the
API's views can be imported.
"""

from rest_framework import throttling
from rest_framework.settings import api_settings

from .clients import client_address
from .outages import ServiceUnavailable


class UserThrottle(throttling.UserRateThrottle):
    """Requests per logged-in user (by token or session), whatever address they come from.

    Every API operation needs a logged-in caller, so no anonymous rate is set; a caller who is
    not logged in (refused anyway) would be counted by the trusted-proxy-aware address, not by
    an X-Forwarded-For that anyone can write (DRF's own choice). The rate is read when asked,
    so that a changed setting applies.
    """

    def get_ident(self, request):
        return client_address(request)

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]

    def allow_request(self, request, view):
        # The counts live in Redis: with Redis down, filing through the API still works.
        try:
            return super().allow_request(request, view)
        except ServiceUnavailable:
            return True
