"""Readiness (/readyz): not ready when the worker's heartbeat is stale or an e-mail waits too
long; the public sees only ok / not ok, staff and monitoring see why."""

import datetime

import pytest
from django.core.management import call_command

from outbox.models import OutgoingMail
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TOKEN = "monitoring-token-for-the-test"


@pytest.fixture(autouse=True)
def limits(settings):
    settings.READINESS_HEARTBEAT_MAX_AGE = 120
    settings.READINESS_MAIL_MAX_AGE = 3600
    settings.READINESS_TOKEN = TOKEN
    settings.MAIL_SEND_IMMEDIATELY = False
    settings.WORKER_JOBS = {}


def details(client) -> dict:
    return client.get("/readyz", headers={"X-Readiness-Token": TOKEN}).json()


def test_ready_when_the_worker_beats_and_the_outbox_is_current(client):
    call_command("run_worker", "--once")
    response = client.get("/readyz")
    assert (response.status_code, response.content) == (200, b"ok")
    assert details(client)["ready"] is True


def test_not_ready_without_a_worker_or_with_a_stale_heartbeat(client, clock):
    response = client.get("/readyz")
    assert (response.status_code, response.content) == (503, b"not ok")
    call_command("run_worker", "--once")
    clock.shift(datetime.timedelta(seconds=121))
    response = client.get("/readyz")
    assert (response.status_code, response.content) == (503, b"not ok")
    checks = details(client)["checks"]
    assert checks["worker"]["ok"] is False
    assert checks["worker"]["heartbeat_age_seconds"] >= 121
    assert checks["database"]["ok"] and checks["cache"]["ok"] and checks["outbox"]["ok"]


def test_not_ready_when_an_e_mail_waits_longer_than_the_limit(client, clock, settings):
    settings.EMAIL_BACKEND = "tests.mail_backends.DownBackend"
    OutgoingMail.objects.create(to="anna@example.org", subject="Hallo", body="Tot ziens.")
    call_command("run_worker", "--once")  # the mail server is down: it stays queued
    assert client.get("/readyz").status_code == 200
    clock.shift(datetime.timedelta(minutes=61))
    call_command("run_worker", "--once")
    response = client.get("/readyz")
    assert (response.status_code, response.content) == (503, b"not ok")
    assert details(client)["checks"]["outbox"]["ok"] is False


def test_details_only_for_staff_or_with_the_token(client):
    assert client.get("/readyz").headers["Content-Type"].startswith("text/plain")
    assert b"checks" not in client.get("/readyz?token=wrong").content
    assert "checks" in client.get(f"/readyz?token={TOKEN}").json()
    client.force_login(UserFactory(is_staff=True))
    assert set(client.get("/readyz").json()["checks"]) == {"database", "cache", "outbox", "worker"}


def test_liveness_stays_plain(client):
    assert client.get("/healthz").content == b"ok"
