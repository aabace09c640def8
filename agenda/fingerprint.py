"""What the public pages show, in a few short keys: the content fingerprint, the address.

The fingerprint is read from the database (one small query), so whichever app server or
process wrote a change, nothing has to remember to invalidate anything: a change to any row
that a public page can show changes it. Each process reuses it for at most
CONTENT_FINGERPRINT_TTL seconds (default 1), so under a rush most requests cost no query at
all, and a change shows within that second.

Bookings are not in it: free places are read apart, per session, when a page is served
(agenda.rooms), so a reservation leaves every cached page and feed as it is.
"""

import hashlib
import threading
import time

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.translation import get_language

from agenda.models import Activity, Audience, Edition, Session, Statement
from providers.models import Discipline, District, Provider, Venue

# Tables whose rows the public pages show; each has an `updated_at` that every save touches.
TRACKED_MODELS = [
    Edition,
    Activity,
    Session,
    Provider,
    Venue,
    District,
    Discipline,
    Audience,
    Statement,
]
TRACKED_LINKS = [
    Activity.audiences,
    Activity.disciplines,
    Activity.languages,
    Provider.disciplines,
    Audience.includes,
    District.neighbours,
]
# Moments at which a public page changes while no row does (a page's publish window opening or
# closing): (model, field) pairs, of which the fingerprint counts the values already passed.
TRACKED_MOMENTS: list = []
PAGE_TIMEOUT = 60 * 60


def track(model, *, links=(), moments=()) -> None:
    """Make the public pages follow a model of an app above the agenda (the agenda imports
    none of them): called from that app's AppConfig.ready(). `links`: its M2M fields whose link
    rows show; `moments`: its date-time fields at which what a page shows changes by itself."""
    if model not in TRACKED_MODELS:
        TRACKED_MODELS.append(model)
    TRACKED_LINKS.extend(link for link in links if link not in TRACKED_LINKS)
    TRACKED_MOMENTS.extend(
        (model, field) for field in moments if (model, field) not in TRACKED_MOMENTS
    )


def _fingerprint_sql() -> str:
    """Per table, its number of rows and the sum of their `updated_at` (exact: numeric
    seconds). A sum, not the latest: `updated_at` is set when a row is saved, not when it is
    committed, so a save committed after a later one would leave the latest as it was."""
    quote = connection.ops.quote_name
    parts = [
        f"(SELECT CAST(COUNT(*) AS TEXT) || ':' || COALESCE(CAST(SUM(EXTRACT(EPOCH FROM "
        f"{quote('updated_at')})) AS TEXT), '') FROM {quote(model._meta.db_table)})"
        for model in TRACKED_MODELS
    ]
    parts.extend(
        f"(SELECT CAST(COUNT(*) AS TEXT) FROM {quote(link.through._meta.db_table)})"
        for link in TRACKED_LINKS
    )
    parts.extend(
        f"(SELECT CAST(COUNT(*) AS TEXT) FROM {quote(model._meta.db_table)} "
        f"WHERE {quote(model._meta.get_field(field).column)} <= %(now)s)"
        for model, field in TRACKED_MOMENTS
    )
    sessions, ends_at = quote(Session._meta.db_table), quote("ends_at")
    ended = f"(SELECT COUNT(*) FROM {sessions} WHERE {ends_at} <= %(now)s)"
    return "SELECT " + " || '|' || ".join(parts) + f", {ended}"


_recent = threading.local()


def _read():
    """The fingerprint and the sessions ended, read again once older than the TTL."""
    ttl = settings.CONTENT_FINGERPRINT_TTL
    now = time.monotonic()
    if ttl > 0 and getattr(_recent, "expires", 0) > now:
        return _recent.value, _recent.ended
    with connection.cursor() as cursor:
        cursor.execute(_fingerprint_sql(), {"now": timezone.now()})
        state, ended = cursor.fetchone()
    _recent.value = hashlib.blake2b(state.encode(), digest_size=12).hexdigest()
    _recent.ended = ended
    _recent.expires = now + ttl
    return _recent.value, ended


def content_fingerprint() -> str:
    """A short hash that changes whenever anything a public page can show changes."""
    return _read()[0]


def page_version() -> str:
    """The content fingerprint and how many sessions have ended by now. Public listings leave
    ended sessions out (and the activity page greys them), so pages key on both: a page
    rendered before a session ended is not served after, and while nothing ends (all the
    weeks before the edition) nothing is rendered again for the time."""
    fingerprint, ended = _read()
    return f"{fingerprint}:{ended}"


def address_digest(request) -> str:
    """The visitor's language and the address they asked for, as a short key part."""
    address = f"{get_language()}|{request.get_full_path()}"
    return hashlib.blake2b(address.encode(), digest_size=16).hexdigest()
