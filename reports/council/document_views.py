"""Pages of a council meeting's papers: adding and removing them, and opening one (for those
who see the meeting, or for anyone once its minutes are public)."""

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from est.service_views import ServiceFormMixin, service_act
from est.stored_files import stored_file_response
from reports.council.council_forms import MeetingDocumentForm
from reports.council.council_views import MeetingMixin
from reports.council.documents import meeting_document_add, meeting_document_remove
from reports.council.meetings import MeetingDocument
from reports.permissions import COUNCIL_EDIT


def _file_response(document: MeetingDocument) -> FileResponse:
    return stored_file_response(document.file, as_attachment=True, filename=document.filename)


class MeetingDocumentAdd(MeetingMixin, ServiceFormMixin, FormView):
    permission = COUNCIL_EDIT
    form_class = MeetingDocumentForm
    template_name = "reports/council/council_form.html"
    extra_context = {"title": _("Add a document")}

    def perform(self, form):
        return meeting_document_add(meeting=self.meeting, by=self.request.user, **form.cleaned_data)

    def performed(self, form, document):
        messages.success(self.request, _("The document is added."))
        return redirect("council_meeting", pk=self.meeting.pk)


class MeetingDocumentRemove(MeetingMixin, View):
    permission = COUNCIL_EDIT

    def post(self, request, pk, document):
        paper = get_object_or_404(self.meeting.documents, pk=document)
        service_act(
            request,
            lambda: meeting_document_remove(document=paper, by=request.user),
            success=_("The document is removed."),
        )
        return redirect("council_meeting", pk=pk)


class MeetingDocumentFile(MeetingMixin, View):
    """A paper of a meeting of the user's municipalities."""

    def get(self, request, pk, document):
        return _file_response(get_object_or_404(self.meeting.documents, pk=document))


def public_meeting_document(request, code: str, document: int):
    """A paper of a meeting whose minutes are public, for anyone: public minutes' papers are
    public documents too. Any other paper is 404, as if it did not exist."""
    return _file_response(
        get_object_or_404(
            MeetingDocument.objects.filter(
                meeting__municipality__code=code, meeting__minutes_public=True
            ),
            pk=document,
        )
    )
