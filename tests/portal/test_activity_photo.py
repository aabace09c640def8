"""The activity form's photo: a bad file or a missing description is a message on the form."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.helpers import jpeg_with_gps


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
