"""The organisation's logo: a new one replaces the old, whose files are deleted."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from providers.images import WIDTHS, rendition_name
from tests.helpers import jpeg_with_gps

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _profile_post(provider, **extra):
    fields = ["name", "kind", "description", "contact_name", "contact_email"]
    return {
        **{field: getattr(provider, field) for field in fields},
        "disciplines": [],
        "home_district": "",
        **extra,
    }


def _files(name):
    return [name, *(rendition_name(name, width) for width in WIDTHS)]


def test_a_replaced_logo_is_deleted(client_a, world_a, django_capture_on_commit_callbacks):
    # Not approved yet: the logo applies at once (after approval a new one waits for the
    # moderators, and approving it deletes the old: tests/portal/test_profile_moderation.py).
    provider = world_a["provider"]
    provider.status = provider.Status.PENDING
    provider.save()
    url = reverse("portal:provider_edit")
    logo = SimpleUploadedFile("logo.jpg", jpeg_with_gps((50, 50)), content_type="image/jpeg")
    assert client_a.post(url, _profile_post(provider, upload=logo)).status_code == 302
    provider.refresh_from_db()
    old = provider.logo.name
    assert old and all(default_storage.exists(name) for name in _files(old))
    logo = SimpleUploadedFile("logo2.jpg", jpeg_with_gps((60, 60)), content_type="image/jpeg")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_a.post(url, _profile_post(provider, upload=logo))
    assert response.status_code == 302
    provider.refresh_from_db()
    assert provider.logo.name != old
    assert all(default_storage.exists(name) for name in _files(provider.logo.name))
    assert not any(default_storage.exists(name) for name in _files(old))
