"""Reminders and bookings at the same moment, on two real database connections."""

import datetime
import threading

import pytest
from django.db import connection, transaction

from agenda.models import Session
from agenda.services.scheduled import reminders_send
from tests.factories import ActivityFactory, ReservationFactory, SessionFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_reminders_are_not_skipped_while_a_booking_holds_the_session(reference_data):
    session = SessionFactory(capacity=5, activity=ActivityFactory())
    ReservationFactory(session=session)
    locked, release = threading.Event(), threading.Event()

    def booking_in_progress():
        # As reservation_create holds it: the session row locked in an open transaction.
        try:
            with transaction.atomic():
                Session.objects.select_for_update().get(pk=session.pk)
                locked.set()
                release.wait(timeout=30)
        finally:
            connection.close()

    thread = threading.Thread(target=booking_in_progress)
    thread.start()
    try:
        assert locked.wait(timeout=30)
        day_before = session.starts_at - datetime.timedelta(hours=20)
        assert reminders_send(now=day_before) == 1
    finally:
        release.set()
        thread.join()
