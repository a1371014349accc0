"""Photos: only images up to 10 MB, and nothing of the camera's EXIF (GPS above all) is kept."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from est.uploads import files_removed_on_rollback
from reports.incidents.filing import incident_photo_add
from reports.incidents.models import Incident
from reports.incidents.photos import MAX_PHOTO_BYTES, THUMBNAIL_SIDE, photo_clean
from tests.reports.conftest import jpeg_with_gps


def upload(data: bytes, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type)


def test_the_test_photo_really_has_gps():
    exif = Image.open(io.BytesIO(jpeg_with_gps())).getexif()

    assert exif.get_ifd(0x8825)[2] == (59.0, 23.0, 37.0)


@pytest.mark.usefixtures("media_storage")
def test_exif_and_gps_are_stripped_from_a_filed_photo(reporter, arboga, file_incident):
    incident = file_incident(reporter, arboga, photos=[upload(jpeg_with_gps())])

    photo = incident.photos.get()
    with photo.image.open("rb") as stored:
        image = Image.open(stored)
        assert image.size == (640, 480)
        assert dict(image.getexif()) == {}
        assert "exif" not in image.info
    with photo.thumbnail.open("rb") as stored:
        assert max(Image.open(stored).size) == THUMBNAIL_SIDE
    assert b"Test Camera X100" not in photo.image.open("rb").read()


def test_a_png_with_transparency_becomes_a_jpeg():
    image = Image.new("RGBA", (50, 40), (0, 0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")

    cleaned = photo_clean(upload(buffer.getvalue(), "a.png", "image/png"))

    assert Image.open(cleaned.image).format == "JPEG"


def test_a_file_that_is_not_an_image_is_refused(reporter, arboga, file_incident):
    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        file_incident(
            reporter, arboga, photos=[upload(b"%PDF-1.4 not a photo", "a.pdf", "application/pdf")]
        )

    assert excinfo.value.message_dict["photo"] == [
        "The file is not an image. Choose a photo (JPEG, PNG, WebP or HEIC)."
    ]
    assert not Incident.objects.exists()


def test_a_photo_over_10_mb_is_refused():
    big = upload(b"\xff\xd8" + b"0" * MAX_PHOTO_BYTES)

    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        photo_clean(big)

    assert excinfo.value.message_dict["photo"] == [
        "The photo is larger than 10 MB. Choose a smaller one."
    ]


def test_the_filing_page_refuses_a_big_photo_next_to_the_field(client_for, reporter, arboga):
    from .test_filing_page import URL, form_data

    data = {**form_data(arboga), "photo": upload(b"\xff\xd8" + b"0" * MAX_PHOTO_BYTES)}

    response = client_for(reporter).post(URL, data)

    assert response.status_code == 200
    assert response.context["form"].errors["photo"]
    assert not Incident.objects.exists()


@pytest.mark.usefixtures("media_storage")
def test_a_photo_can_be_added_later_by_the_reporter(reporter, arboga, file_incident):
    incident = file_incident(reporter, arboga)

    photo = incident_photo_add(incident=incident, by=reporter, upload=upload(jpeg_with_gps()))

    assert photo.incident == incident
    assert photo.width == 640


def _encoded(image: Image.Image, format: str) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=format)
    return buffer.getvalue()


def test_a_small_file_of_too_many_pixels_is_refused_from_its_header(client_for, reporter, arboga):
    from .test_filing_page import URL, form_data

    # 7000 x 7000 of one colour compresses to about 100 KB; decoded it would take 150 MB and
    # more. Pillow reads the size from the header and the photo is refused before decoding.
    bomb = _encoded(Image.new("L", (7000, 7000)), "PNG")
    assert len(bomb) < 200_000
    data = {**form_data(arboga), "description": "Klotter på skolan", "photo": upload(bomb, "a.png")}

    response = client_for(reporter).post(URL, data)

    assert response.status_code == 200
    assert response.context["form"].errors["photo"] == [
        "Fotot har mer än 40 megapixlar (7000 × 7000). Välj ett mindre eller ta det med "
        "kamerans vanliga inställning."
    ]
    assert "Klotter på skolan" in response.content.decode()
    assert not Incident.objects.exists()


def test_a_gif_is_not_a_photo():
    gif = _encoded(Image.new("RGB", (20, 20)), "GIF")

    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        photo_clean(upload(gif, "a.gif", "image/gif"))

    assert excinfo.value.message_dict["photo"] == [
        "The file is not an image. Choose a photo (JPEG, PNG, WebP or HEIC)."
    ]


@pytest.mark.parametrize("format", ["HEIF", "WEBP"])
def test_iphone_heic_and_webp_photos_are_taken(format):
    photo = _encoded(Image.new("RGB", (300, 200), "red"), format)

    cleaned = photo_clean(upload(photo, f"IMG_0001.{format.lower()}", f"image/{format.lower()}"))

    assert Image.open(cleaned.image).size == (300, 200)


@pytest.mark.usefixtures("media_storage")
def test_photos_of_a_filing_that_rolls_back_are_deleted(reporter, arboga, file_incident):
    names = []

    def file_then_fail():
        with files_removed_on_rollback():
            incident = file_incident(reporter, arboga, photos=[upload(jpeg_with_gps())])
            photo = incident.photos.get()
            names.extend([photo.image.name, photo.thumbnail.name])
            assert all(default_storage.exists(name) for name in names)
            # Whatever fails after the photos were written (here: the caller's own work) undoes
            # the filing; the files must go with its rows.
            raise RuntimeError

    with pytest.raises(RuntimeError):
        file_then_fail()

    assert not Incident.objects.exists()
    assert names
    assert not any(default_storage.exists(name) for name in names)
