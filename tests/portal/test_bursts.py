"""Many reservations from one connection: the provider sees them together and cancels them in
one step; the places go back, and each resident is told."""

import pytest
from django.urls import reverse
from django.utils import translation

from agenda.models import Reservation, ReservationState
from agenda.services.reservation_mail import write_reservation_mail
from outbox.models import OutgoingMail
from tests.factories import UserFactory
from tests.helpers import form_data, form_url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def choir(agenda, settings):
    settings.RESERVATION_RATE_LIMIT = "off"
    return agenda["choir"].sessions.get()


def book(client, session, n, address):
    response = client.post(form_url(session, "/en"), form_data(n), REMOTE_ADDR=address)
    assert response.status_code == 302
    return Reservation.objects.get(email=f"bewoner{n}@example.org")


def attendance_url(session):
    return reverse("portal:session_reservations", kwargs={"pk": session.pk})


def test_the_provider_sees_a_burst_and_cancels_it_in_one_step(client, choir):
    burst = [book(client, choir, n, f"2001:db8:7:7::{n}") for n in range(1, 5)]
    other = book(client, choir, 9, "192.0.2.9")
    booked_before = type(choir).objects.get(pk=choir.pk).places_booked
    client.force_login(UserFactory(provider=choir.activity.provider))

    page = client.get(attendance_url(choir)).content.decode()
    assert "Many reservations from one connection" in page
    assert "4 reservations, 4 people" in page
    assert "Bewoner 9" not in page.split("Many reservations")[1].split("</section>")[0]

    response = client.post(
        reverse("portal:session_burst_cancel", kwargs={"pk": choir.pk}),
        {"client": burst[0].client},
        follow=True,
    )
    assert "4 reservations are cancelled" in response.content.decode()
    states = dict(Reservation.objects.values_list("pk", "state"))
    assert {states[r.pk] for r in burst} == {ReservationState.CANCELLED}
    assert states[other.pk] == ReservationState.CONFIRMED
    assert type(choir).objects.get(pk=choir.pk).places_booked == booked_before - 4
    told = OutgoingMail.objects.filter(params__kind="reservation_cancelled_by_organiser")
    assert sorted(mail.to for mail in told) == sorted(r.email for r in burst)
    written = write_reservation_mail(told[0].params)
    assert "organiser has cancelled your reservation" in written.body
    assert (
        "Many reservations from one connection"
        not in client.get(attendance_url(choir)).content.decode()
    )


def test_a_few_from_one_connection_are_no_burst(client, choir):
    book(client, choir, 1, "192.0.2.1")
    book(client, choir, 2, "192.0.2.1")
    client.force_login(UserFactory(provider=choir.activity.provider))
    assert (
        "Many reservations from one connection"
        not in client.get(attendance_url(choir)).content.decode()
    )


def test_the_address_itself_is_not_stored(client, choir):
    reservation = book(client, choir, 1, "192.0.2.77")
    assert reservation.client
    assert "192.0.2.77" not in reservation.client
    assert book(client, choir, 2, "192.0.2.77").client == reservation.client
    assert book(client, choir, 3, "192.0.2.78").client != reservation.client


def test_another_provider_cannot_cancel_them(client, choir, world_b):
    burst = [book(client, choir, n, "192.0.2.1") for n in range(1, 4)]
    client.force_login(world_b["user"])
    response = client.post(
        reverse("portal:session_burst_cancel", kwargs={"pk": choir.pk}), {"client": burst[0].client}
    )
    assert response.status_code == 404
    assert Reservation.objects.filter(pk__in=[r.pk for r in burst], state="confirmed").count() == 3
