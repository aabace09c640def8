"""Signing up, verifying the address and logging in to the portal; what error reports leave out."""

import pytest
from django.core import mail
from django.urls import reverse

from providers.models import Provider, User
from tests.helpers import link_in

pytestmark = pytest.mark.django_db


def test_sign_up_verify_and_log_in(client, django_capture_on_commit_callbacks, reference_data):
    data = {
        "organisation": "Harmonie Blerick",
        "kind": "association",
        "first_name": "Anna",
        "email": "Anna@Example.org",
        "password": "a-long-enough-secret-42",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("portal:sign_up"), data)
    assert response.status_code == 200
    user = User.objects.get(email="anna@example.org")
    assert not user.is_active
    assert user.provider.status == Provider.Status.PENDING
    assert len(mail.outbox) == 1
    response = client.get(link_in(mail.outbox[0]))
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.is_active
    assert client.get(reverse("portal:dashboard")).status_code == 200


def test_sign_up_refuses_weak_password_and_known_address(client, world_a):
    response = client.post(
        reverse("portal:sign_up"),
        {
            "organisation": "X",
            "kind": "artist",
            "first_name": "X",
            "email": world_a["user"].email,
            "password": "1234",
        },
    )
    form = response.context["form"]
    assert "email" in form.errors and "password" in form.errors


def test_login_is_locked_after_repeated_failures(client, world_a):
    url = reverse("portal:login")
    for _attempt in range(5):
        client.post(url, {"username": world_a["user"].email, "password": "wrong"})
    response = client.post(
        url, {"username": world_a["user"].email, "password": "week3-test-password"}
    )
    assert response.status_code == 429


def _reporter_post(view, path, data, **kwargs):
    """The POST data an error report would show for a request to `view`."""
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import RequestFactory
    from django.views.debug import SafeExceptionReporterFilter

    request = RequestFactory().post(path, data)
    request.user = AnonymousUser()
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    request.LANGUAGE_CODE = "nl"
    view(request, **kwargs)
    return SafeExceptionReporterFilter().get_post_parameters(request)


def test_error_reports_never_show_sign_up_passwords_or_names(reference_data):
    from portal.views.account import sign_up

    data = {
        "organisation": "Harmonie",
        "kind": "association",
        "first_name": "Anna",
        "last_name": "Jansen",
        "email": "anna@example.org",
        "password": "1234",  # too weak: the form comes back, as when a later error happens
    }
    shown = _reporter_post(sign_up, "/portaal/aanmelden/", data)
    for name in ("password", "email", "first_name", "last_name"):
        assert shown[name] != data[name] and "*" in shown[name], name
    assert shown["organisation"] == "Harmonie"


def test_error_reports_never_show_the_invited_password(world_a):
    from portal.views.account import accept_invitation
    from providers.services import token_link

    bob = User.objects.create_user(email="bob@example.org", provider=world_a["provider"])
    uidb64, token = token_link(bob, "portal:accept_invitation").rstrip("/").split("/")[-2:]
    data = {"new_password1": "zeer-geheim-42", "new_password2": "iets-anders-42"}
    shown = _reporter_post(
        accept_invitation, "/portaal/uitnodiging/", data, uidb64=uidb64, token=token
    )
    assert "zeer-geheim-42" not in shown.values() and "iets-anders-42" not in shown.values()
