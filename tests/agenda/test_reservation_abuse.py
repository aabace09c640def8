"""Abuse of the reservation form: the honeypot, and rate limits per IP and e-mail address."""

import pytest

from agenda.models import Reservation
from outbox.models import OutgoingMail
from tests.helpers import form_data, form_url

pytestmark = pytest.mark.django_db


def test_honeypot_gives_a_message_and_creates_nothing(client, session):
    response = client.post(form_url(session, "en"), form_data(1, website="http://spam.example"))
    assert response.status_code == 400
    assert "Leave this field empty" in response.content.decode()
    assert not Reservation.objects.exists()
    assert not OutgoingMail.objects.exists()


def test_rate_limit_per_ip_address(client, session, settings):
    settings.RESERVATION_RATE_LIMIT = "2/m"
    for n in range(2):
        assert client.post(form_url(session, "en"), form_data(n)).status_code == 302
    response = client.post(form_url(session, "en"), form_data(3))
    assert response.status_code == 429
    assert "Wait a minute, then try again" in response.content.decode()
    assert Reservation.objects.count() == 2


def test_addresses_in_one_ipv6_64_share_a_limit(client, session, settings):
    settings.RESERVATION_RATE_LIMIT = "2/m"
    for n in range(2):
        response = client.post(
            form_url(session, "en"), form_data(n), REMOTE_ADDR=f"2001:db8:1:2::{n + 1:x}"
        )
        assert response.status_code == 302
    same_64 = client.post(
        form_url(session, "en"), form_data(5), REMOTE_ADDR="2001:db8:1:2:ffff:1234:5678:9abc"
    )
    assert same_64.status_code == 429
    other_64 = client.post(form_url(session, "en"), form_data(6), REMOTE_ADDR="2001:db8:1:3::1")
    assert other_64.status_code == 302
    assert Reservation.objects.count() == 3


def test_rate_limit_per_email_address_across_ip_addresses(client, session, settings):
    settings.RESERVATION_RATE_LIMIT = "2/m"
    data = form_data(1, website="filled in")  # rejected attempts count too
    for n in range(2):
        client.post(form_url(session, "en"), data, REMOTE_ADDR=f"10.0.0.{n}")
    response = client.post(form_url(session, "en"), form_data(1), REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 429
    assert not Reservation.objects.exists()


def test_forwarded_for_counts_only_behind_a_trusted_proxy(client, session, settings):
    settings.RESERVATION_RATE_LIMIT = "1/m"
    settings.TRUST_X_FORWARDED_FOR = True
    for n in range(2):
        # The proxy appended the address it saw (the last entry); the first is the client's.
        response = client.post(
            form_url(session, "en"), form_data(n), HTTP_X_FORWARDED_FOR=f"10.9.9.9, 192.0.2.{n}"
        )
        assert response.status_code == 302
    settings.TRUST_X_FORWARDED_FOR = False
    client.post(form_url(session, "en"), form_data(5), HTTP_X_FORWARDED_FOR="192.0.2.50")
    response = client.post(form_url(session, "en"), form_data(6), HTTP_X_FORWARDED_FOR="192.0.2.60")
    assert response.status_code == 429


def test_a_made_up_first_forwarded_for_entry_does_not_dodge_the_limit(client, session, settings):
    settings.RESERVATION_RATE_LIMIT = "2/m"
    settings.TRUST_X_FORWARDED_FOR = True
    settings.TRUSTED_PROXY_COUNT = 1
    statuses = [
        client.post(
            form_url(session, "en"),
            form_data(n),
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 192.0.2.7",  # a new "client" every time
        ).status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert Reservation.objects.count() == 2


def test_rate_limit_off(client, session, settings):
    settings.RESERVATION_RATE_LIMIT = "off"
    for n in range(8):
        assert client.post(form_url(session, "en"), form_data(n)).status_code == 302
