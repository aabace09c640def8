"""Sign-up, invitations and password resets answer the same for every address, queue their
e-mail for the worker (never sent in the request), and are throttled."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from outbox.models import OutgoingMail
from outbox.services import mail_send_due
from providers.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SIGN_UP = {
    "organisation": "Harmonie Blerick",
    "kind": "association",
    "first_name": "Anna",
    "password": "a-long-enough-secret-42",
}
KNOWN, UNKNOWN = "bekend@example.org", "nieuw@example.org"


def _page(response, email) -> str:
    """The page as anybody would compare it: without the address typed and the CSRF token."""
    html = response.content.decode().replace(email, "ADDRESS")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def _post(client, url, data, django_capture_on_commit_callbacks):
    # Run what waits for the commit too: with MAIL_SEND_IMMEDIATELY on (as in the tests),
    # other e-mails go out then; these must not.
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(url, data)


@pytest.fixture
def known(world_a):
    return UserFactory(email=KNOWN, provider=world_a["provider"])


def test_sign_up_answers_the_same_for_a_known_address(
    client, known, django_capture_on_commit_callbacks
):
    url = reverse("portal:sign_up")
    answers = [
        _post(client, url, {**SIGN_UP, "email": email}, django_capture_on_commit_callbacks)
        for email in (KNOWN, UNKNOWN)
    ]
    assert [answer.status_code for answer in answers] == [200, 200]
    assert _page(answers[0], KNOWN) == _page(answers[1], UNKNOWN)
    assert mail.outbox == []  # queued, not sent in the request
    assert sorted(OutgoingMail.objects.values_list("to", flat=True)) == [KNOWN, UNKNOWN]
    assert mail_send_due() == (2, 0)
    by_address = {message.to[0]: message for message in mail.outbox}
    # The owner is told there is an account already, with the way to a new password.
    assert by_address[KNOWN].subject == "Je hebt al een account op Week 3"
    assert "/portaal/wachtwoord-vergeten/" in by_address[KNOWN].body
    assert "/portaal/bevestigen/" in by_address[UNKNOWN].body
    known.refresh_from_db()
    assert known.check_password("week3-test-password")  # the account is untouched


def test_invite_answers_the_same_for_a_known_address(
    client_a, known, world_b, django_capture_on_commit_callbacks
):
    url = reverse("portal:colleagues")
    other = UserFactory(email="elders@example.org", provider=world_b["provider"])
    pages = []
    for email in (other.email, UNKNOWN):
        response = _post(client_a, url, {"email": email}, django_capture_on_commit_callbacks)
        assert response.status_code == 302 and response.url == url
        pages.append(_page(client_a.get(url), email))
    assert pages[0] == pages[1]
    assert mail.outbox == []
    assert sorted(OutgoingMail.objects.values_list("to", flat=True)) == [other.email, UNKNOWN]
    assert mail_send_due() == (2, 0)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert by_address[other.email].subject == "Je hebt al een account op Week 3"
    assert "/portaal/uitnodiging/" in by_address[UNKNOWN].body
    other.refresh_from_db()
    assert other.provider == world_b["provider"]


def test_reset_answers_the_same_for_a_known_address(
    client, known, django_capture_on_commit_callbacks
):
    url = reverse("portal:password_reset")
    answers = [
        _post(client, url, {"email": email}, django_capture_on_commit_callbacks)
        for email in (KNOWN, UNKNOWN)
    ]
    assert [(answer.status_code, answer.url) for answer in answers] == [
        (302, reverse("portal:password_reset_done"))
    ] * 2
    assert mail.outbox == []
    # The same row for both; whether anything is written is decided when it goes out.
    assert sorted(OutgoingMail.objects.values_list("to", flat=True)) == [KNOWN, UNKNOWN]
    assert mail_send_due() == (1, 0)
    (message,) = mail.outbox
    assert message.to == [KNOWN]
    assert not OutgoingMail.objects.filter(to=UNKNOWN).exists()


def test_mails_carry_no_text_the_sender_chose(client, client_a, world_a, reference_data):
    world_a["provider"].status = "pending"
    world_a["provider"].name = "Klik op www.phishing.example"
    world_a["provider"].save()
    client_a.post(reverse("portal:colleagues"), {"email": UNKNOWN})
    client_a.logout()
    client.post(
        reverse("portal:sign_up"),
        {**SIGN_UP, "first_name": "Ga naar phishing.example", "email": "anna@example.org"},
    )
    mail_send_due()
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert "phishing" not in message.subject + message.body


def test_sign_up_is_throttled_per_address_and_keeps_what_was_typed(client, settings, known):
    settings.ACCOUNT_RATE_LIMIT_ADDRESS = "2/h"
    url = reverse("portal:sign_up")
    for _attempt in range(2):
        assert client.post(url, {**SIGN_UP, "email": UNKNOWN}).status_code == 200
    response = client.post(url, {**SIGN_UP, "email": UNKNOWN})
    assert response.status_code == 429
    html = response.content.decode()
    assert "Wacht even" in html
    assert 'value="Harmonie Blerick"' in html and f'value="{UNKNOWN}"' in html
    assert OutgoingMail.objects.filter(to=UNKNOWN).count() == 2
    # Another address from the same client is still fine (the IP limit is higher).
    assert client.post(url, {**SIGN_UP, "email": "ander@example.org"}).status_code == 200


def test_reset_and_invite_are_throttled_per_client(client, client_a, settings, known):
    settings.ACCOUNT_RATE_LIMIT_IP = "3/h"
    url = reverse("portal:password_reset")
    statuses = [client.post(url, {"email": f"iemand{n}@example.org"}).status_code for n in range(4)]
    assert statuses == [302, 302, 302, 429]
    url = reverse("portal:colleagues")
    statuses = [
        client_a.post(url, {"email": f"collega{n}@example.org"}).status_code for n in range(4)
    ]
    assert statuses == [302, 302, 302, 429]
    assert User.objects.filter(email__startswith="collega").count() == 3
