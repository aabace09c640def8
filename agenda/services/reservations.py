"""Places in a session: reservations that never overbook, and a waiting list in order.

Every function that changes places locks the session row (SELECT … FOR UPDATE) inside one
transaction at READ COMMITTED, so `Session.places_booked` and `places_waiting` always equal the
sums over the session's reservations, and confirmed places never exceed its capacity. The
locked part is kept short (a handful of small statements, nothing rendered): in a rush every
other request for the session waits on it. The e-mails are written later, by the outbox
(agenda.services.reservation_mail).
"""

import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Value
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.debug import sensitive_variables

from agenda.models import CancelReason, Reservation, ReservationState, Session
from agenda.postcodes import read_postcode
from agenda.services.errors import ReservationError
from agenda.services.reservation_mail import CANCELLED, EVENT, reservation_mail_enqueue

DUPLICATE = _(
    "You already have a reservation for this session with this e-mail address. Look in your "
    "e-mail for the link to see or cancel it."
)
# Session.closed_for_reservations → what the resident reads.
CLOSED = {
    "walk_in": _("This activity is walk-in: just drop in."),
    "cancelled": _("This session has been cancelled."),
    "past": _("This session has already started."),
}


def _lock_session(session_pk: int) -> Session:
    """The session row, locked: its places and counters, nothing joined."""
    sessions = Session.objects.all()
    if settings.RESERVATION_LOCKING:
        sessions = sessions.select_for_update()
    return sessions.get(pk=session_pk)


def _save_counters(session: Session) -> None:
    # Values computed under the lock, written as they are: with the lock switched off (a test)
    # concurrent writers then visibly lose updates instead of hiding the race. `updated_at`
    # stays: the page cache tracks both sums, and calendars should not see a new revision.
    Session.objects.filter(pk=session.pk).update(
        places_booked=session.places_booked, places_waiting=session.places_waiting
    )


def _fits(session: Session, party_size: int) -> bool:
    return session.capacity is None or session.capacity - session.places_booked >= party_size


def _can_ever_fit(session: Session, party_size: int) -> bool:
    """False for a party larger than the whole session."""
    return session.capacity is None or party_size <= session.capacity


def _holds_a_place(session: Session, email: str) -> bool:
    """This address already has a place or waits for one: reservation_one_active_per_email."""
    return (
        Reservation.objects.active()
        .filter(session=session)
        .exclude(email="")
        .annotate(email_lower=Lower("email"))
        .filter(email_lower=Lower(Value(email)))
        .exists()
    )


