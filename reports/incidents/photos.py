"""Cleaning uploaded photos: only JPEG, PNG, WebP and HEIC images up to 10 MB and 40 megapixels,
re-encoded without EXIF, with a thumbnail."""

import io
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError
from pillow_heif import register_heif_opener

# iPhones save photos as HEIC; Pillow reads them with pillow-heif's opener.
register_heif_opener()

MAX_PHOTO_BYTES = 10 * 1024 * 1024
#: Larger photos are scaled down: more pixels say nothing more about an incident.
MAX_SIDE = 2560
THUMBNAIL_SIDE = 320
#: Decoding costs memory by the pixel, not by the byte: a 7000 x 7000 PNG of 111 KB took 0.9 GB
#: and 4 s. 40 megapixels is more than a phone's ordinary photo (12-24); the size is read from
#: the file's header, before anything is decoded.
MAX_PIXELS = 40_000_000
# Pillow refuses outright at twice this (Django's image fields too), whoever opens the file.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
#: What phones and cameras save; anything else (GIF, TIFF, BMP, PSD…) is refused.
PHOTO_FORMATS = frozenset({"JPEG", "PNG", "WEBP", "HEIF"})


@dataclass
class CleanPhoto:
    image: ContentFile
    thumbnail: ContentFile


def _jpeg(image: Image.Image, name: str) -> ContentFile:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85, optimize=True)
    return ContentFile(buffer.getvalue(), name=name)


def _pixels_check(image: Image.Image) -> None:
    if image.width * image.height > MAX_PIXELS:
        raise ValidationError(
            {
                "photo": _(
                    "The photo has more than 40 megapixels (%(width)d × %(height)d). "
                    "Choose a smaller one or take it with the camera's normal setting."
                )
                % {"width": image.width, "height": image.height}
            },
            code="too_many_pixels",
        )


def _not_image() -> ValidationError:
    return ValidationError(
        {"photo": _("The file is not an image. Choose a photo (JPEG, PNG, WebP or HEIC).")},
        code="not_image",
    )


def _too_large() -> str:
    return _("The photo is larger than 10 MB. Choose a smaller one.")


def _size_check(upload) -> None:
    if upload.size > MAX_PHOTO_BYTES:
        raise ValidationError({"photo": _too_large()}, code="too_large")


def photo_size_clean(photo):
    """Return ``photo`` (an upload, or None), or raise the photo field's ValidationError when it
    is over MAX_PHOTO_BYTES: forms check the size before Pillow reads a huge file only to refuse
    it."""
    if photo and photo.size > MAX_PHOTO_BYTES:
        raise ValidationError(_too_large(), code="too_large")
    return photo


def photo_check(upload) -> None:
    """Check ``upload`` as photo_clean would refuse it, from its size and its header only (the
    format and the pixel dimensions, nothing decoded: about a millisecond), and leave it at its
    start. Raises the same ValidationErrors as photo_clean; a file whose header is sound but
    whose pixels are broken is found only when photo_clean decodes it."""
    _size_check(upload)
    try:
        upload.seek(0)
        with Image.open(upload, formats=sorted(PHOTO_FORMATS)) as header:
            _pixels_check(header)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as error:
        raise _not_image() from error
    finally:
        upload.seek(0)


def photo_clean(upload) -> CleanPhoto:
    """Return ``upload`` re-encoded as JPEG without any metadata, and its thumbnail.

    Raises ValidationError (on ``photo``) when the file is larger than 10 MB or 40 megapixels,
    or not a JPEG, PNG, WebP or HEIC image.
    The rotation the camera recorded in EXIF is applied to the pixels first, so the photo still
    stands the right way up; then only the pixels are kept: no GPS position, time or camera.
    """
    _size_check(upload)
    try:
        upload.seek(0)
        with Image.open(upload, formats=sorted(PHOTO_FORMATS)) as original:
            _pixels_check(original)
            original.load()
            upright = ImageOps.exif_transpose(original)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as error:
        raise _not_image() from error
    if upright.mode not in ("RGB", "L"):
        background = Image.new("RGB", upright.size, "white")
        rgba = upright.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        upright = background
    # A new image from the raw pixels carries none of the original's info, EXIF, XMP or ICC.
    pixels = Image.frombytes(upright.mode, upright.size, upright.tobytes())
    pixels.thumbnail((MAX_SIDE, MAX_SIDE))
    thumbnail = pixels.copy()
    thumbnail.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
    name = uuid.uuid4().hex
    return CleanPhoto(
        image=_jpeg(pixels, f"{name}.jpg"), thumbnail=_jpeg(thumbnail, f"{name}-thumb.jpg")
    )
