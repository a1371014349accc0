"""The walks' API: walks and findings read, findings recorded once per key (201, then 200 with
the same finding), photos without EXIF, audits; another municipality's are 404 everywhere."""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dialogues.walks.categories import finding_categories
from dialogues.walks.models import Finding, FindingPhoto, StretchAudit
from dialogues.walks.recording import finding_photo_add
from tests.dialogues.walks.helpers import inside, walk_under_way
from tests.dialogues.walks.test_recording import record
from tests.reports.conftest import jpeg_with_gps


def point_json(point):
    wgs84 = point.transform(4326, clone=True)
    return {"type": "Point", "coordinates": [wgs84.x, wgs84.y]}


def finding_body(walk, key, **changes):
    return {
        "walk": walk.pk,
        "category": finding_categories(walk.municipality).get(code="lighting").pk,
        "position": point_json(inside(walk.municipality, 20, 30)),
        "description": "Mörk gångtunnel",
        "unsafe": 5,
        "submission_key": str(key),
        **changes,
    }


def test_a_finding_is_created_once_and_a_resend_answers_200_with_it(api_for, walk, police):
    api = api_for(police)
    key = uuid.uuid4()
    first = api.post("/api/v1/walk-findings/", finding_body(walk, key), format="json")
    again = api.post("/api/v1/walk-findings/", finding_body(walk, key), format="json")
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert first.json()["position"]["type"] == "Point"
    assert Finding.objects.count() == 1
    listed = api.get(f"/api/v1/walk-findings/?walk={walk.pk}").json()
    assert [f["description"] for f in listed["results"]] == ["Mörk gångtunnel"]


def test_a_finding_outside_the_municipality_is_400_with_the_reason(api_for, walk, police, kungsor):
    body = finding_body(walk, uuid.uuid4(), position=point_json(kungsor.boundary.centroid))
    answer = api_for(police).post("/api/v1/walk-findings/", body, format="json")
    assert answer.status_code == 400
    assert "Kungsör" in answer.json()["position"][0]


@pytest.mark.usefixtures("media_storage")
def test_photos_are_stored_once_without_exif(
    api_for, client_for, walk, coordinator, django_capture_on_commit_callbacks
):
    finding, _created = record(walk, coordinator)
    api = api_for(coordinator)
    key = str(uuid.uuid4())

    def send():
        upload = SimpleUploadedFile("lampa.jpg", jpeg_with_gps(), "image/jpeg")
        return api.post(
            f"/api/v1/walk-findings/{finding.pk}/photos/",
            {"photo": upload, "submission_key": key},
            format="multipart",
        )

    with django_capture_on_commit_callbacks(execute=True):
        first, again = send(), send()
    assert (first.status_code, again.status_code) == (201, 200)
    assert (first.json()["processing"], first.json()["url"]) == (True, None)
    photo = FindingPhoto.objects.get()
    assert b"Test Camera X100" not in photo.image.open("rb").read()
    detail = api_for(coordinator).get(f"/api/v1/walk-findings/{finding.pk}/").json()
    assert detail["photos"][0]["processing"] is False
    served = client_for(coordinator).get(detail["photos"][0]["url"])
    assert served.status_code == 200
    assert served["Content-Type"] == "image/jpeg"


def test_an_audit_is_recorded_once(api_for, walk, coordinator):
    body = {
        "walk": walk.pk,
        "stretch": 1,
        "stretch_name": "Torget",
        "lighting": 2,
        "feeling": None,
        "submission_key": str(uuid.uuid4()),
    }
    api = api_for(coordinator)
    first = api.post("/api/v1/walk-audits/", body, format="json")
    again = api.post("/api/v1/walk-audits/", body, format="json")
    assert (first.status_code, again.status_code) == (201, 200)
    assert StretchAudit.objects.get().lighting == 2


def test_another_municipalitys_walks_findings_and_photos_are_404(
    api_for, client_for, arboga, coordinator, outsider, django_capture_on_commit_callbacks
):
    walk = walk_under_way(arboga, coordinator)
    finding, _created = record(walk, coordinator)
    photo_key = uuid.uuid4()
    upload = SimpleUploadedFile("lampa.jpg", jpeg_with_gps(), "image/jpeg")
    with django_capture_on_commit_callbacks(execute=True):
        photo, _created = finding_photo_add(
            finding=finding, by=coordinator, submission_key=photo_key, upload=upload
        )
    api = api_for(outsider)
    assert api.get(f"/api/v1/walks/{walk.pk}/").status_code == 404
    assert api.get("/api/v1/walks/").json()["results"] == []
    assert api.get(f"/api/v1/walk-findings/{finding.pk}/").status_code == 404
    assert api.get(f"/api/v1/walk-findings/?walk={walk.pk}").status_code == 400
    assert api.get("/api/v1/walk-findings/").json()["results"] == []
    outsider_post = api.post(
        "/api/v1/walk-findings/", finding_body(walk, uuid.uuid4()), format="json"
    )
    assert outsider_post.status_code == 400
    assert "walk" in outsider_post.json()
    upload = SimpleUploadedFile("lampa.jpg", jpeg_with_gps(), "image/jpeg")
    assert (
        api.post(
            f"/api/v1/walk-findings/{finding.pk}/photos/",
            {"photo": upload, "submission_key": str(uuid.uuid4())},
            format="multipart",
        ).status_code
        == 404
    )
    client = client_for(outsider)
    assert client.get(reverse("walk_record", args=[walk.pk])).status_code == 404
    for name in ("walk_finding_create", "walk_audit", "walk_participants"):
        assert client.post(reverse(name, args=[walk.pk]), {}).status_code == 404
    for size in ("image", "thumbnail"):
        url = reverse("walk_finding_photo", args=[walk.pk, photo.pk, size])
        assert client.get(url).status_code == 404
    assert client.get(reverse("finding_categories", args=[arboga.code])).status_code == 404
    assert Finding.objects.count() == 1
