"""A session's time, place and capacity as providers and staff change them: residents hear
about a new time or place, and a new capacity reaches the waiting list at once."""

from django.db import transaction

from agenda.models import Reservation, Session
from agenda.services.reservation_mail import EVENT, reservation_mail_enqueue
from agenda.services.reservations import session_cancel, waiting_list_promote

# What a session's own edit may write: never the counters or `is_cancelled`, which
# agenda.services.reservations keeps under a row lock.
SESSION_FIELDS = ["starts_at", "ends_at", "venue", "capacity"]


def session_snapshot(session: Session) -> Session:
    """An unsaved copy of what a session is now, to compare with and to tell about later."""
    return Session(
        pk=session.pk,
        activity_id=session.activity_id,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        venue_id=session.venue_id,
        capacity=session.capacity,
        is_cancelled=session.is_cancelled,
    )


def _moved(before: Session, after: Session) -> bool:
    return (before.starts_at, before.ends_at, before.venue_id) != (
        after.starts_at,
        after.ends_at,
        after.venue_id,
    )


def session_edited(*, before: Session, session: Session) -> None:
    """After a session's time, venue or capacity changed (`before`: a snapshot): tell
    residents about a new time or place; bring the waiting list in line with a new capacity
    (more room goes to it; a party that no longer fits leaves it, and is told).
    """
    if before.is_cancelled:
        return
    if _moved(before, session):
        session_change_notify(session=session, previous=before)
    if before.capacity != session.capacity:
        waiting_list_promote(session=session)


@transaction.atomic
def session_save(*, session: Session) -> Session:
    """Save a session's time, venue and capacity as staff changed them (the admin).

    Writes only those fields: the counters and `is_cancelled` belong to
    agenda.services.reservations (cancel through session_cancel).
    """
    if session.pk is None:
        session.places_booked = session.places_waiting = 0
        session.is_cancelled = False
        session.save()
        return session
    before = Session.objects.get(pk=session.pk)
    session.save(update_fields=[*SESSION_FIELDS, "updated_at"])
    session_edited(before=before, session=session)
    return session


@transaction.atomic
def session_remove(*, session: Session) -> None:
    """Delete a session; one with reservations is cancelled instead, and residents are told."""
    if Reservation.objects.active().filter(session=session).exists():
        session_cancel(session=session)
    else:
        session.delete()


@transaction.atomic
def session_change_notify(*, session: Session, previous: Session) -> int:
    """E-mail everyone with a place or on the waiting list that the session's time or venue
    changed: the new details, and for a place a calendar file that replaces the old event.

    `previous` holds the old time and venue (an unsaved copy). Returns how many were told.
    """
    affected = list(
        Reservation.objects.active().filter(session=session).exclude(email="").order_by("pk")
    )
    if session.starts_at != previous.starts_at:
        # The reminder goes out the day before: a moved session is reminded of again.
        Reservation.objects.filter(pk__in=[r.pk for r in affected]).update(reminder_sent_at=None)
    for reservation in affected:
        # A later SEQUENCE with the same UID: calendars update the event. A place in line was
        # never put in a calendar; once promoted, that e-mail brings the event.
        reservation_mail_enqueue(
            reservation,
            "reservation_changed",
            calendar=EVENT if reservation.is_confirmed else None,
            previous=previous,
        )
    return len(affected)
