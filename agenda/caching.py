"""Whole-page caching of the public pages, keyed by a fingerprint of everything they show.

The fingerprint is read from the database (one small query), so whichever app server or process
wrote a change, nothing has to remember to invalidate anything: a change to any row that a public
page can show changes the key. Each process reuses a fingerprint for at most
CONTENT_FINGERPRINT_TTL seconds (default 1), so under a rush most requests cost no query at all,
and a change shows within that second.

Two more things are in the key. The time, in quarter-hour buckets: the public pages leave out
sessions that have ended and reservation links of sessions that have started, so a page
rendered before that moment must not be served after it (within a quarter of an hour). And
only the query parameters a page reads (`query_params`), normalised: sorted by name, repeated
values in order, empty ones left out. Any other parameter (a typo, `utm_source`, random junk
to flood the cache) makes no entry of its own; the view sees the same normalised query, so
whatever it renders from the query string (filter links, language links, share links) is
exactly what the key says.
"""

import hashlib
import threading
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, QueryDict
from django.utils import timezone
from django.utils.translation import get_language

from agenda.models import Activity, Audience, Edition, Session
from providers.models import Discipline, District, Provider, Venue

# Tables whose rows the public pages show; each has an `updated_at` that every save touches.
TRACKED_MODELS = [Edition, Activity, Session, Provider, Venue, District, Discipline, Audience]
TRACKED_LINKS = [Activity.audiences, Activity.disciplines, Activity.languages, Provider.disciplines]
PAGE_TIMEOUT = 60 * 60
# Seconds per time bucket of the page key. Venlo's offset from UTC is whole hours, so these
# buckets start at :00, :15, :30 and :45 local time, when most sessions start and end.
TIME_BUCKET = 15 * 60


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


def address_digest(request) -> str:
    """The visitor's language and the address they asked for, as a short key part."""
    address = f"{get_language()}|{request.get_full_path()}"
    return hashlib.blake2b(address.encode(), digest_size=16).hexdigest()


def time_bucket() -> int:
    """The current quarter of an hour, as a number that rises by one every TIME_BUCKET."""
    return int(timezone.now().timestamp()) // TIME_BUCKET


def normalised_query(query: QueryDict, names) -> QueryDict:
    """Only the parameters in `names`, sorted by name, repeated values in their order."""
    normalised = QueryDict(mutable=True)
    for name in sorted(set(names)):
        values = [value for value in query.getlist(name) if value != ""]
        if values:
            normalised.setlist(name, values)
    normalised._mutable = False
    return normalised


def cache_public_page(view=None, *, query_params=()):
    """Serve a public GET page from the cache when nothing it shows has changed.

    Only anonymous-looking pages use this: they contain no CSRF token, no messages and nothing
    about the visitor, so one rendering serves everybody who asks for the same address.
    `query_params` names the query parameters the page reads; the view gets only those.
    Use as `@cache_public_page` or `@cache_public_page(query_params=[...])`.
    """
    if view is None:
        return lambda view: cache_public_page(view, query_params=query_params)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        request.GET = normalised_query(request.GET, query_params)
        request.META["QUERY_STRING"] = request.GET.urlencode()
        key = f"page:{content_fingerprint()}:{time_bucket()}:{address_digest(request)}"
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
