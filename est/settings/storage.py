"""Where uploaded files live: local files by default, S3-compatible object storage when a bucket
is named. Photos, attachments, footage and imports then survive any one machine, and every web
process and Celery worker on every machine reads the same files."""

LOCAL_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def _client_config(*, path_style: bool):
    """Return botocore's client configuration for the bucket: the signature, the addressing
    style and timeouts short enough that a storage that does not answer gives the user a page
    saying so (503) before gunicorn's 30 s are up, rather than a request hanging for minutes
    (botocore's defaults: 60 s to connect, five attempts)."""
    from botocore.config import Config  # only where files are in a bucket

    return Config(
        signature_version="s3v4",
        # MinIO and most S3-compatible servers answer on one host name, bucket in the path.
        s3={"addressing_style": "path" if path_style else None},
        connect_timeout=3,
        read_timeout=20,
        retries={"mode": "standard", "max_attempts": 2},
    )


def object_storage(
    *, bucket: str, endpoint_url: str, access_key: str, secret_key: str, region: str
) -> dict:
    """Return the STORAGES entry for an S3-compatible bucket (AWS S3, MinIO, Ceph, …).

    Empty keys let boto3 find its credentials itself (an instance role, for example); an empty
    ``endpoint_url`` means AWS S3.
    """
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url or None,
            "access_key": access_key or None,
            "secret_key": secret_key or None,
            "region_name": region or None,
            # Every file is private: no ACL of its own, so the bucket's (private) applies. Files
            # reach people only through the product's scoped and logged views, never by a URL
            # of the bucket; should anything still ask for one, it is signed and short-lived.
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": 60,
            # As on a local disk, a second file of the same name gets a name of its own instead
            # of replacing the first (django-storages would overwrite by default).
            "file_overwrite": False,
            "client_config": _client_config(path_style=bool(endpoint_url)),
            # A file read through the storage (a photo the worker cleans, an import it checks)
            # is buffered in memory up to this size and in a temporary file beyond it, so that
            # a large file never sits in memory. Downloads are streamed (est/stored_files.py).
            "max_memory_size": 2_621_440,
        },
    }


def media_storage(env) -> dict:
    """Return the STORAGES entry for uploaded files as the environment asks: object storage
    when ``S3_BUCKET`` is set, else local files under MEDIA_ROOT."""
    bucket = env("S3_BUCKET", default="")
    if not bucket:
        return LOCAL_STORAGE
    return object_storage(
        bucket=bucket,
        endpoint_url=env("S3_ENDPOINT_URL", default=""),
        access_key=env("S3_ACCESS_KEY_ID", default=""),
        secret_key=env("S3_SECRET_ACCESS_KEY", default=""),
        region=env("S3_REGION", default=""),
    )
