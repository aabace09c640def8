"""Reservations: places that never overbook, a waiting list in order, and the e-mails about them.

Every function that changes places locks the session row (SELECT … FOR UPDATE) inside one
transaction at READ COMMITTED, so `Session.places_booked` and `places_waiting` always equal the
sums over the session's reservations, and confirmed places never exceed its capacity. The
locked part is kept short (a handful of small statements, nothing rendered): in a rush every
other request for the session waits on it. The e-mails are written later, by the outbox.
"""

import datetime
import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Case, CharField, F, Q, Value, When
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.debug import sensitive_variables

from agenda.ical import session_ics
from agenda.models import Activity, Reservation, ReservationState, Session
from providers.mail import (
    WrittenMail,
    mail_enqueue_written_later,
    mail_purge,
    mail_render,
    mail_writer,
)
from providers.models import PostcodeRange, normalise_postcode

DUPLICATE = _(
    "You already have a reservation for this session with this e-mail address. Look in your "
    "e-mail for the link to see or cancel it."
)


class ReservationError(Exception):
    """Why a reservation cannot be made, in words for the resident."""

    def __init__(self, message, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


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


def waiting_position(reservation: Reservation) -> int | None:
    """1 for the first in line; None when not waiting."""
    if not reservation.is_waiting:
        return None
    return (
        Reservation.objects.waiting()
        .filter(session_id=reservation.session_id)
        .filter(
            Q(created_at__lt=reservation.created_at)
            | Q(created_at=reservation.created_at, pk__lte=reservation.pk)
        )
        .count()
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
    consent_contact: bool = False,
    consent_followup: bool = False,
) -> Reservation:
    """A confirmed place if the party fits and nobody waits, else a place on the waiting list.

    Raises ReservationError when the session takes no reservations (cancelled, past, walk-in),
    the party is too large for the activity or for the whole session, or this e-mail address
    already holds a place or waits for one. `session.activity` is read as the caller has it.
    """
    email = email.strip()
    code = normalise_postcode(postcode)
    district = PostcodeRange.district_for(code) if code else None
    activity = session.activity
    # Checked before the lock, so a double submit costs the rush nothing and no failed INSERT
    # puts the address in the database server's log; the constraint below catches the rare
    # double submit whose two requests both get here first.
    if _holds_a_place(session, email):
        raise ReservationError(DUPLICATE, "duplicate")
    with transaction.atomic():
        session = _lock_session(session.pk)
        if activity.is_walk_in:
            raise ReservationError(_("This activity is walk-in: just drop in."), "walk_in")
        if session.is_cancelled:
            raise ReservationError(_("This session has been cancelled."), "cancelled")
        if session.starts_at <= timezone.now():
            raise ReservationError(_("This session has already started."), "past")
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
            district=district,
            channel=channel,
            consent_contact=consent_contact,
            consent_followup=consent_followup,
            state=state,
            language=language,
            token=secrets.token_urlsafe(32),
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
            _enqueue(reservation, "reservation_confirmed", calendar=EVENT)
        else:
            _enqueue(reservation, "reservation_waiting")
    return reservation


def reservation_cancel(*, reservation: Reservation) -> list[Reservation]:
    """Cancel a place or a place in line; freed places go to the waiting list at once.

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
        reservation.save(update_fields=["state", "updated_at"])
        # The confirmation carried the event; this one takes it out of the calendar again.
        _enqueue(reservation, "reservation_cancelled", calendar=CANCELLED if had_place else None)
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
            waiting.save(update_fields=["state", "updated_at"])
            # The capacity of now: it may change again before the e-mail is written.
            _enqueue(waiting, "waiting_party_too_large", capacity=session.capacity)
            continue
        # Behind the first who does not fit, only the parties that never can are looked at.
        blocked = blocked or not _fits(session, waiting.party_size)
        if blocked:
            continue
        session.places_booked += waiting.party_size
        session.places_waiting -= waiting.party_size
        waiting.state = ReservationState.CONFIRMED
        waiting.save(update_fields=["state", "updated_at"])
        _enqueue(waiting, "reservation_promoted", calendar=EVENT)
        promoted.append(waiting)
    return promoted


def session_cancel(*, session: Session, by=None) -> int:
    """Cancel a session: everyone with a place or on its waiting list is told by e-mail.

    `by` is the user who cancels (a provider user or staff); returns how many were told.
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
            reservation.state = ReservationState.CANCELLED
            reservation.save(update_fields=["state", "updated_at"])
            # The session's calendar file says STATUS:CANCELLED, so calendars drop the event.
            _enqueue(reservation, "session_cancelled", calendar=EVENT)
    return len(affected)


def reservation_mark_attendance(*, reservation: Reservation, attended: bool) -> Reservation:
    """After the session: did a confirmed resident come? (for the provider's attendance list)."""
    allowed = [ReservationState.CONFIRMED, ReservationState.ATTENDED, ReservationState.NO_SHOW]
    with transaction.atomic():
        reservation = (
            Reservation.objects.select_for_update(of=("self",))
            .select_related("session")
            .get(pk=reservation.pk)
        )
        if reservation.state not in allowed:
            raise ReservationError(_("Only confirmed reservations can be marked."), "state")
        if not reservation.session.attendance_open:
            # Marked early, a place would stop counting as "active" while the resident can
            # still cancel it: attendance is for the day of the session and later.
            raise ReservationError(
                _("You can mark who came from the day of the session on."), "too_early"
            )
        reservation.state = ReservationState.ATTENDED if attended else ReservationState.NO_SHOW
        reservation.save(update_fields=["state", "updated_at"])
    return reservation


def session_walk_ins_record(*, session: Session, walk_ins: int) -> Session:
    """How many people came without a reservation; recorded from the day of the session on."""
    with transaction.atomic():
        session = Session.objects.select_for_update(of=("self",)).get(pk=session.pk)
        if not session.attendance_open:
            raise ReservationError(
                _("You can fill in the walk-ins from the day of the session on."), "too_early"
            )
        session.walk_ins = walk_ins
        # Not shown on public pages, and calendars need no new revision: updated_at stays.
        Session.objects.filter(pk=session.pk).update(walk_ins=walk_ins)
    return session


def session_attendance_list(session: Session):
    """The session's reservations for its provider: the e-mail only of who agreed to contact.

    Each row has `contact_email` ("" without consent); name, e-mail and postcode stay unread
    otherwise. Cancelled reservations are left out.
    """
    return (
        Reservation.objects.filter(session=session)
        .exclude(state=ReservationState.CANCELLED)
        .annotate(
            contact_email=Case(
                When(consent_contact=True, then=F("email")),
                default=Value(""),
                output_field=CharField(),
            )
        )
        .only("pk", "session_id", "name", "party_size", "state", "created_at", "consent_contact")
        .order_by("state", "created_at", "pk")
    )


def reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Queue the day-before reminder for every confirmed place in tomorrow's sessions.

    Only for sessions that take place and that the public agenda shows: not cancelled, of an
    approved activity of an approved provider in a published edition. Safe to run any number
    of times, also at once: each reservation is marked in the same transaction that queues its
    e-mail, and rows another run holds are skipped.
    """
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    count = 0
    with transaction.atomic():
        due = (
            # `of`: the reservation rows only; the sessions joined in the filter stay free for
            # bookings, and a session a booking holds is not skipped.
            Reservation.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(
                state=ReservationState.CONFIRMED,
                reminder_sent_at__isnull=True,
                session__is_cancelled=False,
                session__starts_at__date=tomorrow,
                session__activity__in=Activity.objects.public(),
            )
            .exclude(email="")
        )
        for reservation in due:
            _enqueue(reservation, "reservation_reminder", calendar=EVENT)
            reservation.reminder_sent_at = now
            reservation.save(update_fields=["reminder_sent_at"])
            count += 1
    return count


def reservations_purge(*, now: datetime.datetime | None = None) -> int:
    """Remove names, e-mail addresses, postcodes and links from reservations of sessions that
    ended RESERVATION_RETENTION_DAYS ago, and older e-mails; anonymous counts stay.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.RESERVATION_RETENTION_DAYS)
    with transaction.atomic():
        count = Reservation.objects.filter(
            session__ends_at__lt=cutoff, anonymised_at__isnull=True
        ).update(name="", email="", postcode="", token="", anonymised_at=now)
        mail_purge(before=cutoff)
    return count


