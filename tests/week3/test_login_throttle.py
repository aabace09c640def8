"""Wrong passwords for one account from many addresses pause it, but not for its owner."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from outbox.services import mail_send_due
from tests.factories import UserFactory
from tests.helpers import link_in

pytestmark = pytest.mark.django_db

PASSWORD = "week3-test-password"
LOGIN = "/portaal/inloggen/"


@pytest.fixture(autouse=True)
def limit(settings):
    settings.LOGIN_ACCOUNT_RATE_LIMIT = "3/h"


@pytest.fixture
def owner(reference_data):
    return UserFactory(email="eigenaar@example.org")


def log_in(client, password, address, email="eigenaar@example.org"):
    return client.post(LOGIN, {"username": email, "password": password}, REMOTE_ADDR=address)


def guess_from_many_addresses(client_class, times=4):
    for n in range(times):
        log_in(client_class(), "geraden", f"203.0.113.{n + 1}")


def test_guesses_from_many_addresses_pause_the_account(client, owner):
    guess_from_many_addresses(client.__class__)
    # Each address tried once, so django-axes locks none of them; the account is paused.
    response = log_in(client, PASSWORD, "198.51.100.9")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    with translation.override("nl"):
        assert translation.gettext("Logging in is paused") in response.content.decode()


def test_another_account_is_not_paused(client, owner):
    other = UserFactory(email="ander@example.org")
    guess_from_many_addresses(client.__class__)
    response = log_in(client, PASSWORD, "198.51.100.9", email=other.email)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(other.pk)


def test_the_owners_browser_still_gets_in(client, owner):
    assert log_in(client, PASSWORD, "198.51.100.9").status_code == 302
    client.post(reverse("portal:logout"))
    guess_from_many_addresses(client.__class__)
    # Same browser (its cookie), now on another network.
    response = log_in(client, PASSWORD, "192.0.2.44")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(owner.pk)


def test_the_owners_address_still_gets_in(client, owner):
    assert log_in(client.__class__(), PASSWORD, "198.51.100.9").status_code == 302
    guess_from_many_addresses(client.__class__)
    # A new browser at the address the owner logged in from before.
    assert log_in(client, PASSWORD, "198.51.100.9").status_code == 302


def test_a_password_reset_lets_the_owner_in(client, owner, django_capture_on_commit_callbacks):
    guess_from_many_addresses(client.__class__)
    assert log_in(client, PASSWORD, "192.0.2.44").status_code == 429
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("portal:password_reset"), {"email": owner.email})
    mail_send_due()  # the worker writes and sends the reset mail
    form = client.get(link_in(mail.outbox[-1]), REMOTE_ADDR="192.0.2.44")
    new = "een-nieuw-Wachtwoord-42"
    done = client.post(
        form.url, {"new_password1": new, "new_password2": new}, REMOTE_ADDR="192.0.2.44"
    )
    assert done.status_code == 302
    assert log_in(client, new, "192.0.2.44").status_code == 302
    assert client.session["_auth_user_id"] == str(owner.pk)


def test_the_pause_ends(client, clock, owner):
    guess_from_many_addresses(client.__class__)
    assert log_in(client, PASSWORD, "192.0.2.44").status_code == 429
    clock.shift(datetime.timedelta(hours=1, minutes=1))
    assert log_in(client, PASSWORD, "192.0.2.44").status_code == 302


def test_a_forged_cookie_does_not_count(client, owner):
    guess_from_many_addresses(client.__class__)
    client.cookies["w3_login_device"] = "nep"
    assert log_in(client, PASSWORD, "192.0.2.44").status_code == 429


def test_the_admin_login_is_paused_too(client, owner):
    owner.is_staff = True
    owner.save()
    guess_from_many_addresses(client.__class__)
    response = client.post(
        reverse("admin:login"),
        {"username": owner.email, "password": PASSWORD},
        REMOTE_ADDR="192.0.2.44",
    )
    assert response.status_code == 429


def test_public_pages_stay_free_of_the_session(client, agenda):
    # Only posts read the session: a public page must not vary on cookies (shared caches).
    response = client.get("/agenda/")
    assert "Cookie" not in response.get("Vary", "")