# Name, e-mail and postcode: no error report may carry a resident's data, not even as a local
# variable of a frame further down (a database error's parameters, say).
@sensitive_variables()
def reservation_create(
    *,
    session: Session,
    name: str,
    email: str,
    party_size: int,
    language: str,
    age_bracket: str = "",
    postcode: str = "",
    channel=None,
    referral_code: str = "",
    consent_contact: bool = False,
    consent_followup: bool = False,
    client: str = "",
) -> Reservation:
    """A confirmed place if the party fits and nobody waits, else a place on the waiting list.

    Raises ReservationError when the session takes no reservations (cancelled, past, walk-in),
    the party is too large for the activity or for the whole session, or this e-mail address
    already holds a place or waits for one. `session.activity` is read as the caller has it.
    `referral_code`: the tracked link this browser came through (agenda.referral), or ''.
    """
    email = email.strip()
    country, code, district = read_postcode(postcode)
    activity = session.activity
    # Checked before the lock, so a double submit costs the rush nothing and no failed INSERT
    # puts the address in the database server's log; the constraint below catches the rare
    # double submit whose two requests both get here first.
    if _holds_a_place(session, email):
        raise ReservationError(DUPLICATE, "duplicate")
    with transaction.atomic():
        session = _lock_session(session.pk)
        session.activity = activity
        closed = session.closed_for_reservations
        if closed:
            raise ReservationError(CLOSED[closed], closed)
        if not 1 <= party_size <= activity.max_party_size:
            raise ReservationError(
                _("You can reserve for 1 to %(max)s people.") % {"max": activity.max_party_size},
                "party_size",
            )
        if not _can_ever_fit(session, party_size):
            # It would wait for ever, and hold up everyone behind it.
            raise ReservationError(
                ngettext(
                    "This session has room for %(count)s person in all. Choose another time.",
                    "This session has room for %(count)s people in all. Reserve for fewer "
                    "people, or choose another time.",
                    session.capacity,
                )
                % {"count": session.capacity},
                "over_capacity",
            )
        # Nobody jumps the queue: while anyone waits, newcomers wait too. Everyone waiting can
        # get in one day (see `_promote`), so the counter says it without another query.
        if not session.places_waiting and _fits(session, party_size):
            state = ReservationState.CONFIRMED
            session.places_booked += party_size
        else:
            state = ReservationState.WAITING
            session.places_waiting += party_size
        reservation = Reservation(
            session=session,
            name=name.strip(),
            email=email,
            party_size=party_size,
            age_bracket=age_bracket,
            postcode=code,
            country=country,
            district=district,
            channel=channel,
            referral_code=referral_code,
            consent_contact=consent_contact,
            consent_followup=consent_followup,
            state=state,
            language=language,
            token=secrets.token_urlsafe(32),
            client=client,
        )
        try:
            # The failed INSERT ends this transaction, or rolls back to its savepoint when it
            # runs inside another.
            reservation.save(force_insert=True)
        except IntegrityError as error:
            if getattr(error.__cause__, "diag", None) is None or (
                error.__cause__.diag.constraint_name != "reservation_one_active_per_email"
            ):
                raise
            raise ReservationError(DUPLICATE, "duplicate") from error
        _save_counters(session)
        if state == ReservationState.CONFIRMED:
            reservation_mail_enqueue(reservation, "reservation_confirmed", calendar=EVENT)
        else:
            reservation_mail_enqueue(reservation, "reservation_waiting")
    return reservation


def reservation_cancel(
    *, reservation: Reservation, by_organiser: bool = False
) -> list[Reservation]:
    """Cancel a place or a place in line; freed places go to the waiting list at once.
    `by_organiser`: the provider or staff cancelled it, and the e-mail says so.

    Returns the reservations promoted from the waiting list. Cancelling twice changes nothing.
    Raises ReservationError once the session has started: the place has been used (or not),
    and nobody could take it over any more.
    """
    with transaction.atomic():
        session = _lock_session(reservation.session_id)
        reservation = Reservation.objects.select_for_update().get(pk=reservation.pk)
        if not reservation.is_active:
            return []
        if session.has_started:
            raise ReservationError(
                _("This session has already started, so it can no longer be cancelled."),
                "started",
            )
        had_place = reservation.is_confirmed
        if had_place:
            session.places_booked -= reservation.party_size
        else:
            session.places_waiting -= reservation.party_size
        reservation.state = ReservationState.CANCELLED
        if by_organiser:
            reservation.cancel_reason = CancelReason.ORGANISER
        else:
            reservation.cancel_reason = (
                CancelReason.RESIDENT if had_place else CancelReason.LEFT_LINE
            )
        reservation.save(update_fields=["state", "cancel_reason", "updated_at"])
        # The confirmation carried the event; this one takes it out of the calendar again.
        reservation_mail_enqueue(
            reservation,
            "reservation_cancelled_by_organiser" if by_organiser else "reservation_cancelled",
            calendar=CANCELLED if had_place else None,
        )
        promoted = _promote(session)
        _save_counters(session)
    return promoted


