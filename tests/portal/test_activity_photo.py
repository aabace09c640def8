"""The activity form's photo: a bad file or a missing description is a message on the form."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from PIL import Image

from providers.images import WIDTHS, rendition_name
from tests.helpers import activity_post, jpeg_with_gps


def upload(content: bytes, name="photo.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.django_db
def test_the_form_shows_the_message_instead_of_a_500(client_a, world_a):
    response = client_a.post(
        reverse("portal:activity_edit", args=[world_a["activity"].pk]),
        {
            "title": "X",
            "description": "Y",
            "registration": "walk_in",
            "image_alt": "foto",
            "upload": upload(b"not an image"),
            "sessions-TOTAL_FORMS": "0",
            "sessions-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "upload" in response.context["form"].errors


@pytest.mark.django_db
def test_a_photo_needs_a_description(client_a, world_a):
    response = client_a.post(
        reverse("portal:activity_edit", args=[world_a["activity"].pk]),
        {
            "title": "X",
            "description": "Y",
            "registration": "walk_in",
            "upload": upload(jpeg_with_gps((40, 30))),
            "sessions-TOTAL_FORMS": "0",
            "sessions-INITIAL_FORMS": "0",
        },
    )
    assert "image_alt" in response.context["form"].errors


def png(size, mode="RGBA") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, (20, 120, 200, 255)).save(buffer, "PNG")
    return buffer.getvalue()


def _english_edit_url(activity):
    with translation.override("en"):
        return reverse("portal:activity_edit", args=[activity.pk])


def _post(world, **extra):
    return {
        **activity_post(world["venue"], image_alt="Het koor op het podium"),
        "title": "Zomerconcert met koor",
        **extra,
    }


@pytest.mark.django_db
def test_a_6000_square_rgba_png_is_refused_and_the_form_keeps_its_values(client_a, world_a):
    activity = world_a["activity"]
    poster = SimpleUploadedFile("poster.png", png((6000, 6000)), content_type="image/png")
    response = client_a.post(_english_edit_url(activity), _post(world_a, upload=poster))
    assert response.status_code == 200
    html = response.content.decode()
    assert "This image has too many pixels (at most 25 megapixels)" in html
    assert 'value="Zomerconcert met koor"' in html
    assert 'value="Het koor op het podium"' in html
    assert 'value="19:00"' in html
    activity.refresh_from_db()
    assert activity.title == "Activiteit Aanbieder A" and not activity.image


def _stored(name):
    return [name, *(rendition_name(name, width) for width in WIDTHS)]


@pytest.mark.django_db
def test_a_replaced_photo_is_deleted(client_a, world_a, django_capture_on_commit_callbacks):
    activity = world_a["activity"]
    url = reverse("portal:activity_edit", args=[activity.pk])
    client_a.post(url, _post(world_a, upload=upload(jpeg_with_gps((40, 30)))))
    activity.refresh_from_db()
    first = activity.image.name
    assert first and all(default_storage.exists(name) for name in _stored(first))
    with django_capture_on_commit_callbacks(execute=True):
        client_a.post(url, _post(world_a, upload=upload(jpeg_with_gps((60, 30)))))
    activity.refresh_from_db()
    assert activity.image.name != first
    assert all(default_storage.exists(name) for name in _stored(activity.image.name))
    assert not any(default_storage.exists(name) for name in _stored(first))


@pytest.mark.django_db
def test_the_upload_after_the_limit_is_refused(client_a, world_a, world_b, settings):
    settings.UPLOAD_RATE_LIMIT = "2/h"
    url = _english_edit_url(world_a["activity"])
    for _ in range(2):
        response = client_a.post(url, _post(world_a, upload=upload(jpeg_with_gps((40, 30)))))
        assert response.status_code == 302
    response = client_a.post(url, _post(world_a, upload=upload(jpeg_with_gps((40, 30)))))
    assert response.status_code == 200
    html = response.content.decode()
    assert "You have sent a lot of photos in a short time" in html
    assert 'value="Zomerconcert met koor"' in html
    # Another provider still can.
    client_b = Client()
    client_b.force_login(world_b["user"])
    url_b = _english_edit_url(world_b["activity"])
    response = client_b.post(url_b, _post(world_b, upload=upload(jpeg_with_gps((40, 30)))))
    assert response.status_code == 302
