"""Answers that leave compressed: gzip once when a body is cached, never per request.

Only for what the cache keeps of public pages, feeds and open data: they carry no secret (no
CSRF token, nothing about the visitor), so compressing them gives BREACH nothing to guess.

A body not in the cache is built once however many ask for it at the same moment: the first
takes a lock in the cache and builds, the others wait for its result (`single_flight`).
"""

import gzip
import re
import time

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from agenda.fingerprint import PAGE_TIMEOUT
from agenda.near_cache import near_cache

# Fast enough to compress a whole-agenda feed in a few dozen milliseconds, once per version.
LEVEL = 6
# One coding of Accept-Encoding and its weight: "gzip", "gzip;q=0.5", "*; q=0".
_CODING = re.compile(r"^\s*([\w*.+-]+)\s*(?:;\s*q\s*=\s*([0-9.]+))?", re.ASCII)
# Seconds what is built for junk in an address (do_not_keep) stays cached: long enough for
# identical requests arriving together to share one build, too short to be an entry that lasts.
JUNK_TIMEOUT = 5
# How long one build may hold the others back, and how often they look for its result.
BUILD_WAIT = 2.0
BUILD_POLL = 0.02


def do_not_keep(request) -> None:
    """What is being built for this request must not stay cached: it answers a query the cache
    should not key on (a filter value that is not valid, a page that does not exist), so junk
    addresses cost no lasting cache entries (JUNK_TIMEOUT)."""
    request._do_not_keep = True


def kept(request) -> bool:
    return not getattr(request, "_do_not_keep", False)


def single_flight(lock: str, ready) -> bool:
    """Take the build lock `lock`; if another request holds it, wait until `ready()` (its result
    is in the cache: return False) or until it gives up or BUILD_WAIT has passed (return True:
    build it yourself). The caller deletes the lock after building."""
    # False: another holds it. (None: a shared cache that is down; then just build.)
    if cache.add(lock, 1, timeout=int(BUILD_WAIT * 5)) is not False:
        return True
    deadline = time.monotonic() + BUILD_WAIT
    while time.monotonic() < deadline:
        time.sleep(BUILD_POLL)
        if ready():
            return False
        if cache.get(lock) is None:
            break  # done without a result to keep (a 404, say): build this one yourself
    return True


def accepts_gzip(request) -> bool:
    """Whether the client takes gzip: named (or `*`, gzip unnamed) with a weight above 0.
    A weight of 0 means "not this one" (RFC 9110, 12.5.3): `gzip;q=0` refuses it."""
    weights = {}
    for part in request.META.get("HTTP_ACCEPT_ENCODING", "").split(","):
        match = _CODING.match(part)
        if match:
            try:
                weight = float(match[2]) if match[2] else 1.0
            except ValueError:
                weight = 0.0
            weights[match[1].lower()] = weight
    weight = weights.get("gzip", weights.get("x-gzip", weights.get("*", 0.0)))
    return weight > 0


def cached_response(request, key: str, build, content_type: str) -> HttpResponse:
    """The body `build()` makes, kept in the cache under `key`: gzip for clients that accept
    it, plain for the few that do not, each made once for every request that asks for it."""
    compressed = accepts_gzip(request)
    stored = key if compressed else f"{key}:plain"
    # `key` names one version of the body, so a copy in the process can never be out of date.
    body = near_cache.get(stored, keep=kept(request))
    if body is None:
        lock = f"{stored}:lock"
        if single_flight(lock, lambda: cache.get(stored) is not None):
            try:
                body = _build(request, stored, build, compressed)
            finally:
                cache.delete(lock)
        else:
            body = cache.get(stored)
            if body is None:  # evicted at once: rare enough to build without the lock
                body = _build(request, stored, build, compressed)
    response = HttpResponse(body, content_type=content_type)
    if compressed:
        response["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def _build(request, stored: str, build, compressed: bool) -> bytes:
    body = build()
    if compressed:
        body = gzip.compress(body, compresslevel=LEVEL, mtime=0)
    cache.set(stored, body, PAGE_TIMEOUT if kept(request) else JUNK_TIMEOUT)
    if kept(request):
        near_cache.keep(stored, body)
    return body
