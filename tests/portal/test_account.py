"""Signing up, confirming the address and logging in to the portal; what error reports leave
out; one token per purpose."""

import pytest
from django.core import mail
from django.urls import reverse

from outbox.services import mail_send_due
from providers.models import Provider, User
from providers.services import token_link
from providers.tokens import invitation_tokens, password_reset_tokens, verification_tokens
from tests.factories import UserFactory
from tests.helpers import link_in

pytestmark = pytest.mark.django_db

SIGN_UP = {
    "organisation": "Harmonie Blerick",
    "kind": "association",
    "first_name": "Anna",
    "email": "Anna@Example.org",
    "password": "a-long-enough-secret-42",
}


def _sign_up(client, **changes) -> User:
    client.post(reverse("portal:sign_up"), {**SIGN_UP, **changes})
    return User.objects.get(email=changes.get("email", SIGN_UP["email"]).lower())


def test_sign_up_confirm_with_the_button_and_log_in(client, reference_data):
    response = client.post(reverse("portal:sign_up"), SIGN_UP)
    assert response.status_code == 200
    user = User.objects.get(email="anna@example.org")
    assert not user.is_active and not user.email_confirmed
    assert user.provider.status == Provider.Status.PENDING
    assert mail_send_due() == (1, 0)
    (message,) = mail.outbox
    assert "Anna" not in message.body  # nothing the form's filler chose
    link = link_in(message)
    # Opening the link (as a mail scanner does) confirms nothing: it shows a button.
    response = client.get(link)
    assert response.status_code == 200
    assert b'<form method="post"' in response.content
    user.refresh_from_db()
    assert not user.is_active
    assert client.get(reverse("portal:dashboard")).status_code == 302  # not logged in
    response = client.post(link)
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.is_active and user.email_confirmed
    assert client.get(reverse("portal:dashboard")).status_code == 200
    # The link works once.
    assert client.post(link).status_code == 400


def test_sign_up_refuses_a_weak_password(client, reference_data):
    response = client.post(reverse("portal:sign_up"), {**SIGN_UP, "password": "1234"})
    assert "password" in response.context["form"].errors
    assert not User.objects.filter(email="anna@example.org").exists()


def test_a_reset_or_invitation_token_does_not_confirm_an_address(client, reference_data):
    user = _sign_up(client)
    for tokens in (password_reset_tokens, invitation_tokens):
        link = token_link(user, "portal:verify", tokens).removeprefix("https://week3.example.org")
        assert client.get(link).status_code == 400
        assert client.post(link).status_code == 400
    user.refresh_from_db()
    assert not user.is_active


def test_a_verification_or_invitation_token_does_not_reset_a_password(client):
    user = UserFactory(email="lid@example.org")
    for tokens in (verification_tokens, invitation_tokens):
        link = token_link(user, "portal:password_reset_confirm", tokens)
        response = client.get(link.removeprefix("https://week3.example.org"), follow=True)
        assert response.context["validlink"] is False


def test_an_invitation_link_does_not_confirm_a_sign_up_and_a_sign_up_link_is_no_invitation(
    client, reference_data
):
    user = _sign_up(client)
    link = token_link(user, "portal:accept_invitation", verification_tokens)
    assert client.get(link.removeprefix("https://week3.example.org")).status_code == 400


def test_a_deactivated_user_stays_deactivated(client, reference_data):
    user = _sign_up(client)
    mail_send_due()
    link = link_in(mail.outbox[0])
    assert client.post(link).status_code == 302
    client.logout()
    user.refresh_from_db()
    user.is_active = False  # staff deactivate the account in the admin
    user.save()
    fresh = token_link(user, "portal:verify", verification_tokens)
    for url in (link, fresh.removeprefix("https://week3.example.org")):
        assert client.get(url).status_code == 400
        assert client.post(url).status_code == 400
    user.refresh_from_db()
    assert not user.is_active
    assert client.get(reverse("portal:dashboard")).status_code == 302


def test_a_deactivated_colleague_cannot_accept_the_invitation_again(client_a, world_a):
    client_a.post(reverse("portal:colleagues"), {"email": "bob@example.org"})
    mail_send_due()
    link = link_in(mail.outbox[-1])
    client_a.logout()
    password = {"new_password1": "another-long-secret-7", "new_password2": "another-long-secret-7"}
    assert client_a.post(link, password).status_code == 302
    client_a.logout()
    bob = User.objects.get(email="bob@example.org")
    bob.is_active = False
    bob.save()
    fresh = token_link(bob, "portal:accept_invitation", invitation_tokens)
    for url in (link, fresh.removeprefix("https://week3.example.org")):
        assert client_a.post(url, password).status_code == 400
    bob.refresh_from_db()
    assert not bob.is_active


def test_a_new_sign_up_replaces_one_nobody_confirmed(client, reference_data):
    first = _sign_up(client, organisation="Iemand anders")
    mail_send_due()
    old_link = link_in(mail.outbox[0])
    second = _sign_up(client, organisation="Harmonie Blerick")
    assert not User.objects.filter(pk=first.pk).exists()
    assert not Provider.objects.filter(name="Iemand anders").exists()
    mail_send_due()
    assert client.post(old_link).status_code == 400
    assert client.post(link_in(mail.outbox[1])).status_code == 302
    second.refresh_from_db()
    assert second.is_active and second.provider.name == "Harmonie Blerick"


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

    bob = User.objects.create_user(
        email="bob@example.org", provider=world_a["provider"], email_verified_at=None
    )
    link = token_link(bob, "portal:accept_invitation", invitation_tokens)
    uidb64, token = link.rstrip("/").split("/")[-2:]
    data = {"new_password1": "zeer-geheim-42", "new_password2": "iets-anders-42"}
    shown = _reporter_post(
        accept_invitation, "/portaal/uitnodiging/", data, uidb64=uidb64, token=token
    )
    assert "zeer-geheim-42" not in shown.values() and "iets-anders-42" not in shown.values()
