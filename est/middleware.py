"""Request middleware shared by every page."""

import time

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.utils import translation
from django.utils.cache import patch_vary_headers

from .access_log import AccessKind, access_record
from .roles import ADMIN_USE, has_permission
from .second_factor import second_factor_enrolled, second_factor_required


class LanguageMiddleware:
    """Activates Swedish unless the user chose another language with the language switch.

    Django's LocaleMiddleware follows the browser's Accept-Language, which would show many
    municipal staff English by default; EST is Swedish first, English on request (a cookie).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response


class SessionRefreshMiddleware:
    """Keeps a used session alive: its end moves ``SESSION_COOKIE_AGE`` past the latest request,
    written at most once per ``SESSION_REFRESH_SECONDS``.

    Django's SESSION_SAVE_EVERY_REQUEST wrote the session on every request, a transaction of its
    own (three round trips to PostgreSQL and a commit that waits for the disk) in each filing
    and each finding sent from a phone. Written once a minute instead, an idle session ends
    between 29 and 30 minutes after its last request, never later. Put it after
    SessionMiddleware, which saves what this marks as changed."""

    #: The session key holding when (seconds since the epoch) the session was last written.
    refreshed_key = "_refreshed"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = request.session
        if not session.is_empty():
            now = int(time.time())
            refreshed = session.get(self.refreshed_key, 0)
            # A cookie naming no session (ended, or made up) loads none: nothing to keep alive.
            if session.session_key and now - refreshed >= settings.SESSION_REFRESH_SECONDS:
                session[self.refreshed_key] = now
        return response


class SecondFactorMiddleware:
    """After the password, sends a user with a second factor to give it, and a user whose role
    requires one but who has none to enrol, before any other page (API token requests carry no
    session and pass; the token is the API client's own credential)."""

    #: Pages a user between the password and the second factor may open.
    open_prefixes = (
        "/accounts/second-factor/",
        "/accounts/logout/",
        "/webauthn/",
        "/i18n/",
        "/health/",
        "/static/",
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(self.open_prefixes)
            and not user.is_verified()
        ):
            if second_factor_enrolled(user):
                return redirect_to_login(request.get_full_path(), "second_factor_verify")
            if second_factor_required(user):
                return redirect_to_login(request.get_full_path(), "second_factor_enrol")
        return self.get_response(request)


class AdminAccessLogMiddleware:
    """Writes an access log entry for every list and object page of the Django admin that a
    logged-in user opens (the admin reads across municipalities, so the entries have none)."""

    logged_pages = ("_changelist", "_change", "_history")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            request.method == "GET"
            and match.namespace == "admin"
            and match.url_name.endswith(self.logged_pages)
            and has_permission(request.user, ADMIN_USE)
        ):
            target = " ".join([match.url_name, *view_kwargs.values()])
            access_record(request=request, kind=AccessKind.ADMIN, target=target)
        return None
