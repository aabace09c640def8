"""The calendar event of a reservation: a cancellation replaces it, a wait never had one."""

import icalendar
import pytest
from django.core import mail

from agenda.services.reservations import reservation_cancel, session_cancel
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
