"""Uploaded images: checked, turned upright, stripped of all metadata, stored in a few widths.

Memory per upload stays bounded: the size is checked from the file's header before any pixel
is decoded (IMAGE_MAX_PIXELS, IMAGE_MAX_BYTES), a JPEG is decoded at a reduced scale
(`Image.draft`), and every image is shrunk to the largest size we store (MAX_SIDE) before
anything else is done with it. Only while an RGBA image is resampled does a second full-size
buffer exist (Pillow premultiplies the alpha first), and each process decodes one upload at a
time.
"""

import io
import threading
import uuid
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

WIDTHS = (480, 960, 1440)
# The stored image fits a square of this many pixels; the renditions are made from it.
MAX_SIDE = 2048
# MPO: the JPEG many phones write (a JPEG with a second, smaller picture after it).
FORMATS = {"JPEG", "MPO", "PNG", "WEBP"}
# Modes Pillow shrinks well as they are; others (palette, 1-bit, 16-bit) become RGB(A) first.
RESIZABLE_MODES = {"L", "LA", "RGB", "RGBA", "CMYK", "YCbCr"}
ALPHA_MODES = {"RGBA", "LA", "PA", "RGBa", "La"}
WEBP_MAX_PIXELS = 16_000_000

# One upload decoded at a time per process: the threads of a gunicorn worker (gthread) queue
# here instead of holding several full-size images at once (seconds at most; Pillow would use
# the same cores anyway).
_DECODING = threading.Lock()

# Pillow's own bomb guard, at our limit: it refuses at twice this already when it opens the
# file, and warns in between (which we turn into a refusal as well).
Image.MAX_IMAGE_PIXELS = settings.IMAGE_MAX_PIXELS


@dataclass
class CleanImage:
    """An upload checked and cleaned: upright pixels at most MAX_SIDE, no metadata at all."""

    image: Image.Image
    format: str  # "JPEG", or "PNG" for images with transparency

    @property
    def extension(self) -> str:
        return "jpg" if self.format == "JPEG" else "png"


def _refuse(message, code, **params):
    raise ValidationError(message, code=code, params=params or None)


def _max_pixels(fmt) -> int:
    if fmt == "WEBP":
        # Pillow decodes a WebP into the decoder's canvas, a copy of it, and then the image:
        # three full copies (17 MB per megapixel with alpha), so less of them.
        return min(settings.IMAGE_MAX_PIXELS, WEBP_MAX_PIXELS)
    return settings.IMAGE_MAX_PIXELS


def _too_many_pixels(fmt=None):
    _refuse(
        _(
            "This image has too many pixels (at most %(megapixels)s megapixels). Make it "
            "smaller, or choose another photo."
        ),
        "pixels",
        megapixels=_max_pixels(fmt) // 1_000_000,
    )


def _check_header(upload) -> Image.Image:
    """The opened image, its pixels not decoded yet: format, file size and pixel count checked."""
    if upload.size > settings.IMAGE_MAX_BYTES:
        _refuse(
            _("This file is larger than %(megabytes)s MB. Choose a smaller photo."),
            "too_large",
            megabytes=settings.IMAGE_MAX_BYTES // (1024 * 1024),
        )
    upload.seek(0)
    # Image.open reads the header only.
    image = Image.open(upload)
    if image.format not in FORMATS:
        _close(image)
        _refuse(_("Choose a JPEG, PNG or WebP image."), "format")
    if image.width * image.height > _max_pixels(image.format):
        _close(image)
        _too_many_pixels(image.format)
    return image


def _shrink(image: Image.Image) -> Image.Image:
    """Decode the image at no more than the size we store: JPEG scaled while decoding, others
    reduced right after. Modes that do not resize well are converted first."""
    if image.format in ("JPEG", "MPO"):
        # The size that fits MAX_SIDE; draft picks the smallest DCT scale (1/2, 1/4, 1/8)
        # that still covers it, so a 24 MP photo is decoded as 6 MP or less.
        scale = min(MAX_SIDE / image.width, MAX_SIDE / image.height, 1)
        fitted = (max(int(image.width * scale), 1), max(int(image.height * scale), 1))
        image.draft(image.mode, fitted)
    elif image.format == "WEBP":
        image.load()
        # Pillow keeps the decoder's canvas and a copy of it after decoding: drop both now.
        image._decoder = image.fp = None
    if image.mode not in RESIZABLE_MODES or "transparency" in image.info:
        has_alpha = image.mode in ALPHA_MODES or "transparency" in image.info
        image = _replace(image, image.convert("RGBA" if has_alpha else "RGB"))
    # In place: decodes, then reduces and resamples; a no-op for an image that fits.
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    image.load()
    return image


