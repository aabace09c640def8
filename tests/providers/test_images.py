"""Uploaded images: metadata stripped, renditions made, bad files refused with a message."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

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


def test_oversized_file_is_refused():
    assert _refused(b"\xff" * (images.MAX_BYTES + 1)) == "too_large"