def manage_url(reservation: Reservation) -> str:
    with translation.override(reservation.language):
        return settings.SITE_URL + reservation.get_absolute_url()


# What an e-mail about a place carries as its calendar file: the session as it is (a cancelled
# session says so), or the event cancelled for this resident only.
EVENT = "event"
CANCELLED = "cancelled"
MAIL_WRITER = "agenda.reservation"


def _enqueue(
    reservation: Reservation, kind: str, *, calendar: str | None = None, capacity=None
) -> None:
    """Queue e-mail `kind` (its templates: agenda/email/<kind>_*.txt) about a reservation.

    Written when it goes out (`_write_mail`): nothing is rendered while the session is locked.
    What must be told as it was at this moment goes along (`capacity`).
    """
    mail_enqueue_written_later(
        to=reservation.email,
        writer=MAIL_WRITER,
        params={
            "reservation": reservation.pk,
            "kind": kind,
            "calendar": calendar,
            "capacity": capacity,
        },
    )


@mail_writer(MAIL_WRITER)
def _write_mail(params: dict) -> WrittenMail | None:
    reservation = (
        Reservation.objects.select_related(
            "session__activity__provider", "session__venue__district"
        )
        .filter(pk=params["reservation"])
        .first()
    )
    if reservation is None or not reservation.email:
        return None  # its personal data has been removed since
    kind = params["kind"]
    if kind == "reservation_waiting" and not reservation.is_waiting:
        return None  # promoted or cancelled before this went out: that e-mail says it all
    if kind == "reservation_reminder" and not reservation.is_confirmed:
        return None  # cancelled since
    session = reservation.session
    attachments = []
    if params["calendar"]:
        cancelled_at = reservation.updated_at if params["calendar"] == CANCELLED else None
        ics = session_ics(session, cancelled_at=cancelled_at)
        attachments.append(("week3.ics", ics, "text/calendar"))
    with translation.override(reservation.language):
        activity_url = settings.SITE_URL + session.activity.get_absolute_url()
        privacy_url = settings.SITE_URL + reverse("agenda:privacy")
    return mail_render(
        subject_template=f"agenda/email/{kind}_subject.txt",
        body_template=f"agenda/email/{kind}_body.txt",
        context={
            "reservation": reservation,
            "session": session,
            "activity": session.activity,
            "venue": session.venue,
            "position": waiting_position(reservation),
            "capacity": params.get("capacity", session.capacity),
            "manage_url": manage_url(reservation) if reservation.token else "",
            "activity_url": activity_url,
            "privacy_url": privacy_url,
        },
        language=reservation.language,
        attachments=attachments,
    )