def _close(image: Image.Image) -> None:
    """Free the image's pixels now. The uploaded file it was read from stays open: it is the
    caller's (Pillow would close it too)."""
    image.fp = None
    if hasattr(image, "_fp"):
        image._fp = None
    image.close()


def _replace(old: Image.Image, new: Image.Image) -> Image.Image:
    _close(old)
    return new


def _clean(image: Image.Image) -> CleanImage:
    """Upright pixels only: a fresh image carries no EXIF, XMP, ICC or comments along."""
    upright = _replace(image, ImageOps.exif_transpose(image))
    has_alpha = upright.mode in ALPHA_MODES or "transparency" in upright.info
    mode = "RGBA" if has_alpha else "RGB"
    if upright.mode != mode:
        upright = _replace(upright, upright.convert(mode))
    bare = Image.frombytes(mode, upright.size, upright.tobytes())
    _close(upright)
    return CleanImage(bare, "PNG" if has_alpha else "JPEG")


def prepare_image(upload) -> CleanImage:
    """Check an upload and clean it; a ValidationError with a message for the form if it is
    not a sane JPEG, PNG or WebP."""
    if isinstance(upload, CleanImage):
        return upload
    try:
        with warnings.catch_warnings():
            # Between MAX_IMAGE_PIXELS and twice that Pillow only warns; we refuse.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = _check_header(upload)
            try:
                with _DECODING:
                    image = _shrink(image)
                return _clean(image)
            finally:
                _close(image)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        _too_many_pixels()
    except (OSError, SyntaxError, ValueError, Image.UnidentifiedImageError):
        _refuse(
            _("This file is not a complete image. Choose a JPEG, PNG or WebP photo."), "invalid"
        )
    finally:
        upload.seek(0)


def validate_image(upload) -> None:
    """Refuse anything that is not a sane JPEG, PNG or WebP, with a message for the form."""
    _close(prepare_image(upload).image)


def _encode(image: Image.Image, fmt: str) -> bytes:
    buffer = io.BytesIO()
    if fmt == "JPEG":
        image.save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    else:
        # Not `optimize`: ten times the time (seconds for one photo) for a file 10 % smaller.
        image.save(buffer, "PNG")
    return buffer.getvalue()


def rendition_name(name: str, width: int) -> str:
    stem, _dot, extension = name.rpartition(".")
    return f"{stem}-{width}.{extension}"


def store_image(upload, folder: str) -> str:
    """Store a cleaned copy under a generated name, plus its renditions; returns the name.

    `upload`: an uploaded file, or the CleanImage a form made of it (prepare_image)."""
    clean = prepare_image(upload)
    image, fmt = clean.image, clean.format
    try:
        name = default_storage.save(
            f"{folder}/{uuid.uuid4().hex}.{clean.extension}", ContentFile(_encode(image, fmt))
        )
        for width in WIDTHS:
            scaled = image.copy()
            scaled.thumbnail((width, width * 4))
            default_storage.save(rendition_name(name, width), ContentFile(_encode(scaled, fmt)))
            _close(scaled)
    finally:
        _close(image)
    return name


def srcset(name: str) -> str:
    return ", ".join(
        f"{default_storage.url(rendition_name(name, width))} {width}w" for width in WIDTHS
    )


def delete_image(name: str) -> None:
    """Remove a stored image and its renditions (e.g. when the save it was for failed)."""
    for stored in [name, *(rendition_name(name, width) for width in WIDTHS)]:
        default_storage.delete(stored)


def delete_images_later(names, *, in_use) -> None:
    """Once the current transaction commits, delete each stored image of `names` that
    `in_use(name)` says nothing refers to any more (a replaced photo or logo)."""
    names = {name for name in names if name}
    if not names:
        return

    def delete_unused():
        for name in names:
            if not in_use(name):
                delete_image(name)

    transaction.on_commit(delete_unused)
