"""Conditional GET and a body cache for the machine-readable answers (feeds, open data).

Both are keyed by the content fingerprint, so a revalidation that ends in 304 costs a hash (and
at most one small query per CONTENT_FINGERPRINT_TTL), never building a feed. Calendars show no
free places, so a booking rebuilds no feed; only a "free spots" feed (`?plek=on`) also keys on
which sessions have free spots, since that decides which it holds. Open data does show them
(`with_rooms`): its key and ETag also hold the places of every session (agenda.rooms), at most
OPEN_DATA_PLACES_TTL seconds old.
"""

import datetime
import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import condition

from agenda.compression import accepts_gzip, cached_response
from agenda.fingerprint import PAGE_TIMEOUT, address_digest, content_fingerprint
from agenda.rooms import FREE_SPOTS_PARAM, rooms
from agenda.search import names_a_day

LATEST_BORN_KEY = "content-born:newest"
_places = {"fingerprint": "", "expires": 0.0}


def _places_fingerprint() -> str:
    """Every session's places as open data shows them: read again at most every
    OPEN_DATA_PLACES_TTL seconds, so a rush of bookings rebuilds open data that often at most."""
    now = time.monotonic()
    if _places["expires"] <= now or settings.OPEN_DATA_PLACES_TTL <= 0:
        _places.update(fingerprint=rooms().fingerprint, expires=now + settings.OPEN_DATA_PLACES_TTL)
    return _places["fingerprint"]


def _version(request, with_rooms: bool) -> str:
    version = f"{content_fingerprint()}|{address_digest(request)}"
    if with_rooms:
        return f"{version}|{_places_fingerprint()}"
    if FREE_SPOTS_PARAM in request.GET:
        # Which sessions it holds changes when one fills up or frees (as the agenda's page).
        return f"{version}|{rooms().free_fingerprint}"
    return version


def content_born() -> datetime.datetime:
    """When the current content version appeared, in whole seconds.

    Deleting a row lowers no `updated_at`, so Last-Modified comes from the moment the
    fingerprint changed instead. HTTP dates have one-second resolution: each new version is
    dated at least a second after the latest one, so If-Modified-Since never hides a change.
    A version that comes back (a session added, then removed again) is dated anew too: with
    its first date, a calendar that fetched the version in between would be told nothing
    changed since.
    """
    fingerprint = content_fingerprint()
    latest = cache.get(LATEST_BORN_KEY)  # (fingerprint, date, when it was dated)
    if latest is not None and latest[0] == fingerprint:
        return latest[1]
    now = timezone.now()
    key = f"content-born:{fingerprint}"
    born = cache.get(key)
    if born is not None:
        if latest is None or born >= latest[1]:
            return born
        # An older version, dated before the latest: a process that read the fingerprint
        # before the latest change may ask for it until its copy expires (the TTL); after
        # that, whoever still sees it sees it come back.
        stale_for = datetime.timedelta(seconds=max(settings.CONTENT_FINGERPRINT_TTL, 0) + 1)
        if now - latest[2] <= stale_for:
            return born
    dated = now.replace(microsecond=0)
    if latest is not None and dated <= latest[1]:
        dated = latest[1] + datetime.timedelta(seconds=1)
    if born is None:
        # add() keeps the first writer's date when processes race on a shared cache.
        cache.add(key, dated, PAGE_TIMEOUT)
        dated = cache.get(key, dated)
    else:
        cache.set(key, dated, PAGE_TIMEOUT)
    cache.set(LATEST_BORN_KEY, (fingerprint, dated, now), PAGE_TIMEOUT)
    return dated


def revalidated(view=None, *, with_rooms=False):
    """ETag (and Last-Modified) on the answer; 304 before the view runs when nothing changed.

    `with_rooms`: the answer shows free places too; ETag only, since bookings leave the
    content's date as it is. Use as `@revalidated` or `@revalidated(with_rooms=True)`.
    """
    if view is None:
        return lambda view: revalidated(view, with_rooms=with_rooms)

    def etag(request, *args, **kwargs) -> str:
        digest = hashlib.blake2b(_version(request, with_rooms).encode(), digest_size=16)
        # The gzip body is another representation: a strong ETag of its own (RFC 9110, 8.8.3).
        return digest.hexdigest() + ("-gzip" if accepts_gzip(request) else "")

    def last_modified(request, *args, **kwargs) -> datetime.datetime | None:
        # A session filling up changes a free-spots feed but not the content's date.
        if FREE_SPOTS_PARAM in request.GET:
            return None
        born = content_born()
        if names_a_day(getattr(request, "asked_query", request.GET).getlist("q")):
            # "Tomorrow" means another day from midnight: the same address, other sessions.
            midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
            born = max(born, midnight)
        return born

    conditional = condition(
        etag_func=etag, last_modified_func=None if with_rooms else last_modified
    )(view)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = conditional(request, *args, **kwargs)
        if response.status_code == 304:
            # A 304 names the Vary of its 200 (RFC 9110, 15.4.5); cached_response set that one.
            patch_vary_headers(response, ["Accept-Encoding"])
        return response

    return wrapper


def versioned_response(request, build, content_type: str, *, with_rooms=False):
    """The body for this address and content version, built once, kept compressed, shared."""
    key = f"body:{_version(request, with_rooms)}"
    return cached_response(request, key, build, content_type)


def allow_any_origin(view):
    """Open data may be fetched from any website's JavaScript (also on 304 answers)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapper
