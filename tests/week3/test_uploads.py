"""Limits of a form post with files: set in the settings, and a post over them gets a clear
answer (the form again, or the "too large" page), never a server error."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.helpers import activity_post
from week3.uploads import LimitedUploadHandler, OversizedUpload

pytestmark = pytest.mark.django_db


def test_the_limits_are_set():
    assert settings.IMAGE_MAX_PIXELS == 25_000_000
    assert settings.IMAGE_MAX_BYTES == 10 * 1024 * 1024
    assert settings.REQUEST_MAX_BYTES == 30 * 1024 * 1024
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 1024 * 1024
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS == 1000
    assert settings.DATA_UPLOAD_MAX_NUMBER_FILES == 5
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE == 2 * 1024 * 1024
    handler = settings.FILE_UPLOAD_HANDLERS[0]
    assert handler == f"{LimitedUploadHandler.__module__}.{LimitedUploadHandler.__name__}"
    assert settings.UPLOAD_RATE_LIMIT == "30/h"


def _url(world):
    with translation.override("en"):
        return reverse("portal:activity_edit", args=[world["activity"].pk])


def _post(world, **extra):
    return {**activity_post(world["venue"], image_alt="Foto"), "title": "Zomerconcert", **extra}


def test_a_file_over_the_byte_limit_is_not_kept_and_the_form_says_so(client_a, world_a, settings):
    settings.IMAGE_MAX_BYTES = 1024 * 1024
    large = SimpleUploadedFile("huge.jpg", b"\xff" * (1536 * 1024), content_type="image/jpeg")
    response = client_a.post(_url(world_a), _post(world_a, upload=large))
    assert response.status_code == 200
    html = response.content.decode()
    assert "This file is larger than 1 MB. Choose a smaller photo." in html
    assert 'value="Zomerconcert"' in html
    # What the form got: a stand-in with the size, not the content.
    upload = response.context["form"].files["upload"]
    assert isinstance(upload, OversizedUpload) and upload.size == 1536 * 1024


def test_a_body_over_the_request_limit_gets_the_too_large_page(client_a, world_a, settings):
    settings.REQUEST_MAX_BYTES = 100_000
    large = SimpleUploadedFile("poster.jpg", b"\xff" * 200_000, content_type="image/jpeg")
    response = client_a.post(_url(world_a), _post(world_a, upload=large))
    assert response.status_code == 413
    html = response.content.decode()
    assert "This is too large to send" in html
    assert "A photo may be at most 10 MB." in html
    world_a["activity"].refresh_from_db()
    assert world_a["activity"].title != "Zomerconcert"


def test_too_much_text_gets_the_too_large_page(client_a, world_a, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = client_a.post(_url(world_a), _post(world_a, description="x" * 20_000))
    assert response.status_code == 413
    assert "This is too large to send" in response.content.decode()


def test_the_too_large_page_comes_before_the_csrf_check(world_a, settings):
    # A real browser's post goes through the CSRF check, which reads the body first.
    settings.REQUEST_MAX_BYTES = 100_000
    client = Client(enforce_csrf_checks=True)
    client.force_login(world_a["user"])
    client.get(_url(world_a))  # the form, and with it the CSRF cookie
    token = client.cookies[settings.CSRF_COOKIE_NAME].value
    large = SimpleUploadedFile("poster.jpg", b"\xff" * 200_000, content_type="image/jpeg")
    data = _post(world_a, upload=large, csrfmiddlewaretoken=token)
    response = client.post(_url(world_a), data, headers={"referer": "https://testserver/"})
    assert response.status_code == 413
