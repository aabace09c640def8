"""Uploaded images: checked, turned upright, stripped of all metadata, stored in a few widths."""

import io
import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
WIDTHS = (480, 960, 1440)
FORMATS = {"JPEG", "PNG", "WEBP"}

# Pillow's own bomb guard, at our limit: twice this raises instead of warning.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS


def _refuse(message, code):
    raise ValidationError(message, code=code)


def _open_checked(upload) -> Image.Image:
    if upload.size > MAX_BYTES:
        _refuse(_("This file is larger than 10 MB. Choose a smaller photo."), "too_large")
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Between MAX_IMAGE_PIXELS and twice that Pillow only warns; we refuse.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
            if image.format not in FORMATS:
                _refuse(_("Choose a JPEG, PNG or WebP image."), "format")
            if image.width * image.height > MAX_PIXELS:
                _refuse(_("This image has too many pixels (at most 40 megapixels)."), "pixels")
            image.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        _refuse(_("This image has too many pixels (at most 40 megapixels)."), "pixels")
    except (OSError, SyntaxError, ValueError, Image.UnidentifiedImageError):
        _refuse(
            _("This file is not a complete image. Choose a JPEG, PNG or WebP photo."), "invalid"
        )
    return image


def _clean(image: Image.Image) -> tuple[Image.Image, str]:
    """Upright pixels only: a fresh image carries no EXIF, XMP, ICC or comments along."""
    upright = ImageOps.exif_transpose(image)
    has_alpha = upright.mode in ("RGBA", "LA", "PA") or (
        upright.mode == "P" and "transparency" in upright.info
    )
    mode = "RGBA" if has_alpha else "RGB"
    converted = upright.convert(mode)
    bare = Image.frombytes(mode, converted.size, converted.tobytes())
    return bare, ("PNG" if has_alpha else "JPEG")


def _encode(image: Image.Image, fmt: str) -> bytes:
    buffer = io.BytesIO()
    if fmt == "JPEG":
        image.save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    else:
        image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def rendition_name(name: str, width: int) -> str:
    stem, _dot, extension = name.rpartition(".")
    return f"{stem}-{width}.{extension}"


def validate_image(upload) -> None:
    """Refuse anything that is not a sane JPEG, PNG or WebP, with a message for the form."""
    _open_checked(upload).close()
    upload.seek(0)


def store_image(upload, folder: str) -> str:
    """Store a cleaned copy under a generated name, plus its renditions; returns the name."""
    image, fmt = _clean(_open_checked(upload))
    extension = "jpg" if fmt == "JPEG" else "png"
    name = default_storage.save(
        f"{folder}/{uuid.uuid4().hex}.{extension}", ContentFile(_encode(image, fmt))
    )
    for width in WIDTHS:
        scaled = image.copy()
        scaled.thumbnail((width, width * 4))
        default_storage.save(rendition_name(name, width), ContentFile(_encode(scaled, fmt)))
    return name


def srcset(name: str) -> str:
    return ", ".join(
        f"{default_storage.url(rendition_name(name, width))} {width}w" for width in WIDTHS
    )


def delete_image(name: str) -> None:
    """Remove a stored image and its renditions (e.g. when the save it was for failed)."""
    for stored in [name, *(rendition_name(name, width) for width in WIDTHS)]:
        default_storage.delete(stored)
