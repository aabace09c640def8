"""Logs a hosting partner can read by machine and keep: JSON lines, a request id, no secrets.

With LOG_FORMAT=json every log line (Django's, the worker's, gunicorn's) is one JSON object:
time, level, logger, message, request_id and, for errors, the traceback. Before it is written,
e-mail addresses become "[e-mail]" and the secret parts of e-mailed links (reservation pages,
confirmation, invitation and reset links) "[hidden]", in the message and the traceback alike
(`scrub`; the paths as in week3.access_log). The request id comes from RequestIdMiddleware.
`sentry_before_send` scrubs an error report the same way (SENTRY_DSN). Imports nothing from
Django: gunicorn's logger class uses it too.
"""

import contextvars
import datetime
import json
import logging
import re

from week3.access_log import _SECRET_PATH, HIDDEN

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")

EMAIL = re.compile(r"[\w.!#$%&*+/=?^`~-]+@[\w-]+(?:\.[\w-]+)+")
# A secret handed over as a parameter (?token=…, uidb64=…) rather than in the path.
SECRET_PARAMETER = re.compile(r"((?:token|uidb64|code|key)=)[^&\s\"']+", re.IGNORECASE)


def scrub(text: str) -> str:
    """`text` without e-mail addresses and without the secrets of e-mailed links."""
    text = EMAIL.sub("[e-mail]", text)
    text = _SECRET_PATH.sub(r"\1" + HIDDEN, text)
    return SECRET_PARAMETER.sub(r"\1" + HIDDEN, text)


class JsonFormatter(logging.Formatter):
    """One JSON object per line, scrubbed (LOG_FORMAT=json)."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": scrub(record.getMessage()),
        }
        # django.request logs a failed response after the middleware: from its request then.
        rid = (
            getattr(record, "request_id", "")
            or getattr(getattr(record, "request", None), "request_id", "")
            or request_id.get()
        )
        if rid:
            entry["request_id"] = rid
        if record.exc_info:
            entry["exception"] = scrub(self.formatException(record.exc_info))
        elif record.exc_text:
            entry["exception"] = scrub(record.exc_text)
        return json.dumps(entry, ensure_ascii=False)


class ScrubbingFormatter(logging.Formatter):
    """The plain text format, scrubbed the same way (LOG_FORMAT=text, the default)."""

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


def _scrubbed(value):
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, dict):
        return {key: _scrubbed(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_scrubbed(item) for item in value]
    return value


def sentry_before_send(event: dict, hint: dict) -> dict:
    """An error report without personal data: no user, cookies, headers, form data or query;
    addresses and secrets scrubbed from whatever text is left."""
    event.pop("user", None)
    request = event.get("request")
    if isinstance(request, dict):
        for key in ("cookies", "data", "headers", "query_string", "env"):
            request.pop(key, None)
    return _scrubbed(event)


def logging_config(log_format: str, level: str) -> dict:
    """Django's LOGGING: one console handler, JSON lines or scrubbed text."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {"()": "week3.log_format.JsonFormatter"},
            "text": {"()": "week3.log_format.ScrubbingFormatter"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json" if log_format == "json" else "text",
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {"django.db.backends": {"level": "INFO"}},
    }


def start_error_reports(dsn: str, environment: str) -> None:
    """Sentry without personal data, when a DSN is set and sentry-sdk is installed."""
    if not dsn:
        return
    try:
        import sentry_sdk
    except ImportError:
        return
    sentry_sdk.init(
        dsn=dsn,
        send_default_pii=False,
        before_send=sentry_before_send,
        environment=environment,
        traces_sample_rate=0,
    )
