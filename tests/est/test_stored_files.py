"""Uploaded files reach people streamed from where they are stored, on the local disk or in a
bucket: whole, with their length; a file that is no longer there is "not found", and a storage
that does not answer gets the page that says so, never an error page."""

import os
import socket

import pytest
from django.core.files.base import ContentFile

from est.access_log import AccessEntry
from est.settings.storage import object_storage
from tests.cameras.factories import MP4_HEADER, CameraFactory, FootageFactory

pytestmark = pytest.mark.django_db

#: Larger than what django-storages keeps in memory (2.5 MB), so that a file read the other
#: way would go through a temporary file on the web machine's disk.
CLIP = MP4_HEADER + os.urandom(6 * 1024 * 1024)


def test_a_clip_is_downloaded_whole_with_its_length(client_for, coordinator, arboga, media_storage):
    footage = FootageFactory(
        camera=CameraFactory(municipality=arboga), file=ContentFile(CLIP, name="klipp.mp4")
    )
    assert media_storage.holds(footage.file.name)

    response = client_for(coordinator).get(f"/cameras/footage/{footage.pk}/file/")

    assert response.status_code == 200
    assert response["Content-Length"] == str(len(CLIP))
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert b"".join(response.streaming_content) == CLIP


def test_a_clip_gone_from_the_storage_is_not_found_and_not_logged(
    client_for, coordinator, arboga, media_storage
):
    footage = FootageFactory(camera=CameraFactory(municipality=arboga))
    footage.file.storage.delete(footage.file.name)

    response = client_for(coordinator).get(f"/cameras/footage/{footage.pk}/file/")

    assert response.status_code == 404
    assert not AccessEntry.objects.exists()


def test_a_file_storage_that_does_not_answer_gets_a_page_saying_so(
    client_for, coordinator, arboga, settings
):
    footage = FootageFactory(camera=CameraFactory(municipality=arboga))
    with socket.socket() as nobody:  # a port of this machine that nothing listens on
        nobody.bind(("127.0.0.1", 0))
        endpoint = f"http://127.0.0.1:{nobody.getsockname()[1]}"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": object_storage(
            bucket="est-media", endpoint_url=endpoint, access_key="k", secret_key="s", region=""
        ),
    }
    client = client_for(coordinator)
    client.raise_request_exception = False

    response = client.get(f"/cameras/footage/{footage.pk}/file/")

    assert response.status_code == 503
    assert "Fillagringen går inte att nå" in response.text
    assert not AccessEntry.objects.exists()
