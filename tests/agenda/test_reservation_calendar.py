"""The calendar event of a reservation: a cancellation replaces it, a wait never had one."""

import datetime

import icalendar
import pytest
from django.core import mail

from agenda.models import Reservation
from agenda.services.reservations import reservation_cancel, session_cancel
from agenda.services.sessions import session_save
from tests.factories import reserve

pytestmark = pytest.mark.django_db


def event_of(ics) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(ics if isinstance(ics, bytes) else ics.encode())
    (event,) = calendar.walk("VEVENT")
    return event


def ics_attachment(message):
    (attachment,) = message.attachments
    return event_of(attachment[1])


def test_the_residents_own_cancel_carries_a_cancelled_event(
    client, session, clock, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reservation = reserve(session, 1)
    confirmed = ics_attachment(mail.outbox[0])
    assert confirmed["STATUS"] == "CONFIRMED"
    mail.outbox.clear()
    clock.shift(60)
    with django_capture_on_commit_callbacks(execute=True):
        reservation_cancel(reservation=reservation)
    cancelled = ics_attachment(mail.outbox[0])
    assert cancelled["STATUS"] == "CANCELLED"
    assert cancelled["UID"] == confirmed["UID"]
    assert cancelled["SEQUENCE"] > confirmed["SEQUENCE"]
    assert cancelled["DTSTAMP"].dt > confirmed["DTSTAMP"].dt

    # The personal link's calendar download says cancelled too.
    download = client.get(f"{reservation.personal_path()}agenda.ics").content
    assert event_of(download)["STATUS"] == "CANCELLED"


def test_leaving_the_waiting_list_sends_no_calendar_event(
    session, django_capture_on_commit_callbacks
):
    for n in range(5):
        reserve(session, n)
    waiting = reserve(session, 9)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reservation_cancel(reservation=waiting)
    (message,) = mail.outbox
    assert message.attachments == []  # they never had the event in their calendar


def test_a_cancelled_session_sends_a_newer_cancelled_event(
    session, clock, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reserve(session, 1)
    confirmed = ics_attachment(mail.outbox[0])
    mail.outbox.clear()
    clock.shift(60)
    with django_capture_on_commit_callbacks(execute=True):
        session_cancel(session=session)
    cancelled = ics_attachment(mail.outbox[0])
    assert cancelled["STATUS"] == "CANCELLED"
    assert cancelled["UID"] == confirmed["UID"]
    assert cancelled["SEQUENCE"] > confirmed["SEQUENCE"]


def calendars(message):
    return [a for a in message.attachments if a[2] == "text/calendar"]


@pytest.fixture
def place_and_wait(session):
    """A place for four of the five, and a party of two waiting behind it (e-mails in English)."""
    confirmed = reserve(session, 1, party_size=4, language="en")
    waiting = reserve(session, 2, party_size=2, language="en")
    assert (confirmed.state, waiting.state) == (
        Reservation.State.CONFIRMED,
        Reservation.State.WAITING,
    )
    mail.outbox.clear()
    return confirmed, waiting


def test_a_moved_session_updates_the_event_of_a_place_only(
    session, place_and_wait, django_capture_on_commit_callbacks
):
    confirmed, waiting = place_and_wait
    session.starts_at += datetime.timedelta(days=1)
    session.ends_at += datetime.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        session_save(session=session)

    told = {message.to[0]: message for message in mail.outbox}
    assert calendars(told[confirmed.email])
    assert "The attached file updates the session in your calendar." in told[confirmed.email].body
    to_waiting = told[waiting.email]  # told of the new time, in line as before
    assert calendars(to_waiting) == []
    assert "attached file" not in to_waiting.body
    assert "Take yourself off the waiting list" in to_waiting.body


def test_a_cancelled_session_sends_no_event_to_who_only_waited(
    session, place_and_wait, django_capture_on_commit_callbacks
):
    confirmed, waiting = place_and_wait
    with django_capture_on_commit_callbacks(execute=True):
        session_cancel(session=session)

    told = {message.to[0]: message for message in mail.outbox}
    assert event_of(calendars(told[confirmed.email])[0][1])["STATUS"] == "CANCELLED"
    assert "The attached file removes the session" in told[confirmed.email].body
    assert calendars(told[waiting.email]) == []
    assert "attached file" not in told[waiting.email].body
