"""An account whose address is not confirmed yet is no dead end: logging in says "confirm your
e-mail first" with a button to send the link again (the same answer for every address,
throttled), and asking for a new password sends the confirmation link instead. Signing up
starts without a kind chosen, and the name reaches the moderators' contact column."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from outbox.models import OutgoingMail
from outbox.services import mail_send_due
from providers.models import Provider, User
from tests.helpers import link_in

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-enough-secret-42"
SIGN_UP = {
    "organisation": "Harmonie Blerick",
    "kind": "association",
    "first_name": "Anna",
    "last_name": "de Vries",
    "email": "anna@example.org",
    "password": PASSWORD,
}


def _url(name):
    with translation.override("en"):
        return reverse(f"portal:{name}")


@pytest.fixture
def unconfirmed(client, reference_data):
    client.post(_url("sign_up"), SIGN_UP)
    mail_send_due()
    mail.outbox.clear()
    return User.objects.get(email="anna@example.org")


def test_login_of_an_unconfirmed_account_says_confirm_first_with_a_resend_button(
    client, unconfirmed
):
    response = client.post(_url("login"), {"username": "anna@example.org", "password": PASSWORD})
    html = response.content.decode()
    assert "Confirm your e-mail address first" in html
    assert "Please enter a correct" not in html
    resend = re.search(
        r'<form method="post" action="([^"]+)"[^>]*>.*?name="email" value="([^"]+)"', html, re.S
    )
    assert resend.groups() == (_url("verify_resend"), "anna@example.org")
    response = client.post(resend.group(1), {"email": resend.group(2)})
    assert response.status_code == 302 and response["Location"] == _url("password_reset_done")
    assert mail.outbox == []  # written and sent by the worker, not in the request
    assert mail_send_due() == (1, 0)
    link = link_in(mail.outbox[0])
    assert "/portaal/bevestigen/" in link
    assert client.post(link).status_code == 302
    unconfirmed.refresh_from_db()
    assert unconfirmed.is_active and unconfirmed.email_confirmed


def test_a_wrong_password_gets_the_usual_answer(client, unconfirmed):
    response = client.post(_url("login"), {"username": "anna@example.org", "password": "nope"})
    html = response.content.decode()
    assert "Confirm your e-mail address first" not in html
    assert _url("verify_resend") in html  # the page always offers it, for every address


def test_resend_answers_the_same_for_every_address_and_is_throttled(
    client, unconfirmed, world_a, settings
):
    before = OutgoingMail.objects.count()
    answers = [
        client.post(_url("verify_resend"), {"email": email})
        for email in ("anna@example.org", "nobody@example.org", world_a["user"].email)
    ]
    assert {(answer.status_code, answer["Location"]) for answer in answers} == {
        (302, _url("password_reset_done"))
    }
    assert OutgoingMail.objects.count() == before + 3  # the same INSERT for each
    assert mail_send_due() == (1, 0)  # only the unconfirmed account gets an e-mail
    assert [message.to for message in mail.outbox] == [["anna@example.org"]]
    for _ in range(3):
        response = client.post(_url("verify_resend"), {"email": "anna@example.org"})
    assert response.status_code == 429


def test_password_reset_for_an_unconfirmed_account_sends_the_confirmation_link(client, unconfirmed):
    client.post(_url("password_reset"), {"email": "anna@example.org"})
    assert mail_send_due() == (1, 0)
    assert "/portaal/bevestigen/" in link_in(mail.outbox[0])


def test_sign_up_starts_without_a_kind_and_the_name_is_the_contact(client, reference_data):
    html = client.get(_url("sign_up")).content.decode()
    select = re.search(r'<select name="kind".*?</select>', html, re.S).group(0)
    assert re.search(r'<option value="" selected>Choose…</option>', select)
    response = client.post(_url("sign_up"), {**SIGN_UP, "kind": ""})
    assert "kind" in response.context["form"].errors
    client.post(_url("sign_up"), SIGN_UP)
    provider = Provider.objects.get(name="Harmonie Blerick")
    assert provider.contact_name == "Anna de Vries"
    assert provider.contact_email == "anna@example.org"
