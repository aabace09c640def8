"""Visits through tracked links, counted per link and day, buffered so no visitor waits.

A redirect must not wait on a write that every other visitor of the same link waits on too
(one row per link and day would serialise them). So each process adds its visits up in memory
and writes them in one `INSERT … ON CONFLICT DO UPDATE` at most once a second, and once more
when the process exits. The write is done when a request of this process has finished (Django's
`request_finished`, connected in campaign.apps), after its answer has gone out: nobody waits for
it, and a single visit after a quiet second is written at once. Several app servers and several
workers each add their own share to the same rows, so it works the same with the per-process
cache and with Redis, and needs neither.

What can be lost: the visits of the last second of a process that is killed without a chance
to exit (SIGKILL, out of memory, a power cut); a graceful restart or stop writes them. A
process that gets no request after a burst keeps the burst's last visits until its next
request or its exit: the figures can be that much behind, never wrong. When
the database refuses a write, the counts go back into the buffer for the next try.
"""

import atexit
import datetime
import logging
import threading
import time
from collections import Counter

from django.db import Error, connection, transaction

logger = logging.getLogger(__name__)

FLUSH_SECONDS = 1.0

_lock = threading.Lock()
_pending: Counter = Counter()  # (link id, day) → visits not yet written
_last_flush = time.monotonic()

# Links deleted since the visit are left out (the join), so their visits are simply dropped.
_UPSERT = """
    INSERT INTO campaign_linkvisitday (link_id, day, visits)
    SELECT counted.link_id, counted.day, counted.visits
    FROM (VALUES {rows}) AS counted (link_id, day, visits)
    JOIN campaign_trackedlink link ON link.id = counted.link_id
    ORDER BY counted.link_id, counted.day
    ON CONFLICT (link_id, day)
    DO UPDATE SET visits = campaign_linkvisitday.visits + EXCLUDED.visits
"""


def link_visit_record(*, link_id: int, day: datetime.date) -> None:
    """Count one visit in this process; written by the next `link_visits_flush_if_due`."""
    with _lock:
        _pending[(link_id, day)] += 1


def link_visits_flush_if_due(**_signal) -> int:
    """Write the buffer when there is something to write and the last write is a second old."""
    global _last_flush
    with _lock:
        now = time.monotonic()
        if not _pending or now - _last_flush < FLUSH_SECONDS:
            return 0
        _last_flush = now
    return link_visits_flush()


def link_visits_pending() -> int:
    with _lock:
        return sum(_pending.values())


def link_visits_flush() -> int:
    """Write this process's counted visits; returns how many were written."""
    with _lock:
        batch = sorted(_pending.items())
        _pending.clear()
    if not batch:
        return 0
    rows = ", ".join(["(%s::bigint, %s::date, %s::integer)"] * len(batch))
    params = [value for (link_id, day), visits in batch for value in (link_id, day, visits)]
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(_UPSERT.format(rows=rows), params)
    except Error:
        logger.warning("Tracked-link visits not written yet; kept for the next try", exc_info=True)
        with _lock:
            for key, visits in batch:
                _pending[key] = _pending.get(key, 0) + visits
        return 0
    return sum(visits for _key, visits in batch)


def _flush_at_exit() -> None:
    try:
        link_visits_flush()
    except Exception:  # the interpreter is going away: say so, never hang or crash on it
        logger.exception("Tracked-link visits lost at exit")


atexit.register(_flush_at_exit)
