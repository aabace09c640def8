"""A request id for every request: in each log line written meanwhile (week3.log_format) and in
the X-Request-ID response header, so a complaint, an access-log line and an error report meet.

A proxy's X-Request-ID is kept when it is a safe token (letters, digits, "-", "_" and ".", 8 to
128 characters); anything else is replaced by a fresh one, so nobody writes into our logs.
"""

import re
import uuid

from week3.log_format import request_id

SAFE = re.compile(r"[A-Za-z0-9._-]{8,128}")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        rid = given if SAFE.fullmatch(given) else uuid.uuid4().hex
        request.request_id = rid
        token = request_id.set(rid)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response["X-Request-ID"] = rid
        return response
