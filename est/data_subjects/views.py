"""The register of data subject requests: the list with the form to log one, one request with
its status, and its answer: the extract across every app, or the erasure. Every page reads
personal data or its traces, so every one goes to the access log."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from est.access import PermissionRequiredMixin
from est.access_log import AccessKind, access_record
from est.models import Municipality
from est.roles import DATA_SUBJECT_REQUEST_MANAGE
from est.service_views import ServiceFormMixin

from . import services
from .forms import (
    DataSubjectErasureForm,
    DataSubjectForm,
    DataSubjectRequestForm,
    DataSubjectRequestStatusForm,
)
from .models import DataSubjectRequest


class RequestSavedMixin(ServiceFormMixin):
    """Saves a valid form through ``perform(form)``, says so and shows the request."""

    success_message = ""

    def performed(self, form, saved):
        messages.success(self.request, self.success_message % {"name": saved})
        return redirect("data_subject_request", pk=saved.pk)


class ScopedRequestMixin(PermissionRequiredMixin):
    """Finds ``self.object`` from the URL among the user's municipalities' requests, else 404,
    and logs the read."""

    permission = DATA_SUBJECT_REQUEST_MANAGE

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.object = get_object_or_404(
                DataSubjectRequest.objects.for_user(request.user).select_related("municipality"),
                pk=kwargs["pk"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        access_record(request=request, kind=AccessKind.DATA_SUBJECT_REQUEST, target=self.object)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(object=self.object, **kwargs)


class DataSubjectRequestList(PermissionRequiredMixin, RequestSavedMixin, FormView):
    permission = DATA_SUBJECT_REQUEST_MANAGE
    form_class = DataSubjectRequestForm
    template_name = "est/data_subjects/request_list.html"
    success_message = gettext_lazy("The request %(name)s is logged.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self):
        return {"received_on": timezone.localdate()}

    def get(self, request, *args, **kwargs):
        # The list names the people who asked: a read the access log keeps.
        access_record(
            request=request,
            kind=AccessKind.DATA_SUBJECT_REQUEST,
            target=str(DataSubjectRequest._meta.verbose_name_plural),
            municipalities=Municipality.objects.for_user(request.user).filter(
                pk__in=DataSubjectRequest.objects.for_user(request.user).values("municipality")
            ),
        )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            requests=DataSubjectRequest.objects.for_user(self.request.user).select_related(
                "municipality"
            ),
            today=timezone.localdate(),
            **kwargs,
        )

    def perform(self, form):
        return services.data_subject_request_create(by=self.request.user, **form.cleaned_data)


class DataSubjectRequestUpdate(ScopedRequestMixin, RequestSavedMixin, FormView):
    form_class = DataSubjectRequestStatusForm
    template_name = "est/data_subjects/request_form.html"
    success_message = gettext_lazy("The request %(name)s is updated.")

    def get_form_kwargs(self):
        # A copy: a refused form must not change the request the page shows.
        instance = DataSubjectRequest.objects.get(pk=self.object.pk)
        return {**super().get_form_kwargs(), "instance": instance}

    def get_context_data(self, **kwargs):
        erasure = self.object.kind == DataSubjectRequest.Kind.ERASURE
        return super().get_context_data(
            subject_form=DataSubjectErasureForm() if erasure else DataSubjectForm(),
            erased=services.data_subject_erased(self.object),
            **kwargs,
        )

    def perform(self, form):
        return services.data_subject_request_update(request=self.object, **form.cleaned_data)


class DataSubjectExtract(ScopedRequestMixin, ServiceFormMixin, FormView):
    """What every part of EST holds about the person, on one page to print or copy."""

    form_class = DataSubjectForm
    template_name = "est/data_subjects/extract.html"

    def perform(self, form):
        return services.data_subject_extract(request=self.object, **form.cleaned_data)

    def performed(self, form, sections):
        access_record(
            request=self.request, kind=AccessKind.DATA_SUBJECT_REQUEST, target=self.object
        )
        return self.render_to_response(self.get_context_data(form=form, sections=sections))


class DataSubjectErase(ScopedRequestMixin, RequestSavedMixin, FormView):
    """Erase what every part of EST holds about the person of an erasure request."""

    form_class = DataSubjectErasureForm
    template_name = "est/data_subjects/extract.html"
    success_message = gettext_lazy("Everything found about the person of %(name)s is erased.")

    def perform(self, form):
        data = form.cleaned_data
        return services.data_subject_erase(
            request=self.object, email=data["email"], phone=data["phone"]
        )
