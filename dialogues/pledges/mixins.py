"""The machinery of the staff pages: a form handed to one service function, a question with
a button, and the lookup of a pledge (or its focus area or activity) among the user's
municipalities' pledges."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from est.access import PermissionRequiredMixin
from est.roles import has_permission
from est.service_views import REFUSED, ServiceFormMixin, service_act

from .models import Activity, FocusArea, Pledge


class ServiceFormView(ServiceFormMixin, FormView):
    """A pledge page's form whose valid data goes to one service function (``perform(form)``,
    returning the object whose staff page comes next); what it refuses lands on the form."""

    template_name = "dialogues/pledges/form.html"
    heading = ""
    submit_label = gettext_lazy("Save")
    success_message = ""

    def performed(self, form, saved):
        if self.success_message:
            messages.success(self.request, self.success_message)
        return redirect(staff_url(saved))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=self.heading,
            submit_label=self.submit_label,
            cancel_url=self.cancel_url(),
            **kwargs,
        )

    def cancel_url(self):
        return staff_url(self.pledge)


def staff_url(obj) -> str:
    """Return the staff page that shows ``obj``: its pledge's page, at the object's place."""
    if isinstance(obj, Pledge):
        return reverse("pledge_detail", args=[obj.pk])
    if isinstance(obj, FocusArea):
        return reverse("pledge_detail", args=[obj.pledge_id]) + f"#focus-area-{obj.pk}"
    if isinstance(obj, Activity):
        return reverse("pledge_detail", args=[obj.focus_area.pledge_id]) + f"#activity-{obj.pk}"
    raise TypeError(obj)


class PledgeScopedMixin(PermissionRequiredMixin):
    """Finds ``self.pledge`` (and the focus area or activity in the URL) among the user's
    municipalities' pledges, else 404. With ``draft_only``, a published pledge sends the user
    back to its page: its text is frozen."""

    lookup: type = Pledge
    draft_only = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return super().dispatch(request, *args, **kwargs)
        own = Pledge.objects.for_user(request.user)
        if self.lookup is Pledge:
            self.pledge = get_object_or_404(own, pk=kwargs["pk"])
        elif self.lookup is FocusArea:
            self.focus_area = get_object_or_404(
                FocusArea.objects.select_related("pledge__municipality").filter(pledge__in=own),
                pk=kwargs["pk"],
            )
            self.pledge = self.focus_area.pledge
        else:
            self.activity = get_object_or_404(
                Activity.objects.select_related("focus_area__pledge__municipality").filter(
                    focus_area__pledge__in=own
                ),
                pk=kwargs["pk"],
            )
            self.focus_area = self.activity.focus_area
            self.pledge = self.focus_area.pledge
        if (
            self.draft_only
            and not self.pledge.is_draft
            and has_permission(request.user, self.permission)
        ):
            messages.error(
                request,
                _("The pledge is published and cannot be changed. Make a correction instead."),
            )
            return redirect("pledge_detail", self.pledge.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(pledge=self.pledge, **kwargs)


class ConfirmView(PledgeScopedMixin, TemplateView):
    """A question and a button: POST calls ``act()``; a refusal comes back as a message."""

    template_name = "dialogues/pledges/confirm.html"
    question = ""
    submit_label = ""
    success_message = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            question=self.question,
            submit_label=self.submit_label,
            cancel_url=staff_url(self.pledge),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        url = service_act(request, self.act, success=self.success_message)
        if url is REFUSED:
            return redirect("pledge_detail", self.pledge.pk)
        return redirect(url)
