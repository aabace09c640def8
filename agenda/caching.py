"""Whole-page caching of the public pages, keyed by a fingerprint of everything they show.

The fingerprint is read from the database (one small query), so whichever app server or process
wrote a change, nothing has to remember to invalidate anything: a change to any row that a public
page can show changes the key. Each process reuses a fingerprint for at most
CONTENT_FINGERPRINT_TTL seconds (default 1), so under a rush most requests cost no query at all,
and a change shows within that second.
"""

import hashlib
import threading
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.utils.translation import get_language

from agenda.models import Activity, Audience, Edition, Session
from providers.models import Discipline, District, Provider, Venue

# Tables whose rows the public pages show; each has an `updated_at` that every save touches.
TRACKED_MODELS = [Edition, Activity, Session, Provider, Venue, District, Discipline, Audience]
TRACKED_LINKS = [Activity.audiences, Activity.disciplines, Activity.languages, Provider.disciplines]
PAGE_TIMEOUT = 60 * 60


def _fingerprint_sql() -> str:
    quote = connection.ops.quote_name
    parts = [
        f"(SELECT CAST(COUNT(*) AS TEXT) || ':' || COALESCE(CAST(MAX({quote('updated_at')}) "
        f"AS TEXT), '') FROM {quote(model._meta.db_table)})"
        for model in TRACKED_MODELS
    ]
    # Bookings change free spots without touching the session's other fields. The sums weighted
    # by id tell apart a place freed in one session and taken in another at the same moment.
    booked, waiting, pk = quote("places_booked"), quote("places_waiting"), quote("id")
    parts.append(
        f"(SELECT CAST(COALESCE(SUM({booked}), 0) AS TEXT) || ':' "
        f"|| CAST(COALESCE(SUM({waiting}), 0) AS TEXT) || ':' "
        f"|| CAST(COALESCE(SUM({booked} * {pk} + {waiting} * {pk} * 7), 0) AS TEXT) "
        f"FROM {quote(Session._meta.db_table)})"
    )
    parts.extend(
        f"(SELECT CAST(COUNT(*) AS TEXT) FROM {quote(link.through._meta.db_table)})"
        for link in TRACKED_LINKS
    )
    return "SELECT " + " || '|' || ".join(parts)


_recent = threading.local()


def content_fingerprint() -> str:
    """A short hash that changes whenever anything a public page can show changes."""
    ttl = settings.CONTENT_FINGERPRINT_TTL
    now = time.monotonic()
    if ttl > 0 and getattr(_recent, "expires", 0) > now:
        return _recent.value
    with connection.cursor() as cursor:
        cursor.execute(_fingerprint_sql())
        (state,) = cursor.fetchone()
    _recent.value = hashlib.blake2b(state.encode(), digest_size=12).hexdigest()
    _recent.expires = now + ttl
    return _recent.value


def cache_public_page(view):
    """Serve a public GET page from the cache when nothing it shows has changed.

    Only anonymous-looking pages use this: they contain no CSRF token, no messages and nothing
    about the visitor, so one rendering serves everybody who asks for the same address.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        address = f"{get_language()}|{request.get_full_path()}"
        digest = hashlib.blake2b(address.encode(), digest_size=16).hexdigest()
        key = f"page:{content_fingerprint()}:{digest}"
        cached = cache.get(key)
        if cached is not None:
            status, content_type, body = cached
            response = HttpResponse(body, status=status, content_type=content_type)
        else:
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming:
                cache.set(
                    key,
                    (response.status_code, response["Content-Type"], response.content),
                    PAGE_TIMEOUT,
                )
        return response

    return wrapper
