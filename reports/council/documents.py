"""The papers of a council meeting: added and removed by those who keep the council's record,
stored through Django's storage (local disk or object storage), and opened only through the
views here: by those who see the meeting, and by anyone once its minutes are public."""

from django.db import transaction
from django.utils.translation import gettext as _

from est.uploads import file_stored, files_removed_on_rollback, named_upload_check
from reports.council.meetings import CouncilMeeting, MeetingDocument

DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
#: What a meeting's papers may be: PDF and the office formats (DOCX, ODT, XLSX are ZIP files).
DOCUMENT_KINDS = {".pdf": "pdf", ".docx": "zip", ".odt": "zip", ".xlsx": "zip", ".ods": "zip"}


def meeting_document_add(*, meeting: CouncilMeeting, by, title: str, file) -> MeetingDocument:
    """Store ``file`` as a paper of ``meeting`` under ``title``; return the document. Raises
    ValidationError when the file is too large or not a PDF or office document by its content."""
    named_upload_check(
        file,
        field="file",
        kinds=DOCUMENT_KINDS,
        max_bytes=DOCUMENT_MAX_BYTES,
        kinds_text=_("Add a PDF or a document (DOCX, ODT, XLSX, ODS)."),
    )
    with files_removed_on_rollback():
        document = MeetingDocument.objects.create(
            meeting=meeting, title=title.strip() or file.name, file=file, added_by=by
        )
        file_stored(document.file)
    return document


def meeting_document_remove(*, document: MeetingDocument, by) -> None:
    """Delete ``document`` and, once the deletion is committed, its file."""
    storage, name = document.file.storage, document.file.name
    with transaction.atomic():
        MeetingDocument.objects.filter(pk=document.pk).delete()
        transaction.on_commit(lambda: storage.delete(name))
