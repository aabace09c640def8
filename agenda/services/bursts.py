"""Many reservations from one connection: the provider and staff see them together and can
cancel them in one step. A script with fresh e-mail addresses can fill a session; it cannot
as easily hide that it came from one place.

The connection is the client's address as the rate limits count it (an IPv4 address, or an
IPv6 /64), stored only as a code keyed with SECRET_KEY: equal codes mean one connection, and
the address cannot be read back from it. The code goes with the rest of the personal data
(`reservations_purge`).
"""

import hashlib

from django.conf import settings
from django.db.models import Count, Sum

from agenda.models import Reservation, Session
from agenda.services.reservations import reservation_cancel


def client_code(client: str) -> str:
    """The code stored for a connection (`agenda.ratelimit.client_key`); "" for none."""
    if not client:
        return ""
    key = hashlib.sha256(f"week3-client:{settings.SECRET_KEY}".encode()).digest()
    return hashlib.blake2b(client.encode(), key=key, digest_size=8).hexdigest()


def session_bursts(session: Session) -> list[dict]:
    """Connections with RESERVATION_BURST_SIZE or more active reservations for the session,
    most first: each `client` (the code), `count` and `people`."""
    return list(
        Reservation.objects.active()
        .filter(session=session)
        .exclude(client="")
        .values("client")
        .annotate(count=Count("pk"), people=Sum("party_size"))
        .filter(count__gte=settings.RESERVATION_BURST_SIZE)
        .order_by("-count", "client")
    )


def reservations_cancel_burst(*, session: Session, client: str) -> int:
    """Cancel every active reservation for the session from one connection, each as the
    resident's own cancellation would be (places to the waiting list), with an e-mail that says
    the organiser cancelled it. Returns how many were cancelled; raises ReservationError once
    the session has started."""
    if not client:
        return 0
    cancelled = 0
    for reservation in Reservation.objects.active().filter(session=session, client=client):
        reservation_cancel(reservation=reservation, by_organiser=True)
        cancelled += 1
    return cancelled
