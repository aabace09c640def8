"""Capacity and the waiting list: who gets a place, in which order, and when the line moves."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.utils import translation

from agenda.formatting import spots_status
from agenda.models import Activity, Reservation, Session
from agenda.services.errors import ReservationError
from agenda.services.reservations import reservation_cancel, session_cancel, waiting_list_promote
from tests.factories import ActivityFactory, SessionFactory, local, reserve
from tests.helpers import assert_counters_match

pytestmark = pytest.mark.django_db

Confirmed = Reservation.State.CONFIRMED
Waiting = Reservation.State.WAITING


def test_confirms_until_full_then_waits_in_order(session):
    results = [reserve(session, n) for n in range(8)]
    assert [r.state for r in results] == [Confirmed] * 5 + [Waiting] * 3
    assert [r.position_in_line() for r in results[5:]] == [1, 2, 3]
    assert_counters_match(session)
    assert session.is_full


def test_nobody_jumps_the_queue(session):
    reserve(session, 1, party_size=4)
    big = reserve(session, 2, party_size=3)  # does not fit in the 1 place left
    assert big.state == Waiting
    small = reserve(session, 3, party_size=1)  # would fit, but someone is waiting
    assert small.state == Waiting
    assert small.position_in_line() == 2
    session.refresh_from_db()
    assert session.spots_left == 0
    with translation.override("en"):
        assert spots_status(session)["label"] == "Full – waiting list"
    assert not Session.objects.with_free_spots().filter(pk=session.pk).exists()


def test_cancel_promotes_the_first_waiting_and_emails_them(
    session, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = [reserve(session, n) for n in range(5)]
        waiting = [reserve(session, n) for n in range(5, 7)]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = reservation_cancel(reservation=first[0])
    assert promoted == [waiting[0]]
    waiting[0].refresh_from_db()
    waiting[1].refresh_from_db()
    assert waiting[0].state == Confirmed
    assert waiting[1].position_in_line() == 1
    assert_counters_match(session)
    to = {message.to[0]: message for message in mail.outbox}
    assert set(to) == {first[0].email, waiting[0].email}
    promotion = to[waiting[0].email]
    assert promotion.subject.startswith("Goed nieuws")  # reserved in Dutch
    assert promotion.attachments[0][0] == "week3.ics"
    assert waiting[0].token in promotion.body
    # Cancelling again changes nothing.
    assert reservation_cancel(reservation=first[0]) == []
    assert_counters_match(session)


def test_freed_places_go_strictly_in_order_whatever_the_party_size(session):
    a = reserve(session, 1, party_size=3)
    b = reserve(session, 2, party_size=2)
    c = reserve(session, 3, party_size=3)
    d = reserve(session, 4, party_size=1)
    assert (c.state, d.state) == (Waiting, Waiting)

    # Two places free up: the first in line needs three, so nobody moves, not even d.
    assert reservation_cancel(reservation=b) == []
    c.refresh_from_db()
    d.refresh_from_db()
    assert (c.state, d.state) == (Waiting, Waiting)
    session.refresh_from_db()
    assert session.places_booked == 3
    assert session.spots_left == 0  # the two free places are kept for the waiting list

    # Three more free up: c (3) and then d (1) fit in the five.
    assert reservation_cancel(reservation=a) == [c, d]
    assert_counters_match(session)
    session.refresh_from_db()
    assert session.places_booked == 4
    assert session.places_waiting == 0
    assert session.spots_left == 1


def test_cancelling_a_waiting_reservation_moves_the_line_up(session):
    for n in range(5):
        reserve(session, n)
    w1, w2 = reserve(session, 10), reserve(session, 11)
    reservation_cancel(reservation=w1)
    assert w2.position_in_line() == 1
    assert_counters_match(session)


def test_no_limit_confirms_everyone(reference_data):
    session = SessionFactory(capacity=None)
    assert all(reserve(session, n, party_size=4).state == Confirmed for n in range(20))
    assert_counters_match(session)


def test_walk_in_cancelled_past_and_too_large_are_refused(session, reference_data):
    walk_in = SessionFactory(activity=ActivityFactory(registration=Activity.Registration.WALK_IN))
    with pytest.raises(ReservationError) as error:
        reserve(walk_in, 1)
    assert error.value.code == "walk_in"
    with pytest.raises(ReservationError) as error:
        reserve(session, 1, party_size=5)
    assert error.value.code == "party_size"
    past = SessionFactory(
        starts_at=local(datetime.date(2020, 1, 1), 10), ends_at=local(datetime.date(2020, 1, 1), 11)
    )
    with pytest.raises(ReservationError) as error:
        reserve(past, 1)
    assert error.value.code == "past"
    session_cancel(session=session)
    with pytest.raises(ReservationError) as error:
        reserve(session, 1)
    assert error.value.code == "cancelled"
    assert not Reservation.objects.exists()


def test_a_party_larger_than_the_session_is_refused(reference_data):
    small = SessionFactory(capacity=3, activity=ActivityFactory(max_party_size=4))
    with pytest.raises(ReservationError) as error:
        reserve(small, 1, party_size=4)
    assert error.value.code == "over_capacity"
    with translation.override("en"):
        with pytest.raises(ReservationError) as error:
            reserve(small, 1, party_size=4)
        assert "room for 3 people in all" in str(error.value.message)
    assert not Reservation.objects.exists()
    assert reserve(small, 1, party_size=3).state == Confirmed


def test_no_promotion_once_the_session_has_started(session):
    for n in range(5):
        reserve(session, n)
    waiting = reserve(session, 9)
    Session.objects.filter(pk=session.pk).update(capacity=6)
    session.refresh_from_db()
    with time_machine.travel(session.starts_at + datetime.timedelta(minutes=1)):
        assert waiting_list_promote(session=session) == []
    waiting.refresh_from_db()
    assert waiting.state == Waiting
    assert waiting_list_promote(session=session) == [waiting]  # before the start it would
