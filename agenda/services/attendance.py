"""After a session: who came, who did not, and how many walked in; the provider's list."""

from django.db import transaction
from django.db.models import Case, CharField, F, Value, When
from django.utils.translation import gettext_lazy as _

from agenda.models import Reservation, ReservationState, Session
from agenda.services.errors import ReservationError


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
        .only(
            "pk",
            "session_id",
            "name",
            "party_size",
            "state",
            "created_at",
            "consent_contact",
            "client",
        )
        .order_by("state", "created_at", "pk")
    )
