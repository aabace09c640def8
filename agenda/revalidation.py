"""Conditional GET and a body cache for the machine-readable answers (feeds, open data).

Both are keyed by the page cache's content fingerprint, so a revalidation that ends in 304 costs
a hash (and at most one small query per CONTENT_FINGERPRINT_TTL), never building a feed.
"""

import datetime
import hashlib
from functools import wraps

from django.core.cache import cache
from django.utils import timezone
from django.views.decorators.http import condition

from agenda.caching import PAGE_TIMEOUT, address_digest, content_fingerprint

LATEST_BORN_KEY = "content-born:latest"


def content_etag(request, *args, **kwargs) -> str:
    return hashlib.blake2b(
        f"{content_fingerprint()}|{address_digest(request)}".encode(), digest_size=16
    ).hexdigest()


def content_born() -> datetime.datetime:
    """When the current content version first appeared, in whole seconds.

    Deleting a row lowers no `updated_at`, so Last-Modified comes from the moment the
    fingerprint changed instead. HTTP dates have one-second resolution: each new version is
    dated at least a second after the previous one, so If-Modified-Since never hides a change.
    """
    key = f"content-born:{content_fingerprint()}"
    born = cache.get(key)
    if born is None:
        born = timezone.now().replace(microsecond=0)
        previous = cache.get(LATEST_BORN_KEY)
        if previous is not None and born <= previous:
            born = previous + datetime.timedelta(seconds=1)
        # add() keeps the first writer's date when processes race on a shared cache.
        cache.add(key, born, PAGE_TIMEOUT)
        born = cache.get(key, born)
        cache.set(LATEST_BORN_KEY, born, PAGE_TIMEOUT)
    return born


def content_last_modified(request, *args, **kwargs) -> datetime.datetime:
    return content_born()


def revalidated(view):
    """ETag and Last-Modified on the answer; 304 before the view runs when nothing changed."""
    return condition(etag_func=content_etag, last_modified_func=content_last_modified)(view)


def cached_body(request, build) -> bytes:
    """The body for this address and content version, built once and then shared."""
    key = f"body:{content_fingerprint()}:{address_digest(request)}"
    body = cache.get(key)
    if body is None:
        body = build()
        cache.set(key, body, PAGE_TIMEOUT)
    return body


def allow_any_origin(view):
    """Open data may be fetched from any website's JavaScript (also on 304 answers)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapper
