"""What a progress update may carry: the files residents open from the public site."""

from django.utils.translation import gettext as _

from est.uploads import named_upload_check

ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
#: The attachments' extensions and the kind of content each must have (est.uploads).
ATTACHMENT_KINDS = {
    ".pdf": "pdf",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".png": "png",
    ".docx": "zip",
    ".odt": "zip",
}


def attachment_clean(attachment):
    """Return ``attachment`` (or nothing) when it is a PDF, an image or a document of at most
    10 MB by its content, not only its name; else raise ValidationError on ``attachment``."""
    if not attachment:
        return attachment
    # What the file is, not only what its name says: it is published for anyone to open.
    return named_upload_check(
        attachment,
        field="attachment",
        kinds=ATTACHMENT_KINDS,
        max_bytes=ATTACHMENT_MAX_BYTES,
        kinds_text=_("Attach a PDF, an image (JPEG, PNG) or a document (DOCX, ODT)."),
    )
