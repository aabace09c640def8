"""Gunicorn's access log without secrets: no query strings, and no tokens from the paths.

Links in our e-mails carry a secret in the path: a reservation's personal page, "Mijn Week 3"
(all of one address's reservations), the follow-up question, confirming an address, accepting
an invitation, choosing a new password. Whoever reads the log must not be
able to use them, and the log must not hold more than the privacy page promises. This logger
keeps the standard line (method, path, status, size, browser) but writes such paths with the
secret part replaced, and drops every query string (search words, e-mail addresses a form sent
by GET). The Referer is cleaned the same way: a page of ours that links on sends its own
address there. Used by gunicorn.conf.py (`logger_class`); imports nothing from Django. With
LOG_FORMAT=json its lines are JSON too (week3.log_format), with the response's X-Request-ID.
"""

import os
import re

from gunicorn.glogging import Logger

# The literal path segment in front of each secret in a URL; a test checks that every URL
# pattern with a token or uidb64 is covered.
SECRET_AFTER = (
    "reservering",
    "bevestigen",
    "uitnodiging",
    "wachtwoord-herstellen",
    "mijn",
    "vraag",
)
HIDDEN = "[hidden]"
_SECRETS = "|".join(map(re.escape, SECRET_AFTER))
_SECRET_PATH = re.compile(rf"(/(?:{_SECRETS})/)[^?#\s\"]*")


def clean_path(target: str) -> str:
    """A path (or full URL, or request target) without query, fragment or secrets."""
    if not target or target == "-":
        return target
    target = target.split("?", 1)[0].split("#", 1)[0]
    return _SECRET_PATH.sub(r"\1" + HIDDEN, target)


class PrivateAccessLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        path = clean_path(environ.get("RAW_URI") or environ.get("PATH_INFO") or "")
        atoms["r"] = f"{environ['REQUEST_METHOD']} {path} {environ['SERVER_PROTOCOL']}"
        atoms["U"] = clean_path(environ.get("PATH_INFO") or "")
        atoms["q"] = ""
        atoms["f"] = clean_path(environ.get("HTTP_REFERER", "-"))
        atoms["{referer}i"] = atoms["f"]
        for key in ("raw_uri", "path_info", "request_uri", "query_string", "http_referer"):
            if f"{{{key}}}e" in atoms:
                atoms[f"{{{key}}}e"] = (
                    "" if key == "query_string" else clean_path(str(atoms[f"{{{key}}}e"]))
                )
        return atoms

    def setup(self, cfg):
        super().setup(cfg)
        if os.environ.get("LOG_FORMAT", "").strip().lower() == "json":
            from week3.log_format import JsonFormatter

            for log in (self.error_log, self.access_log):
                for handler in log.handlers:
                    handler.setFormatter(JsonFormatter())

    def access(self, resp, req, environ, request_time):
        from week3.log_format import request_id

        headers = getattr(resp, "headers", None) or []
        rid = next((value for name, value in headers if name.lower() == "x-request-id"), "")
        token = request_id.set(rid)
        try:
            super().access(resp, req, environ, request_time)
        finally:
            request_id.reset(token)
