"""Uploaded files handed to the people who may see them, by the views that check who they are.

Files live on the local disk or in an S3-compatible bucket (est/settings/storage.py); either
way they reach people only through these responses, never through a URL of the bucket, and
they are streamed: a 2 GB clip never sits in the memory or the temporary folder of a web
process.
"""

import posixpath

from django.http import FileResponse, Http404

#: How much of a file in a bucket is read and sent at a time.
BUCKET_READ_BYTES = 256 * 1024


def _stream(opened) -> tuple:
    """Return the readable body of an opened stored file and its length (None when
    FileResponse finds it itself, as it does for a file on the disk)."""
    bucket_object = getattr(opened, "obj", None)
    if bucket_object is None:
        return opened, None
    # A file of django-storages' S3 backend: reading it would first download all of it into a
    # temporary file (on disk beyond 2.5 MB) and only then send the first byte. The object's
    # own body is read from the bucket as it is sent instead.
    answer = bucket_object.get()
    return answer["Body"], answer["ContentLength"]


def stored_file_response(
    field_file, *, content_type: str | None = None, as_attachment: bool = False, filename=""
) -> FileResponse:
    """Return a response streaming ``field_file`` (a FileField's file) from its storage, with
    its length, under ``filename`` (the stored file's own name when empty), to be opened
    inline or, with ``as_attachment``, saved.

    Raises Http404 when the field is empty or its storage holds no file of that name (removed
    by hand, lost with a bucket): a page that names a missing file answers "not found", not an
    error.
    """
    if not field_file:
        raise Http404
    try:
        opened = field_file.storage.open(field_file.name, "rb")
    except FileNotFoundError as error:
        raise Http404 from error
    body, length = _stream(opened)
    response = FileResponse(
        body,
        content_type=content_type,
        as_attachment=as_attachment,
        filename=filename or posixpath.basename(field_file.name),
    )
    if length is not None:
        response["Content-Length"] = length
        # Reads from the bucket's stream cost more than reads from a file: 100 MB read 4 KB
        # at a time (FileResponse's default) took 0.19 s of CPU, 256 KB at a time 0.07 s
        # (bench/stored_files.py).
        response.block_size = BUCKET_READ_BYTES
    return response
