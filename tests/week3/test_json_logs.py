"""Logs as JSON lines (LOG_FORMAT=json) with a request id, and without the secrets of e-mailed
links or anybody's e-mail address."""

import io
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from week3.log_format import JsonFormatter

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "r3s3rv3ringst0k3nAbCdEf"
UID_TOKEN = "Mg/c1x2y3-0123456789abcdef0123456789abcdef"


@pytest.fixture
def json_log():
    """Every log line written meanwhile, through the JSON formatter the settings use."""
    output = io.StringIO()
    handler = logging.StreamHandler(output)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield lambda: [json.loads(line) for line in output.getvalue().splitlines()]
    finally:
        root.removeHandler(handler)


def test_requests_with_tokens_and_addresses_leave_neither_in_the_log(
    client, agenda, json_log, settings, django_capture_on_commit_callbacks
):
    settings.MAIL_SEND_IMMEDIATELY = True
    settings.EMAIL_BACKEND = "tests.mail_backends.RefusingBackend"
    client.get(f"/reservering/{TOKEN}/", headers={"X-Request-ID": "from-the-proxy-42"})
    client.get(f"/portaal/bevestigen/{UID_TOKEN}/nope/")
    client.get(f"/portaal/wachtwoord-herstellen/{UID_TOKEN}/nope/")
    client.get(f"/en/agenda/?token={TOKEN}&email=anna.de.vries@example.org&nope=/reservering/")
    choir = agenda["choir"]
    form = reverse(
        "agenda:reservation_create",
        kwargs={"slug": choir.slug, "session_pk": choir.sessions.get().pk},
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            form, {"name": "Anna", "email": "anna.de.vries@example.org", "party_size": 1}
        )
    assert response.status_code == 302
    logged = json_log()
    # The requests did log: the 404s and the mail server's refusal, which named the address.
    assert any(entry.get("request_id") == "from-the-proxy-42" for entry in logged)
    assert any("[hidden]" in entry["message"] for entry in logged)
    assert any("[e-mail]" in entry["message"] for entry in logged)
    text = "\n".join(json.dumps(entry) for entry in logged)
    for secret in (TOKEN, "c1x2y3-0123456789abcdef", "anna.de.vries", "example.org"):
        assert secret not in text
    assert all({"time", "level", "logger", "message"} <= set(entry) for entry in logged)


def test_a_request_id_is_kept_only_when_it_is_a_safe_token(client):
    assert client.get("/healthz", headers={"X-Request-ID": "abc-123_XYZ.9"}).headers[
        "X-Request-ID"
    ] == ("abc-123_XYZ.9")
    unsafe = client.get("/healthz", headers={"X-Request-ID": 'x" anna@example.org'})
    assert unsafe.headers["X-Request-ID"] != 'x" anna@example.org'
    assert len(unsafe.headers["X-Request-ID"]) == 32


def test_log_format_json_makes_every_line_a_scrubbed_json_object():
    program = (
        "import django, logging; django.setup(); "
        "logging.getLogger('outbox.services').warning('Sending to %s failed', 'bram@example.org')"
    )
    env = {**os.environ, "LOG_FORMAT": "json", "DJANGO_SETTINGS_MODULE": "week3.settings"}
    result = subprocess.run(
        [sys.executable, "-c", program], cwd=ROOT, env=env, capture_output=True, text=True
    )
    (line,) = result.stderr.splitlines()
    entry = json.loads(line)
    assert entry["level"] == "WARNING" and entry["logger"] == "outbox.services"
    assert entry["message"] == "Sending to [e-mail] failed"
