"""The database backs the reservation service: one active reservation per e-mail address."""

import pytest
from django.db import IntegrityError, transaction

from agenda.models import Reservation
from agenda.services.errors import ReservationError
from agenda.services.reservations import reservation_cancel
from tests.factories import reserve
from tests.helpers import assert_counters_match

pytestmark = pytest.mark.django_db

Confirmed = Reservation.State.CONFIRMED


def test_one_active_reservation_per_email_is_a_database_constraint(session):
    reserve(session, 1)
    # Rows written past the service on purpose, as a bug would: the database refuses them.
    with pytest.raises(IntegrityError), transaction.atomic():
        Reservation.objects.create(session=session, name="x", email="BEWONER1@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        Reservation.objects.create(session=session, name="x", email="y@example.org", party_size=0)
    # Once cancelled, the same address may reserve again.
    reservation_cancel(reservation=Reservation.objects.get())
    assert reserve(session, 1).state == Confirmed


def test_a_double_submit_that_passes_the_first_look_is_stopped_by_the_database(
    session, monkeypatch
):
    reserve(session, 1)
    # As when both requests of one resident look before either has saved.
    monkeypatch.setattr("agenda.services.reservations._holds_a_place", lambda session, email: False)
    with pytest.raises(ReservationError) as error:
        reserve(session, 1)
    assert error.value.code == "duplicate"
    assert Reservation.objects.count() == 1
    assert_counters_match(session)


def test_another_database_error_is_not_reported_as_a_double_reservation(session, monkeypatch):
    monkeypatch.setattr(
        "agenda.services.reservations.secrets.token_urlsafe", lambda n: "the-same-token"
    )
    reserve(session, 1)
    with pytest.raises(IntegrityError):
        reserve(session, 2)  # reservation_token_unique, not the e-mail constraint
