"""Tips: sending one (the place inside the municipality, spam and abuse held back), the
coordinator's decisions, the tipper's mails and status page, the public map, and other
municipalities' users who see nothing."""

import datetime
import io
import time

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from dialogues.measures.models import Measure
from dialogues.tips.mails import tip_emails_erase
from dialogues.tips.models import Tip
from dialogues.tips.photos import tip_photo_clean
from dialogues.tips.services import tip_close, tip_merge, tip_publish
from reports.incidents.categories import category_create
from reports.incidents.models import Incident
from tests.dialogues.findings import street_department
from tests.dialogues.tips.helpers import inside, tip_in
from tests.worker import celery_worker

pytestmark = pytest.mark.django_db


def _form(municipality, **changes):
    latitude, longitude = inside(municipality)
    return {
        "latitude": latitude,
        "longitude": longitude,
        "place_name": "Gångvägen vid Ekbacksskolan",
        "category": "lighting",
        "description": "Tre lampor är trasiga, helt mörkt på kvällen.",
        "email": "boende@example.se",
        "website": "",
        **changes,
    }


def _jpeg_with_gps() -> SimpleUploadedFile:
    image = Image.new("RGB", (80, 60), (200, 40, 40))
    exif = Image.Exif()
    exif[0x8825] = {2: (59.0, 23.0, 0.0)}  # a GPS position, which must not survive
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return SimpleUploadedFile("lampa.jpg", buffer.getvalue(), content_type="image/jpeg")


def test_a_resident_sends_a_tip_with_a_photo_and_follows_it(client, arboga, media_storage):
    page = client.get(reverse("public_tip_create", args=[arboga.code]))
    assert "112" in page.text
    assert "114 14" in page.text
    response = client.post(
        reverse("public_tip_create", args=[arboga.code]),
        _form(arboga, photo=_jpeg_with_gps()),
    )
    tip = Tip.objects.get()
    assert response.url == reverse("public_tip_status", args=[tip.token])
    assert len(tip.token) >= 32
    # Held as it came until the worker has cleaned it (tip_photo_clean, the task's work).
    assert not tip.photo
    original = tip.photo_original.name
    assert media_storage.holds(original)
    assert tip_photo_clean(tip_pk=tip.pk) == "cleaned"
    assert tip_photo_clean(tip_pk=tip.pk) == "nothing to do"
    tip.refresh_from_db()
    assert not tip.photo_original
    # The phone's file, with its position, is gone; only the cleaned photo is kept.
    assert not media_storage.holds(original)
    assert media_storage.holds(tip.photo.name)
    with Image.open(tip.photo.open("rb")) as stored:
        assert not stored.getexif()
    status = client.get(response.url)
    assert "Mottaget. Samordnaren läser det snart." in status.text
    assert "boende@example.se" not in status.text
    # Nothing is public before the coordinator approves it.
    assert "Tre lampor" not in client.get(reverse("public_tips", args=[arboga.code])).text


def test_a_tip_outside_the_municipality_is_refused_with_everything_kept(client, arboga, kungsor):
    latitude, longitude = inside(kungsor)
    response = client.post(
        reverse("public_tip_create", args=[arboga.code]),
        _form(arboga, latitude=latitude, longitude=longitude),
    )
    assert response.status_code == 400
    assert "Positionen ligger i Kungsör, inte i Arboga." in response.text
    assert "Tre lampor är trasiga, helt mörkt på kvällen." in response.text
    assert 'value="boende@example.se"' in response.text
    assert 'value="Gångvägen vid Ekbacksskolan"' in response.text
    assert not Tip.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"latitude": "", "longitude": ""},
        {"latitude": "abc"},
        {"category": "<script>"},
        {"description": ""},
        {"email": "inte en adress"},
        {"photo": SimpleUploadedFile("x.jpg", b"not an image", content_type="image/jpeg")},
        {"description": "x" * 5000},
    ],
)
def test_bad_input_is_answered_with_a_message_never_a_500(client, arboga, changes):
    response = client.post(
        reverse("public_tip_create", args=[arboga.code]), _form(arboga, **changes)
    )
    assert response.status_code == 400
    assert "Något behöver rättas" in response.text
    assert not Tip.objects.exists()


