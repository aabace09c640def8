"""Stored activity photos: one that nothing uses any more is deleted once the change commits;
one that an activity, a copy or a proposed change still shows is kept."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from agenda.services.activities import activity_copy, activity_save
from agenda.services.drafts import activity_data
from agenda.services.moderation import activity_approve, activity_reject
from providers.images import WIDTHS, rendition_name, store_image
from tests.helpers import approved

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def photo() -> str:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 20, 30)).save(buffer, "JPEG")
    upload = SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg")
    return store_image(upload, "activities")


def kept(name) -> bool:
    files = [name, *(rendition_name(name, width) for width in WIDTHS)]
    present = [default_storage.exists(stored) for stored in files]
    assert all(present) or not any(present), "an image without some of its renditions"
    return all(present)


def save(activity, user, image):
    data = activity_data(activity)
    data["image"], data["image_alt"] = image, "Foto"
    activity_save(activity=activity, data=data, by=user)
    activity.refresh_from_db()


def test_proposed_photos_replaced_rejected_or_approved(
    world_a, moderator, django_capture_on_commit_callbacks
):
    user = world_a["user"]
    with django_capture_on_commit_callbacks(execute=True):
        activity = world_a["activity"]
        save(activity, user, live := photo())
        activity = approved(world_a, moderator)
        # A change proposes a photo, then another one instead: the first is not needed.
        save(activity, user, proposed := photo())
        save(activity, user, instead := photo())
    assert activity.image.name == live and kept(live)
    assert not kept(proposed) and kept(instead)
    with django_capture_on_commit_callbacks(execute=True):
        activity_reject(activity=activity, by=moderator, message="Geen foto van een ander.")
    assert kept(live) and not kept(instead)
    with django_capture_on_commit_callbacks(execute=True):
        save(activity, user, final := photo())
        activity_approve(activity=activity, by=moderator)
    activity.refresh_from_db()
    assert activity.image.name == final and kept(final) and not kept(live)


def test_a_copy_keeps_the_photo_it_shares(world_a, edition, django_capture_on_commit_callbacks):
    user = world_a["user"]
    activity = world_a["activity"]
    with django_capture_on_commit_callbacks(execute=True):
        save(activity, user, shared := photo())
        copy = activity_copy(activity=activity, edition=edition)
        save(copy, user, own := photo())
    assert kept(shared) and kept(own)
    with django_capture_on_commit_callbacks(execute=True):
        save(activity, user, "")
    assert not kept(shared) and kept(own)
