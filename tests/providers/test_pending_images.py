"""Photos chosen in a form that was never saved are removed by the nightly purge after a day;
a token older than a day names no photo."""

import datetime
import os

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from providers.images import WIDTHS, rendition_name
from providers.pending_images import pending_adopt, pending_name, pending_store
from tests.helpers import jpeg_with_gps


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _files(name):
    return [name, *(rendition_name(name, width) for width in WIDTHS)]


def _photo():
    return SimpleUploadedFile("a.jpg", jpeg_with_gps((300, 200)), content_type="image/jpeg")


@pytest.mark.django_db
def test_the_nightly_purge_removes_pending_photos_after_a_day(clock, tmp_path):
    name = pending_name(pending_store(_photo(), owner=7), owner=7)
    adopted = pending_adopt(name, "activities")
    # Files get the machine's real time; the tests run at NOW: stored "now", as the test sees it.
    stamp = timezone.now().timestamp()
    for path in tmp_path.rglob("*.jpg"):
        os.utime(path, (stamp, stamp))
    call_command("purge_personal_data")
    assert all(default_storage.exists(path) for path in _files(name))  # not a day old yet
    clock.shift(datetime.timedelta(days=1, minutes=1))
    call_command("purge_personal_data")
    assert not any(default_storage.exists(path) for path in _files(name))
    # The copy saved with an activity stays.
    assert all(default_storage.exists(path) for path in _files(adopted))


def test_a_token_older_than_a_day_names_no_photo(clock):
    token = pending_store(_photo(), owner=7)
    assert pending_name(token, owner=7)
    clock.shift(datetime.timedelta(days=1, minutes=1))
    assert pending_name(token, owner=7) == ""
