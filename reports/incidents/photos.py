"""Cleaning uploaded photos: only images up to 10 MB, re-encoded without EXIF, with a thumbnail."""

import io
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_PHOTO_BYTES = 10 * 1024 * 1024
#: Larger photos are scaled down: more pixels say nothing more about an incident.
MAX_SIDE = 2560
THUMBNAIL_SIDE = 320
#: Refuse decompression bombs well before Pillow's own limit.
MAX_PIXELS = 50_000_000


@dataclass
class CleanPhoto:
    image: ContentFile
    thumbnail: ContentFile


def _jpeg(image: Image.Image, name: str) -> ContentFile:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85, optimize=True)
    return ContentFile(buffer.getvalue(), name=name)


def photo_clean(upload) -> CleanPhoto:
    """Return ``upload`` re-encoded as JPEG without any metadata, and its thumbnail.

    Raises ValidationError (on ``photo``) when the file is larger than 10 MB or not an image.
    The rotation the camera recorded in EXIF is applied to the pixels first, so the photo still
    stands the right way up; then only the pixels are kept: no GPS position, time or camera.
    """
    if upload.size > MAX_PHOTO_BYTES:
        raise ValidationError(
            {"photo": _("The photo is larger than 10 MB. Choose a smaller one.")}, code="too_large"
        )
    try:
        upload.seek(0)
        with Image.open(upload) as original:
            if original.width * original.height > MAX_PIXELS:
                raise ValidationError({"photo": _("The photo has too many pixels.")})
            original.load()
            upright = ImageOps.exif_transpose(original)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as error:
        raise ValidationError(
            {"photo": _("The file is not an image. Choose a photo (JPEG, PNG or WebP).")},
            code="not_image",
        ) from error
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
