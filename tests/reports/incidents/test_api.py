"""The incident API: GeoJSON out, filing with an idempotency key, correcting, same scoping."""

import datetime
import uuid

import pytest
from django.utils import timezone

from reports.incidents.models import Incident
from tests.reports.conftest import category_of, centre_of, lat_lon_of


def payload(municipality, **overrides):
    lat, lon = lat_lon_of(centre_of(municipality))
    moment = (timezone.now() - datetime.timedelta(hours=3)).isoformat()
    data = {
        "category": category_of(municipality).pk,
        "occurred_from": moment,
        "position": {"type": "Point", "coordinates": [lon, lat]},
        "description": "Via API",
        "idempotency_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def test_filing_through_the_api_and_resending(api_for, reporter, arboga):
    api = api_for(reporter)
    data = payload(arboga)

    first = api.post("/api/v1/incidents/", data, format="json")
    again = api.post("/api/v1/incidents/", data, format="json")

    assert first.status_code == 201, first.json()
    assert again.json()["id"] == first.json()["id"]
    assert Incident.objects.count() == 1
    feature = first.json()
    assert feature["type"] == "Feature"
    assert feature["properties"]["municipality"] == "1984"
    lat, lon = lat_lon_of(centre_of(arboga))
    assert feature["geometry"]["coordinates"] == pytest.approx([lon, lat], abs=1e-6)


def test_the_api_names_the_other_municipality(api_for, reporter, arboga, kungsor):
    lat, lon = lat_lon_of(centre_of(kungsor))
    data = {**payload(arboga), "municipality": "1984"}
    data["position"] = {"type": "Point", "coordinates": [lon, lat]}

    response = api_for(reporter).post("/api/v1/incidents/", data, format="json")

    assert response.status_code == 400
    assert "Kungsör" in response.json()["position"][0]


def test_the_api_needs_an_idempotency_key(api_for, reporter, arboga):
    data = payload(arboga)
    del data["idempotency_key"]

    response = api_for(reporter).post("/api/v1/incidents/", data, format="json")

    assert response.status_code == 400
    assert "idempotency_key" in response.json()


def test_the_api_refuses_a_category_the_caller_cannot_see(api_for, outsider, arboga, kungsor):
    data = payload(kungsor, category=category_of(arboga).pk)

    response = api_for(outsider).post("/api/v1/incidents/", data, format="json")

    assert response.status_code == 400
    assert "category" in response.json()


def test_the_api_list_filters_like_the_page(api_for, coordinator, reporter, arboga, file_incident):
    file_incident(reporter, arboga, category=category_of(arboga, "fire"), description="Brand")
    file_incident(reporter, arboga, description="Klotter")

    response = api_for(coordinator).get("/api/v1/incidents/", {"category": "Brand/anlagd brand"})

    features = response.json()["results"]["features"]
    assert [f["properties"]["description"] for f in features] == ["Brand"]


def test_the_reporter_corrects_through_the_api(api_for, reporter, arboga, file_incident):
    incident = file_incident(reporter, arboga)

    response = api_for(reporter).patch(
        f"/api/v1/incidents/{incident.pk}/", {"description": "Rättad"}, format="json"
    )

    assert response.status_code == 200, response.json()
    incident.refresh_from_db()
    assert incident.description == "Rättad"


def test_the_api_refuses_a_correction_after_48_hours(api_for, reporter, arboga, file_incident):
    incident = file_incident(reporter, arboga)
    Incident.objects.filter(pk=incident.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=3)
    )

    response = api_for(reporter).patch(
        f"/api/v1/incidents/{incident.pk}/", {"description": "För sent"}, format="json"
    )

    assert response.status_code == 403


def test_police_read_but_do_not_file_through_the_api(api_for, police, arboga):
    api = api_for(police)

    assert api.get("/api/v1/incidents/").status_code == 200
    assert api.post("/api/v1/incidents/", payload(arboga), format="json").status_code == 403


def test_categories_are_scoped(api_for, outsider, kungsor, arboga):
    response = api_for(outsider).get("/api/v1/incident-categories/")

    municipalities = {c["municipality"] for c in response.json()["results"]}
    assert municipalities == {"1960"}


def test_a_photo_through_the_api_loses_its_gps(api_for, reporter, arboga, file_incident):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from tests.reports.conftest import jpeg_with_gps

    incident = file_incident(reporter, arboga)
    api = api_for(reporter)

    response = api.post(
        f"/api/v1/incidents/{incident.pk}/photos/",
        {"photo": SimpleUploadedFile("p.jpg", jpeg_with_gps(), "image/jpeg")},
        format="multipart",
    )

    assert response.status_code == 201, response.json()
    with incident.photos.get().image.open("rb") as stored:
        assert dict(Image.open(stored).getexif()) == {}
    detail = api.get(f"/api/v1/incidents/{incident.pk}/").json()
    assert detail["properties"]["photos"][0]["thumbnail_url"].endswith("/thumbnail/")


def test_a_non_image_through_the_api_is_refused(api_for, reporter, arboga, file_incident):
    from django.core.files.uploadedfile import SimpleUploadedFile

    incident = file_incident(reporter, arboga)

    response = api_for(reporter).post(
        f"/api/v1/incidents/{incident.pk}/photos/",
        {"photo": SimpleUploadedFile("a.txt", b"hello", "text/plain")},
        format="multipart",
    )

    assert response.status_code == 400
    assert "photo" in response.json()


def test_triage_through_the_api(api_for, coordinator, reporter, police, arboga, file_incident):
    incident = file_incident(reporter, arboga)
    url = f"/api/v1/incidents/{incident.pk}/triage/"

    assert api_for(police).post(url, {"status": "closed"}, format="json").status_code == 403
    refused = api_for(coordinator).post(url, {"status": "needs_information"}, format="json")
    asked = api_for(coordinator).post(
        url, {"status": "needs_information", "triage_note": "Vilken vägg?"}, format="json"
    )

    assert refused.status_code == 400
    assert "triage_note" in refused.json()
    assert asked.status_code == 200
    assert asked.json()["properties"]["status"] == "needs_information"


def test_the_outsider_cannot_add_photos_or_triage(
    api_for, outsider, reporter, arboga, file_incident
):
    incident = file_incident(reporter, arboga)
    api = api_for(outsider)

    assert (
        api.post(f"/api/v1/incidents/{incident.pk}/triage/", {"status": "closed"}).status_code
        == 404
    )
    assert api.post(f"/api/v1/incidents/{incident.pk}/photos/", {}).status_code == 404


def test_an_empty_page_number_is_refused_not_read_as_the_first_page(api_for, coordinator):
    api = api_for(coordinator)

    empty = api.get("/api/v1/incident-categories/?page=")
    first = api.get("/api/v1/incident-categories/?page=1")

    assert empty.status_code == 404
    assert empty.json()["detail"] == "Sidan måste vara ett heltal, 1 eller högre."
    assert first.status_code == 200
