"""Asking for a new password: the e-mail goes through the outbox (the worker sends it), with a
link from SITE_URL and a token for resetting only."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from outbox.models import OutgoingMail
from outbox.services import mail_send_due
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_reset_mail_is_queued_with_a_link_on_the_site_not_the_host_asked(client, settings):
    settings.MAIL_SEND_IMMEDIATELY = False
    settings.ALLOWED_HOSTS = ["testserver", "oud-adres.example.org"]
    user = UserFactory(email="vrijwilliger@example.org")
    response = client.post(
        reverse("portal:password_reset"),
        {"email": "vrijwilliger@example.org"},
        headers={"host": "oud-adres.example.org"},
    )
    assert response.status_code == 302
    assert mail.outbox == []  # not sent in the request
    (queued,) = OutgoingMail.objects.filter(sent_at__isnull=True)
    assert queued.to == user.email
    assert mail_send_due() == (1, 0)
    (message,) = mail.outbox
    assert message.subject == "Een nieuw wachtwoord voor Week 3"
    (link,) = re.findall(r"https?://\S+", message.body)
    assert link.startswith("https://week3.example.org/portaal/wachtwoord-herstellen/")
    # The link works: Django swaps the token into the session and redirects to the form.
    assert client.get(link.removeprefix("https://week3.example.org")).status_code == 302


def test_the_reset_mail_speaks_the_language_of_the_page(client, django_capture_on_commit_callbacks):
    UserFactory(email="nachbar@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/de/portaal/wachtwoord-vergeten/", {"email": "nachbar@example.org"})
    assert mail.outbox == []  # even with MAIL_SEND_IMMEDIATELY: the worker sends it
    mail_send_due()
    (message,) = mail.outbox
    assert message.subject == "Ein neues Passwort für Week 3"
    assert "https://week3.example.org/de/portaal/wachtwoord-herstellen/" in message.body


def test_the_reset_link_sets_a_new_password_once(client):
    user = UserFactory(email="vrijwilliger@example.org")
    client.post(reverse("portal:password_reset"), {"email": user.email})
    mail_send_due()
    (link,) = re.findall(r"https?://\S+", mail.outbox[0].body)
    form_url = client.get(link.removeprefix("https://week3.example.org")).url
    new = {
        "new_password1": "een-heel-nieuw-wachtwoord-9",
        "new_password2": "een-heel-nieuw-wachtwoord-9",
    }
    assert client.post(form_url, new).status_code == 302
    user.refresh_from_db()
    assert user.check_password("een-heel-nieuw-wachtwoord-9")
    response = client.get(link.removeprefix("https://week3.example.org"), follow=True)
    assert response.context["validlink"] is False


def test_no_reset_mail_for_an_account_that_cannot_log_in(client):
    UserFactory(email="uit@example.org", is_active=False)
    client.post(reverse("portal:password_reset"), {"email": "uit@example.org"})
    assert mail_send_due() == (0, 0)
    assert mail.outbox == [] and not OutgoingMail.objects.exists()
