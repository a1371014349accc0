"""Both storages the product runs on, for the tests of files that must not be lost: local files
and an S3-compatible server (moto's server mode, over HTTP on a loopback port, started by the
test session itself: nothing to install or start beforehand)."""

import uuid
from dataclasses import dataclass, field
from pathlib import Path

import boto3
from moto.server import ThreadedMotoServer

from est.settings.storage import LOCAL_STORAGE, object_storage

#: Any keys do for moto; the region is the one a Swedish municipality would choose.
ACCESS_KEY, SECRET_KEY, REGION = "est-test", "est-test-secret", "eu-north-1"


class S3Server:
    """An S3-compatible server on 127.0.0.1, on a free port, until ``stop()``."""

    def __init__(self):
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        self._server.start()
        host, port = self._server.get_host_and_port()
        self.endpoint_url = f"http://{host}:{port}"

    def client(self):
        """Return a boto3 S3 client of this server, to look at the buckets from outside EST."""
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name=REGION,
        )

    def new_bucket(self) -> str:
        """Create an empty bucket of a fresh name and return its name."""
        name = f"est-{uuid.uuid4().hex[:16]}"
        self.client().create_bucket(
            Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        return name

    def keys(self, bucket: str) -> set[str]:
        """Return the names of the objects in ``bucket``."""
        listed = self.client().list_objects_v2(Bucket=bucket)
        return {entry["Key"] for entry in listed.get("Contents", [])}

    def stop(self):
        self._server.stop()


@dataclass
class MediaStorage:
    """Where one test's uploaded files go: ``kind`` is "local" or "s3"; ``storage`` is the
    STORAGES entry, ``env`` what another process (a worker, a web server) needs to use it."""

    kind: str
    storage: dict
    env: dict[str, str] = field(default_factory=dict)
    bucket: str = ""
    server: S3Server | None = None

    def holds(self, name: str) -> bool:
        """Whether a file of ``name`` is there, looked at from outside EST: on the disk, or in
        the bucket as another S3 client lists it."""
        if self.server is None:
            return (Path(self.env["MEDIA_ROOT"]) / name).is_file()
        return name in self.server.keys(self.bucket)


def local_media(media_root) -> MediaStorage:
    """Return local files under ``media_root``."""
    return MediaStorage("local", LOCAL_STORAGE, {"MEDIA_ROOT": str(media_root)})


def s3_media(server: S3Server) -> MediaStorage:
    """Return a fresh bucket of ``server``, configured the way production configures one."""
    bucket = server.new_bucket()
    env = {
        "S3_BUCKET": bucket,
        "S3_ENDPOINT_URL": server.endpoint_url,
        "S3_ACCESS_KEY_ID": ACCESS_KEY,
        "S3_SECRET_ACCESS_KEY": SECRET_KEY,
        "S3_REGION": REGION,
    }
    storage = object_storage(
        bucket=bucket,
        endpoint_url=server.endpoint_url,
        access_key=ACCESS_KEY,
        secret_key=SECRET_KEY,
        region=REGION,
    )
    return MediaStorage("s3", storage, env, bucket, server)
