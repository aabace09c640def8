"""Answers that leave compressed: gzip once when a body is cached, never per request.

Only for what the cache keeps of public pages, feeds and open data: they carry no secret (no
CSRF token, nothing about the visitor), so compressing them gives BREACH nothing to guess.
"""

import gzip
import re

from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

# Fast enough to compress a whole-agenda feed in a few dozen milliseconds, once per version.
LEVEL = 6
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def gzip_bytes(body: bytes) -> bytes:
    return gzip.compress(body, compresslevel=LEVEL, mtime=0)


def compressed_response(request, compressed: bytes, content_type: str, status=200):
    """The gzip body as it is for clients that accept it; unpacked for the few that do not."""
    if _ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        response = HttpResponse(compressed, content_type=content_type, status=status)
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(gzip.decompress(compressed), content_type=content_type)
        response.status_code = status
    patch_vary_headers(response, ["Accept-Encoding"])
    return response
