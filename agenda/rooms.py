"""Room in every session of the public agenda, read fresh when a page is served.

Free places change with every booking. Rather than re-render pages for them, cached pages carry
a marker where a session's places show (agenda.caching fills it in), and this module answers
from a map of every session on the public agenda: its capacity, places booked and waiting,
times and whether it is cancelled. Each process reads the map again at most every
CONTENT_FINGERPRINT_TTL seconds (one query), so a full session shows as full within that time,
and a booking costs the cached pages nothing.
"""

import datetime
import hashlib
import threading
import time
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F, FloatField, Func
from django.utils import timezone

from agenda.models import Activity, Session, free_spots_condition

# A query parameter whose results depend on which sessions have free spots (AgendaFilter.plek):
# what answers it keys on Rooms.free_fingerprint.
FREE_SPOTS_PARAM = "plek"


@dataclass(frozen=True)
class Rooms:
    """The map as read at one moment: session pk → what the markers need of it."""

    # pk → [activity slug, registration, cancelled, capacity, booked, waiting, starts, ends (as
    # POSIX timestamps), has free spots]
    sessions: dict[int, list]

    def session(self, pk: int) -> Session | None:
        """An unsaved Session (with its activity's slug and registration), or None. Made once
        per map: every page served while the map lives fills in the same sessions."""
        session = self._built.get(pk)
        if session is None:
            row = self.sessions.get(pk)
            if row is None:
                return None
            slug, registration, cancelled, capacity, booked, waiting, starts, ends, _free = row
            session = Session(
                pk=pk,
                starts_at=datetime.datetime.fromtimestamp(starts, datetime.UTC),
                ends_at=datetime.datetime.fromtimestamp(ends, datetime.UTC),
                capacity=capacity,
                places_booked=booked,
                places_waiting=waiting,
                is_cancelled=cancelled,
            )
            session.activity = Activity(slug=slug, registration=registration)
            self._built[pk] = session
        return session

    @cached_property
    def _built(self) -> dict[int, Session]:
        return {}

    def signature(self, shown: tuple[int, ...]) -> str:
        """What a page showing these sessions' places would show: places, cancellation, the
        times the "Reserve" button names and the slug it links by, started, ended. Worked out
        once per map for each page (a map lives a second)."""
        signature = self._signatures.get(shown)
        if signature is None:
            now = timezone.now().timestamp()
            states = []
            for pk in shown:
                row = self.sessions.get(pk)
                states.append(row and (pk, row[:8], row[6] <= now, row[7] <= now))
            signature = self._signatures[shown] = _digest(states)
        return signature

    @cached_property
    def _signatures(self) -> dict[tuple, str]:
        return {}

    @cached_property
    def fingerprint(self) -> str:
        """Changes with any booking: for what shows every session's exact numbers."""
        return _digest([(pk, row[2:6]) for pk, row in self.sessions.items()])

    @cached_property
    def free_fingerprint(self) -> str:
        """Changes only when a session starts or stops having free spots (its filter)."""
        return _digest([pk for pk, row in self.sessions.items() if row[-1]])


_FIELDS = [
    "pk",
    "activity__slug",
    "activity__registration",
    "is_cancelled",
    "capacity",
    "places_booked",
    "places_waiting",
    "starts",
    "ends",
    "free",
]


def _epoch(field: str) -> Func:
    # Seconds, not datetimes: reading thousands of timestamps as datetimes costs more than all
    # the rest of the map.
    return Func(
        F(field), template="EXTRACT(EPOCH FROM %(expressions)s)::float8", output_field=FloatField()
    )


def _digest(values) -> str:
    return hashlib.blake2b(repr(values).encode(), digest_size=12).hexdigest()


def _read() -> Rooms:
    rows = (
        Session.objects.on_public_agenda()
        .annotate(
            starts=_epoch("starts_at"),
            ends=_epoch("ends_at"),
            free=ExpressionWrapper(free_spots_condition(), output_field=BooleanField()),
        )
        .order_by("pk")
        .values_list(*_FIELDS)
    )
    # The ORM writes the query (one definition of public and of free spots); the rows come
    # straight from the driver: thousands of them, once a second in every process.
    sql, params = rows.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return Rooms(sessions={pk: rest for pk, *rest in cursor.fetchall()})


_lock = threading.Lock()
_current: Rooms | None = None
_expires = 0.0


def _read_again(now: float, ttl: float) -> Rooms:
    global _current, _expires
    _current, _expires = _read(), now + ttl
    return _current


def rooms() -> Rooms:
    """The map, read again once it is older than CONTENT_FINGERPRINT_TTL (0: every call).

    One map per process: while one thread reads it anew, the others use the one there is.
    """
    ttl = settings.CONTENT_FINGERPRINT_TTL
    now = time.monotonic()
    current = _current
    if ttl <= 0 or current is None:
        return _read_again(now, ttl)
    if _expires > now or not _lock.acquire(blocking=False):
        return current
    try:
        return _read_again(now, ttl)
    finally:
        _lock.release()
