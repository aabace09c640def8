"""Gunicorn's access log holds no query strings and none of the secrets in e-mailed links."""

import datetime
import runpy
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from gunicorn.config import Config
from gunicorn.glogging import SafeAtoms
from gunicorn.util import load_class

from week3.access_log import HIDDEN, SECRET_AFTER

ROOT = Path(__file__).resolve().parents[2]
SECRETS = ["Mg", "c1x2y3-0123456789abcdef0123456789abcdef", "r3s3rv3ringst0k3n", "anna"]


def _log_line(target: str, referer: str = "-") -> str:
    """The access-log line the configured logger writes for one request to `target`."""
    settings = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    config = Config()
    config.set("logger_class", settings["logger_class"])
    config.set("accesslog", "-")
    logger = load_class(config.logger_class, section="gunicorn.loggers")(config)
    path, _, query = target.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": target,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "192.0.2.7",
        "HTTP_REFERER": referer,
        "HTTP_USER_AGENT": "Firefox",
    }
    request = SimpleNamespace(headers=[("REFERER", referer), ("USER-AGENT", "Firefox")])
    response = SimpleNamespace(status="200 OK", sent=1234, headers=[])
    atoms = logger.atoms(response, request, environ, datetime.timedelta(milliseconds=12))
    return config.access_log_format % SafeAtoms(atoms)


@pytest.mark.parametrize(
    "target",
    [
        "/reservering/r3s3rv3ringst0k3n/",
        "/en/reservering/r3s3rv3ringst0k3n/agenda.ics",
        "/portaal/bevestigen/Mg/c1x2y3-0123456789abcdef0123456789abcdef/",
        "/de/portaal/uitnodiging/Mg/c1x2y3-0123456789abcdef0123456789abcdef/",
        "/portaal/wachtwoord-herstellen/Mg/c1x2y3-0123456789abcdef0123456789abcdef/",
        "/portaal/wachtwoord-herstellen/Mg/set-password/",
        "/agenda/?q=anna&email=anna",
    ],
)
def test_the_access_log_leaves_out_tokens_and_queries(target):
    line = _log_line(target, referer=f"https://week3.example.org{target}")
    for secret in SECRETS:
        assert secret not in line, line
    assert '" 200 1234 "' in line and "192.0.2.7" in line and "Firefox" in line
    if target.startswith("/agenda/"):
        assert '"GET /agenda/ HTTP/1.1"' in line
    else:
        assert HIDDEN in line


def test_an_ordinary_request_is_logged_as_it_was():
    line = _log_line("/activiteit/open-repetitie/", referer="https://week3.example.org/agenda/")
    assert '"GET /activiteit/open-repetitie/ HTTP/1.1" 200 1234' in line
    assert '"https://week3.example.org/agenda/"' in line


def _patterns(resolver, prefix=""):
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, route)
        elif isinstance(entry, URLPattern):
            yield route


PUBLIC_CODES = {"^r/(?P<code>[^/]+)/?$"}


def test_every_url_with_a_secret_is_masked():
    secret_routes = [
        route
        for route in _patterns(get_resolver())
        if ("token>" in route or "uidb64>" in route or "code>" in route)
        # A tracked link's code is printed on posters: public, not a secret.
        and route not in PUBLIC_CODES
    ]
    assert secret_routes
    for route in secret_routes:
        before = route.split("<", 1)[0].rstrip("/").split("/")[-1]
        assert before in SECRET_AFTER, route


def test_with_log_format_json_the_access_log_is_json_with_the_request_id(monkeypatch):
    import io
    import json

    monkeypatch.setenv("LOG_FORMAT", "json")
    settings = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    config = Config()
    config.set("logger_class", settings["logger_class"])
    config.set("accesslog", "-")
    logger = load_class(config.logger_class, section="gunicorn.loggers")(config)
    output = io.StringIO()
    for handler in logger.access_log.handlers:
        handler.setStream(output)
    target = "/reservering/r3s3rv3ringst0k3n/"
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": target,
        "PATH_INFO": target,
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "192.0.2.7",
    }
    request = SimpleNamespace(headers=[])
    response = SimpleNamespace(
        status="200 OK", sent=10, headers=[("X-Request-ID", "abcdef123456")], status_code=200
    )
    logger.access(response, request, environ, datetime.timedelta(milliseconds=12))
    # One line per handler gunicorn left on its access logger (earlier tests set up more).
    entries = [json.loads(line) for line in output.getvalue().splitlines()]
    assert entries
    entry = entries[-1]
    assert entry["request_id"] == "abcdef123456"
    assert entry["logger"] == "gunicorn.access"
    assert "/reservering/[hidden]" in entry["message"]
    assert "r3s3rv3ringst0k3n" not in output.getvalue()