def test_spam_is_held_back(client, arboga):
    url = reverse("public_tip_create", args=[arboga.code])
    client.post(url, _form(arboga, website="http://spam.example"))
    assert not Tip.objects.exists()
    for _ in range(10):
        assert client.post(url, _form(arboga)).status_code == 302
    response = client.post(url, _form(arboga))
    assert response.status_code == 429
    assert "många tips på kort tid" in response.text
    assert Tip.objects.count() == 10


def test_the_coordinator_records_a_tip_as_an_incident(
    client_for, coordinator, arboga, django_capture_on_commit_callbacks
):
    lamp = category_create(municipality=arboga, name="Belysning")
    tip = tip_in(arboga, email="boende@example.se")
    client = client_for(coordinator)
    page = client.get(reverse("tip_detail", args=[tip.pk]))
    assert "Mörk gångväg bakom skolan" in page.text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("tip_decide", args=[tip.pk, "incident"]), {"category": lamp.pk}
        )
    assert response.status_code == 302
    tip.refresh_from_db()
    incident = tip.incident
    assert tip.status == "recorded"
    assert incident.source == Incident.Source.TIP
    assert list(incident.tips.all()) == [tip]
    assert incident.position.equals_exact(tip.position, 0.01)
    (message,) = mail.outbox
    assert message.to == ["boende@example.se"]
    assert message.subject == "Ditt tips: Registrerat som händelse"
    assert f"/otrygga-platser/status/{tip.token}/" in message.body
    # Decided once: a second decision is refused with a message, not a 500.
    again = client.post(reverse("tip_decide", args=[tip.pk, "close"]), {"reason": "Dubblett"})
    assert again.status_code == 400
    assert "redan beslutats" in again.text


def test_the_coordinator_passes_a_tip_on_as_a_measure(
    client_for, coordinator, arboga, django_capture_on_commit_callbacks
):
    street = street_department(arboga)
    tip = tip_in(arboga, email="boende@example.se")
    client = client_for(coordinator)
    empty = client.post(reverse("tip_decide", args=[tip.pk, "measure"]), {"title": ""})
    assert empty.status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("tip_decide", args=[tip.pk, "measure"]),
            {"title": "Byt lamporna", "responsible": street.pk, "contact": "gata@example.se"},
        )
    assert response.status_code == 302
    measure = Measure.objects.get()
    assert list(measure.tips.all()) == [tip]
    assert (
        "Mörk gångväg bakom skolan" in client.get(reverse("measure_detail", args=[measure.pk])).text
    )
    status = client.get(reverse("public_tip_status", args=[tip.token])).text
    assert "Lämnat till Tekniska förvaltningen som en åtgärd." in status
    assert mail.outbox[0].subject == "Ditt tips: Lämnat vidare som åtgärd"


def test_duplicates_nearby_are_suggested_and_merged(client_for, coordinator, arboga):
    first = tip_in(arboga)
    second = tip_in(arboga, east=40, description="Samma mörka väg")
    far = tip_in(arboga, east=2000, description="Långt bort")
    client = client_for(coordinator)
    page = client.get(reverse("tip_detail", args=[second.pk])).text
    assert f"#{first.pk} " in page
    assert f"#{far.pk} " not in page
    client.post(reverse("tip_decide", args=[second.pk, "merge"]), {"into": far.pk})
    second.refresh_from_db()
    assert second.status == "new"
    client.post(reverse("tip_decide", args=[second.pk, "merge"]), {"into": first.pk})
    second.refresh_from_db()
    assert second.merged_into == first
    assert second.status == "merged"


