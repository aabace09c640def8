"""The e-mails about a resident's place: queued in the transaction that changes the place,
written by the outbox when they go out, in the resident's language.

Every such e-mail is `agenda/email/<kind>/subject.txt` and `body.txt` with one context, built
here; a calendar file goes along where the place is in a calendar: a confirmed place, never a
place in line.
"""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from agenda.ical import session_ics
from agenda.models import Reservation, Session
from outbox.services import WrittenMail, mail_enqueue_written_later, mail_render
from providers.models import Venue

# What an e-mail about a place carries as its calendar file: the session as it is (a cancelled
# session says so), or the event cancelled for this resident only.
EVENT = "event"
CANCELLED = "cancelled"
# The name these e-mails are queued under (week3.settings.OUTBOX_WRITERS).
MAIL_WRITER = "agenda.reservation"


def manage_url(reservation: Reservation) -> str:
    """The resident's personal page, in their language."""
    with translation.override(reservation.language):
        return settings.SITE_URL + reservation.personal_path()


def reservation_mail_enqueue(
    reservation: Reservation,
    kind: str,
    *,
    calendar: str | None = None,
    capacity: int | None = None,
    previous: Session | None = None,
) -> None:
    """Queue e-mail `kind` about a reservation; the outbox writes it when it goes out, so
    nothing is rendered while a session is locked.

    What must be told as it was at this moment goes along: the capacity of a cut, or the time
    and place a session had before it moved (`previous`, an unsaved copy).
    """
    params = {"reservation": reservation.pk, "kind": kind, "calendar": calendar}
    if capacity is not None:
        params["capacity"] = capacity
    if previous is not None:
        params["previous"] = {
            "starts_at": previous.starts_at.isoformat(),
            "ends_at": previous.ends_at.isoformat(),
            "venue": previous.venue_id,
        }
        if Session.venue.is_cached(previous):
            # The venue's own address changed: the old one cannot be read later.
            params["previous"]["address"] = previous.venue.address
    mail_enqueue_written_later(to=reservation.email, writer=MAIL_WRITER, params=params)


def _still_news(kind: str, reservation: Reservation) -> bool:
    if kind == "reservation_waiting":
        # Promoted or cancelled before this went out: that e-mail says it all.
        return reservation.is_waiting
    if kind == "reservation_reminder":
        return reservation.is_confirmed
    if kind in ("reservation_changed", "reservation_reduced"):
        return reservation.is_active
    return True


def _previous(params: dict) -> tuple[Session | None, Venue | None, str]:
    """The session's time, venue and the venue's address before the change (the old address
    when the venue itself moved)."""
    if "previous" not in params:
        return None, None, ""
    before = params["previous"]
    previous = Session(
        starts_at=datetime.datetime.fromisoformat(before["starts_at"]),
        ends_at=datetime.datetime.fromisoformat(before["ends_at"]),
    )
    venue = Venue.objects.filter(pk=before["venue"]).first()
    address = before.get("address") or (venue.address if venue is not None else "")
    return previous, venue, address


def write_reservation_mail(params: dict) -> WrittenMail | None:
    """The e-mail as it reads now; None when there is nothing to tell any more."""
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
    if not _still_news(kind, reservation):
        return None
    session = reservation.session
    attachments = []
    if params["calendar"]:
        cancelled_at = reservation.updated_at if params["calendar"] == CANCELLED else None
        ics = session_ics(session, cancelled_at=cancelled_at)
        attachments.append(("week3.ics", ics, "text/calendar"))
    previous, previous_venue, previous_address = _previous(params)
    with translation.override(reservation.language):
        activity_url = settings.SITE_URL + session.activity.get_absolute_url()
        privacy_url = settings.SITE_URL + reverse("agenda:privacy")
    return mail_render(
        template=f"agenda/email/{kind}",
        context={
            "reservation": reservation,
            "session": session,
            "activity": session.activity,
            "venue": session.venue,
            "position": reservation.position_in_line(),
            "capacity": params.get("capacity", session.capacity),
            "previous": previous,
            "previous_venue": previous_venue,
            "previous_address": previous_address,
            "manage_url": manage_url(reservation) if reservation.token else "",
            "with_calendar": bool(attachments),
            "activity_url": activity_url,
            "privacy_url": privacy_url,
        },
        language=reservation.language,
        attachments=attachments,
    )
