"""The one way a view hands what a person sent to a service function, and shows what the
service refused: next to the fields of the form, with everything typed kept, or, for a button,
as a message on the next page. Views never write ``except ValidationError`` themselves."""

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect

from est.forms import form_add_service_errors, form_map_widgets_allow_scripts
from est.rate_limits import TOO_MANY_REQUESTS

#: What ``service_act`` returns when the service refused.
REFUSED = object()


class ServiceFormMixin:
    """For a FormView whose valid form goes to one service call.

    Subclasses define ``perform(form)``, which calls the service and returns its result, and
    ``performed(form, result)``, which returns the response (usually a message and a redirect). A
    ValidationError from the service lands on the form: each message next to its field
    (``service_error_fields`` maps the service's names to the form's), the rest above it.
    """

    service_error_fields: dict = {}

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form_map_widgets_allow_scripts(form, self.request)
        return form

    def form_valid(self, form):
        result = service_form_call(
            form, lambda: self.perform(form), fields=self.service_error_fields
        )
        if result is REFUSED:
            return self.form_invalid(form)
        return self.performed(form, result)


class GuardedPublicFormMixin(ServiceFormMixin):
    """For a public form without login, guarded by a honeypot (the form's ``is_spam``) and a
    rate limit (the service's ValidationError with code "rate_limited").

    A robot is answered with ``spam_message`` and a redirect to ``spam_url()`` as if it had
    worked, and nothing is stored; refused input comes back with everything typed: 429 when
    the sender has sent too much, else 400.
    """

    spam_message = ""

    def spam_url(self) -> str:
        raise NotImplementedError

    def form_valid(self, form):
        if form.is_spam:
            messages.success(self.request, self.spam_message)
            return redirect(self.spam_url())
        return super().form_valid(form)

    def form_invalid(self, form):
        limited = form.has_error(NON_FIELD_ERRORS, "rate_limited")
        status = TOO_MANY_REQUESTS if limited else 400
        return self.render_to_response(self.get_context_data(form=form), status=status)


def service_form_call(form, call, *, fields: dict | None = None):
    """Run ``call()`` (one service call with what ``form`` holds) and return its result, or
    ``REFUSED`` after putting what the service refused on ``form``, next to the fields named
    (through ``fields`` where the form calls them otherwise)."""
    try:
        return call()
    except ValidationError as error:
        form_add_service_errors(form, error, fields=fields)
        return REFUSED


def service_act(request, call, *, success=None):
    """Run ``call()`` (one service call, for a button) and return its result, or ``REFUSED``.

    What the service refused becomes error messages on the next page; on success ``success``
    (a text, or a function of the result that returns one) becomes a success message.
    """
    try:
        result = call()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return REFUSED
    if success is not None:
        messages.success(request, success(result) if callable(success) else success)
    return result


def wants_json(request) -> bool:
    """Return whether the offline queue (static/js/offline-queue.js) sent the request: it asks
    for JSON, the browser's own form posts never do."""
    return "application/json" in request.headers.get("Accept", "")


class OfflineQueueMixin:
    """For a form page whose form the offline queue may send: the queue gets JSON instead of a
    page. Success (a redirect) becomes ``{"next": url}``, and the messages meant for the next page
    stay for it; the form shown again with its errors becomes 400 with ``{"errors": …}``, so that
    the queue can say why. Put it after the permission mixins: who is not logged in still gets
    the redirect to the login page."""

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if request.method != "POST" or not wants_json(request):
            return response
        if response.status_code in (301, 302, 303):
            return JsonResponse({"next": response.url})
        context = getattr(response, "context_data", None) or {}
        if response.status_code == 200 and context:
            errors = {}
            for name in ("form", "round_form"):
                if context.get(name) is not None:
                    errors.update(context[name].errors.get_json_data())
            return JsonResponse({"errors": errors}, status=400)
        return response
