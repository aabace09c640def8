"""Answers that leave compressed: gzip once when a body is cached, never per request.

Only for what the cache keeps of public pages, feeds and open data: they carry no secret (no
CSRF token, nothing about the visitor), so compressing them gives BREACH nothing to guess.
"""

import gzip
import re

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from agenda.fingerprint import PAGE_TIMEOUT

# Fast enough to compress a whole-agenda feed in a few dozen milliseconds, once per version.
LEVEL = 6
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def cached_response(request, key: str, build, content_type: str) -> HttpResponse:
    """The body `build()` makes, kept in the cache under `key`: gzip for clients that accept
    it, plain for the few that do not, each made once for every request that asks for it."""
    compressed = bool(_ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
    stored = key if compressed else f"{key}:plain"
    body = cache.get(stored)
    if body is None:
        body = build()
        if compressed:
            body = gzip.compress(body, compresslevel=LEVEL, mtime=0)
        cache.set(stored, body, PAGE_TIMEOUT)
    response = HttpResponse(body, content_type=content_type)
    if compressed:
        response["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ["Accept-Encoding"])
    return response
