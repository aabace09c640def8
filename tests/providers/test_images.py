"""Uploaded images: metadata stripped, renditions made, bad files refused with a message."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image, PngImagePlugin

from providers import images
from tests.helpers import jpeg_with_gps


def upload(content: bytes, name="photo.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_gps_exif_is_stripped_and_orientation_applied():
    raw = jpeg_with_gps()
    assert Image.open(io.BytesIO(raw)).getexif()
    name = images.store_image(upload(raw), "activities")
    assert len(name.split("/")[-1].split(".")[0]) == 32
    for stored in [name, *(images.rendition_name(name, width) for width in images.WIDTHS)]:
        data = default_storage.open(stored).read()
        result = Image.open(io.BytesIO(data))
        assert not result.getexif()
        assert b"Exif" not in data and b"GPS" not in data and b"http://ns.adobe.com/xap" not in data
        assert "icc_profile" not in result.info
    # Orientation 6 turned the landscape photo upright (portrait).
    original = Image.open(default_storage.open(name))
    assert original.size == (900, 1600)
    assert images.srcset(name).count("w,") == len(images.WIDTHS) - 1


def _refused(content, name="photo.jpg"):
    with pytest.raises(ValidationError) as error:
        images.validate_image(upload(content, name))
    return error.value.code


def test_decompression_bomb_is_refused():
    buffer = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(buffer, "PNG")
    assert _refused(buffer.getvalue(), "bomb.png") == "pixels"


def test_truncated_jpeg_is_refused():
    assert _refused(jpeg_with_gps()[:4000]) == "invalid"


def test_text_file_renamed_jpg_is_refused():
    assert _refused(b"Dit is geen foto, maar tekst.\n" * 20) == "invalid"


def test_other_formats_are_refused():
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20)).save(buffer, "GIF")
    assert _refused(buffer.getvalue(), "anim.gif") == "format"


def test_oversized_file_is_refused(settings):
    assert _refused(b"\xff" * (settings.IMAGE_MAX_BYTES + 1)) == "too_large"


def png(size, mode="RGBA", colour=(20, 120, 200, 255)) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def test_a_6000_square_rgba_png_is_refused_from_its_header(monkeypatch):
    content = png((6000, 6000))
    assert len(content) < 1024 * 1024  # one colour: small file, 36 megapixels

    def no_decoding(image):
        raise AssertionError("the pixels were decoded")

    monkeypatch.setattr(PngImagePlugin.PngImageFile, "load", no_decoding)
    with pytest.raises(ValidationError) as error, translation.override("en"):
        images.validate_image(upload(content, "poster.png"))
    assert error.value.code == "pixels"
    with translation.override("en"):
        assert "at most 25 megapixels" in error.value.messages[0]


def test_the_pixel_limit_is_a_setting(settings):
    settings.IMAGE_MAX_PIXELS = 1_000_000
    assert _refused(png((1001, 1000)), "a.png") == "pixels"
    images.validate_image(upload(png((1000, 1000)), "a.png"))


def test_a_large_photo_is_stored_at_most_max_side(settings):
    buffer = io.BytesIO()
    Image.new("RGB", (6000, 4000), (90, 160, 40)).save(buffer, "JPEG", quality=80)
    name = images.store_image(upload(buffer.getvalue()), "activities")
    stored = Image.open(default_storage.open(name))
    assert stored.format == "JPEG" and stored.size == (images.MAX_SIDE, 1365)
    assert Image.open(default_storage.open(images.rendition_name(name, 960))).size == (960, 640)


def test_transparency_is_kept_as_png():
    image = Image.new("P", (300, 200), 1)
    image.putpalette([0, 0, 0, 255, 0, 0])
    buffer = io.BytesIO()
    image.save(buffer, "PNG", transparency=1)
    name = images.store_image(upload(buffer.getvalue(), "logo.png"), "logos")
    stored = Image.open(default_storage.open(name))
    assert name.endswith(".png") and stored.mode == "RGBA"
    assert stored.getpixel((10, 10))[3] == 0


def test_a_webp_has_a_lower_pixel_limit(monkeypatch):
    # Pillow holds three full copies while it decodes a WebP (providers.images._max_pixels).
    monkeypatch.setattr(images, "WEBP_MAX_PIXELS", 20_000)
    buffer = io.BytesIO()
    Image.new("RGB", (200, 101)).save(buffer, "WEBP")
    assert _refused(buffer.getvalue(), "a.webp") == "pixels"
    buffer = io.BytesIO()
    Image.new("RGB", (200, 100), (1, 2, 3)).save(buffer, "WEBP")
    name = images.store_image(upload(buffer.getvalue(), "a.webp"), "activities")
    assert Image.open(default_storage.open(name)).size == (200, 100)


def test_a_phone_photo_with_a_second_picture_is_accepted():
    # Many phones write MPO: a JPEG with a smaller picture after it. The first one is kept.
    buffer = io.BytesIO()
    first, second = Image.new("RGB", (300, 200), (200, 10, 10)), Image.new("RGB", (30, 20))
    first.save(buffer, "MPO", save_all=True, append_images=[second])
    assert Image.open(io.BytesIO(buffer.getvalue())).format == "MPO"
    name = images.store_image(upload(buffer.getvalue()), "activities")
    stored = Image.open(default_storage.open(name))
    assert stored.format == "JPEG" and stored.size == (300, 200)