def reservation_reduce(*, reservation: Reservation, party_size: int) -> list[Reservation]:
    """Come with fewer people: the reservation keeps its place (confirmed or in line) for
    `party_size`, and the places it frees go to the waiting list at once.

    Returns the reservations promoted from the waiting list (this one among them, when it
    waited and now fits). Raises ReservationError when it is no longer active, the session has
    started, or `party_size` is not smaller than it was (and at least 1).
    """
    with transaction.atomic():
        session = _lock_session(reservation.session_id)
        reservation = Reservation.objects.select_for_update().get(pk=reservation.pk)
        if not reservation.is_active:
            raise ReservationError(_("This reservation is no longer active."), "inactive")
        if session.has_started:
            raise ReservationError(
                _("This session has already started, so it can no longer be changed."),
                "started",
            )
        if not 1 <= party_size < reservation.party_size:
            raise ReservationError(
                _("Choose fewer people than before, at least 1, or cancel."), "party_size"
            )
        freed = reservation.party_size - party_size
        if reservation.is_confirmed:
            session.places_booked -= freed
        else:
            session.places_waiting -= freed
        reservation.party_size = party_size
        reservation.save(update_fields=["party_size", "updated_at"])
        reservation_mail_enqueue(reservation, "reservation_reduced")
        promoted = _promote(session)
        _save_counters(session)
    return promoted


def waiting_list_promote(*, session: Session) -> list[Reservation]:
    """Bring the waiting list in line with a changed capacity: free places go to it, and a
    party that no longer fits in the whole session is told and leaves it (see `_promote`).
    """
    with transaction.atomic():
        session = _lock_session(session.pk)
        promoted = _promote(session)
        _save_counters(session)
    return promoted


def _promote(session: Session) -> list[Reservation]:
    """Confirm waiting reservations strictly in order while they fit.

    First in, first served: when the first in line does not fit in the free places, nobody
    behind them goes ahead. A party larger than the whole session (its capacity was lowered)
    could never come in: its place in line ends and it is told, so everyone waiting can get in
    one day and `places_waiting` alone says whether a newcomer must wait. Nothing moves once
    the session has started (see docs/decisions.md, Reservations).
    """
    promoted = []
    if session.is_cancelled or session.has_started:
        return promoted
    blocked = False
    for waiting in Reservation.objects.waiting().filter(session=session).select_for_update():
        if not _can_ever_fit(session, waiting.party_size):
            session.places_waiting -= waiting.party_size
            waiting.state = ReservationState.CANCELLED
            waiting.cancel_reason = CancelReason.TOO_LARGE
            waiting.save(update_fields=["state", "cancel_reason", "updated_at"])
            # The capacity of now: it may change again before the e-mail is written.
            reservation_mail_enqueue(waiting, "waiting_party_too_large", capacity=session.capacity)
            continue
        # Behind the first who does not fit, only the parties that never can are looked at.
        blocked = blocked or not _fits(session, waiting.party_size)
        if blocked:
            continue
        session.places_booked += waiting.party_size
        session.places_waiting -= waiting.party_size
        waiting.state = ReservationState.CONFIRMED
        waiting.save(update_fields=["state", "updated_at"])
        reservation_mail_enqueue(waiting, "reservation_promoted", calendar=EVENT)
        promoted.append(waiting)
    return promoted


def session_cancel(*, session: Session) -> int:
    """Cancel a session: everyone with a place or on its waiting list is told by e-mail.

    Returns how many were told. Who cancelled is in the admin's log or the provider's own.
    """
    with transaction.atomic():
        session = _lock_session(session.pk)
        session.is_cancelled = True
        session.places_booked = session.places_waiting = 0
        session.save(
            update_fields=["is_cancelled", "places_booked", "places_waiting", "updated_at"]
        )
        affected = list(Reservation.objects.active().filter(session=session).select_for_update())
        for reservation in affected:
            had_place = reservation.is_confirmed
            reservation.state = ReservationState.CANCELLED
            reservation.cancel_reason = CancelReason.SESSION_CANCELLED
            reservation.save(update_fields=["state", "cancel_reason", "updated_at"])
            # The session's calendar file says STATUS:CANCELLED, so calendars drop the event;
            # only a place was ever in a calendar.
            reservation_mail_enqueue(
                reservation, "session_cancelled", calendar=EVENT if had_place else None
            )
    return len(affected)