def test_a_closed_tip_says_why_and_only_published_tips_are_public(client_for, coordinator, arboga):
    with pytest.raises(ValidationError, match="Ange varför"):
        tip_close(tip=tip_in(arboga, description="Annat"), by=coordinator, reason=" ")
    tip = tip_in(arboga, email="boende@example.se")
    tip_close(tip=tip, by=coordinator, reason="Kommunen äger inte marken; vi har sagt till ägaren.")
    client = client_for(coordinator)
    assert client.post(reverse("tip_publish", args=[tip.pk]), {"published": "1"}).status_code == 302
    public = client.get(reverse("public_tips", args=[arboga.code])).text
    assert "Avslutad" in public
    assert "bakom skolan" not in public
    assert "boende@example.se" not in public
    status = client.get(reverse("public_tip_status", args=[tip.token])).text
    assert "Kommunen äger inte marken" in status


def test_a_merged_tip_cannot_be_published(coordinator, arboga):
    first, second = tip_in(arboga), tip_in(arboga, east=10)
    tip_merge(tip=second, into=first, by=coordinator)
    with pytest.raises(ValidationError, match="sammanslaget tips visas"):
        tip_publish(tip=second, by=coordinator, published=True)


def test_another_municipalitys_user_and_residents_see_nothing(client_for, outsider, arboga):
    tip = tip_in(arboga, email="boende@example.se")
    client = client_for(outsider)
    for url in [
        reverse("tip_detail", args=[tip.pk]),
        reverse("tip_photo", args=[tip.pk]),
        reverse("tip_decide", args=[tip.pk, "close"]),
        reverse("tip_publish", args=[tip.pk]),
    ]:
        assert client.get(url).status_code in (404, 403), url
        assert client.post(url, {"reason": "x", "published": "1"}).status_code in (404, 403), url
    assert "Mörk gångväg" not in client.get(reverse("tip_queue")).text
    tip.refresh_from_db()
    assert tip.status == "new"
    assert not tip.published


def test_tippers_addresses_are_erased_after_180_days(coordinator, arboga):
    tip = tip_in(arboga, email="boende@example.se")
    tip_close(tip=tip, by=coordinator, reason="Åtgärdat")
    assert tip_emails_erase(now=timezone.now() + datetime.timedelta(days=179)) == 0
    assert tip_emails_erase(now=timezone.now() + datetime.timedelta(days=181)) == 1
    tip.refresh_from_db()
    assert tip.email == ""


def test_the_coordinator_sees_the_photo_only_once_it_is_cleaned(
    client, client_for, coordinator, arboga, media_storage
):
    client.post(
        reverse("public_tip_create", args=[arboga.code]), _form(arboga, photo=_jpeg_with_gps())
    )
    tip = Tip.objects.get()
    staff = client_for(coordinator)
    assert "Fotot bearbetas" in staff.get(reverse("tip_detail", args=[tip.pk])).text
    assert staff.get(reverse("tip_photo", args=[tip.pk])).status_code == 404

    tip_photo_clean(tip_pk=tip.pk)

    assert "Fotot bearbetas" not in staff.get(reverse("tip_detail", args=[tip.pk])).text
    served = staff.get(reverse("tip_photo", args=[tip.pk]))
    assert served.status_code == 200
    with Image.open(io.BytesIO(b"".join(served.streaming_content))) as image:
        assert dict(image.getexif()) == {}


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_cleans_the_photo_of_a_tip(client, arboga, media_storage):
    with celery_worker(env=media_storage.env):
        client.post(
            reverse("public_tip_create", args=[arboga.code]),
            _form(arboga, photo=_jpeg_with_gps()),
        )
        deadline = time.monotonic() + 60
        while not Tip.objects.get().photo:
            assert time.monotonic() < deadline, "the worker did not clean the photo in 60 s"
            time.sleep(0.2)
    tip = Tip.objects.get()
    assert not tip.photo_original
    with Image.open(tip.photo.open("rb")) as image:
        assert dict(image.getexif()) == {}
