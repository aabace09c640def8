"""The worker (manage.py run_worker): scheduled jobs once per period however many workers run,
a SIGTERM loses no e-mail, a heartbeat for readiness."""

import datetime
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from outbox.models import JobRun, OutgoingMail
from outbox.services import mail_enqueue_written_later
from outbox.worker import Job, heartbeat_age, job_run_if_due

ROOT = Path(__file__).resolve().parents[2]
# The worker runs at the tests' moment (time-machine in its process too), on the test database.
WORKER = """
import datetime, json, sys, time_machine
time_machine.travel(datetime.datetime.fromisoformat(sys.argv[1]), tick=True).start()
import django
django.setup()
from django.conf import settings
settings.WORKER_JOBS = json.loads(sys.argv[2])
from django.core.management import call_command
call_command("run_worker", "--interval", "0.1")
"""


def environment(tmp_path: Path) -> dict:
    database = connection.settings_dict
    url = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "week3.settings",
        "DATABASE_URL": url,
        "DATABASE_CONN_MAX_AGE": "0",
        "MAIL_SEND_IMMEDIATELY": "false",
        "EMAIL_BACKEND": "tests.mail_backends.SlowFileBackend",
        "W3_TEST_MAIL_LOG": str(tmp_path / "mail.log"),
        "W3_TEST_JOB_LOG": str(tmp_path / "jobs.log"),
    }
    for name in ("DEBUG", "REDIS_URL", "CACHE_URL"):
        env.pop(name, None)
    return env


def start_worker(tmp_path: Path, jobs: dict, **extra) -> subprocess.Popen:
    log = (tmp_path / f"worker-{time.monotonic_ns()}.log").open("w")
    return subprocess.Popen(
        [sys.executable, "-c", WORKER, timezone.now().isoformat(), json.dumps(jobs)],
        cwd=ROOT,
        env={**environment(tmp_path), **extra},
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def lines(path: Path) -> list[str]:
    return path.read_text().splitlines() if path.exists() else []


def wait_for(condition, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("waited in vain")
        time.sleep(0.05)


@pytest.mark.django_db(transaction=True)
def test_two_workers_started_together_run_each_job_once_per_period(tmp_path):
    jobs = {"counted": ["tests.worker_jobs.counted", 1]}
    workers = [start_worker(tmp_path, jobs) for _ in range(2)]
    try:
        wait_for(lambda: JobRun.objects.filter(finished_at__isnull=False).count() >= 4)
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
        for worker in workers:
            assert worker.wait(timeout=20) == 0
    calls = lines(tmp_path / "jobs.log")
    runs = JobRun.objects.filter(job="counted")
    # One call per recorded period, no period twice, and both workers stayed alive throughout.
    assert len(calls) == runs.filter(finished_at__isnull=False).count() >= 4
    periods = list(runs.values_list("period_start", flat=True))
    assert len(periods) == len(set(periods))
    assert all(run.period_start.microsecond == 0 for run in runs)


@pytest.mark.django_db(transaction=True)
def test_sigterm_while_sending_loses_no_mail_and_the_rest_goes_out_after_a_restart(tmp_path):
    for name in ("anna", "bram", "cees"):
        mail_enqueue_written_later(
            to=f"{name}@example.org", writer="agenda.reservation", params={}, send_now=False
        )
    OutgoingMail.objects.update(subject="Hallo", body="Tot ziens.", writer="")
    mail_log = tmp_path / "mail.log"
    worker = start_worker(tmp_path, {}, W3_TEST_MAIL_SECONDS="1")
    wait_for(lambda: "start anna@example.org" in lines(mail_log))
    worker.send_signal(signal.SIGTERM)  # in the middle of sending Anna's
    assert worker.wait(timeout=20) == 0
    assert lines(mail_log) == ["start anna@example.org", "sent anna@example.org"]
    sent = OutgoingMail.objects.filter(sent_at__isnull=False)
    assert list(sent.values_list("to", flat=True)) == ["anna@example.org"]

    worker = start_worker(tmp_path, {}, W3_TEST_MAIL_SECONDS="0")
    try:
        wait_for(lambda: not OutgoingMail.objects.filter(sent_at__isnull=True).exists())
    finally:
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=20) == 0
    assert sorted(line for line in lines(mail_log) if line.startswith("sent")) == [
        "sent anna@example.org",
        "sent bram@example.org",
        "sent cees@example.org",
    ]


def calls_of_counted(tmp_path, monkeypatch) -> Path:
    log = tmp_path / "jobs.log"
    monkeypatch.setenv("W3_TEST_JOB_LOG", str(log))
    return log


@pytest.mark.django_db
def test_a_job_runs_once_per_period_and_again_in_the_next(tmp_path, monkeypatch):
    log = calls_of_counted(tmp_path, monkeypatch)
    job = Job("counted", "tests.worker_jobs.counted", 3600)
    now = timezone.now()
    assert job_run_if_due(job, worker="one", now=now)
    assert not job_run_if_due(job, worker="two", now=now + datetime.timedelta(minutes=5))
    assert job_run_if_due(job, worker="two", now=now + datetime.timedelta(hours=1))
    assert len(lines(log)) == 2


@pytest.mark.django_db
def test_a_failed_job_is_recorded_and_tried_again_in_the_same_period():
    job = Job("flaky", "tests.worker_jobs.failing", 3600)
    assert not job_run_if_due(job, worker="one")
    run = JobRun.objects.get(job="flaky")
    assert run.finished_at is None
    assert "the job's service is down" in run.error
    job = Job("flaky", "outbox.worker.jobs", 3600)  # the service is back
    assert job_run_if_due(job, worker="one")
    run.refresh_from_db()
    assert run.finished_at and not run.error


@pytest.mark.django_db
def test_one_round_beats_the_heartbeat_and_runs_the_configured_jobs(settings):
    settings.WORKER_JOBS = {"reminders": ("agenda.services.scheduled.reminders_send", 3600)}
    assert heartbeat_age() is None
    call_command("run_worker", "--once")
    assert JobRun.objects.get(job="reminders").finished_at is not None
    assert heartbeat_age() < datetime.timedelta(seconds=5)
