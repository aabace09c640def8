"""The worker: sends the outbox continuously and runs every scheduled job on its schedule.

One process kind for all background work (`manage.py run_worker`, `bin/entrypoint worker`).
Jobs are named in the WORKER_JOBS setting, `name → (dotted path, period in seconds[, offset])`,
so apps above the outbox plug theirs in without the outbox importing them. A job's periods are
aligned to the epoch (UTC) plus the offset: with a period of a day and an offset of 7200 s, the
job runs once per day from 02:00 UTC on.

Several workers may run at once. Before a job runs for a period, its worker takes a PostgreSQL
advisory lock for that job and period (pg_try_advisory_lock, held by its database session while
the job runs, and gone with the session if the worker dies) and checks the JobRun table: a
period with a finished run is done. So each job runs once per period across all workers; a run
that failed or whose worker died is tried again, by any worker.
"""

import dataclasses
import datetime
import hashlib
import logging
import os
import socket
from collections.abc import Callable

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from outbox.models import JobRun, WorkerHeartbeat

logger = logging.getLogger(__name__)

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
# A failed job is tried again by this worker after this many seconds (another worker may sooner).
RETRY_AFTER = 300


@dataclasses.dataclass(frozen=True)
class Job:
    name: str
    path: str
    period: int
    offset: int = 0

    def period_start(self, now: datetime.datetime) -> datetime.datetime:
        seconds = (now - EPOCH).total_seconds() - self.offset
        start = int(seconds // self.period) * self.period + self.offset
        return EPOCH + datetime.timedelta(seconds=start)

    def lock_key(self, period_start: datetime.datetime) -> int:
        """A signed 64-bit key for pg_try_advisory_lock, from the job and its period."""
        text = f"week3.job:{self.name}:{period_start.isoformat()}".encode()
        return int.from_bytes(hashlib.sha256(text).digest()[:8], "big", signed=True)


def jobs() -> list[Job]:
    """The scheduled jobs of the WORKER_JOBS setting."""
    return [Job(name, *spec) for name, spec in settings.WORKER_JOBS.items()]


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


# How long the admin lists past job runs.
JOB_RUNS_KEPT = datetime.timedelta(days=30)


def heartbeat_beat(*, worker: str) -> None:
    """Record that `worker` is alive now; forget workers silent for a day, and job runs of
    periods long past."""
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(worker=worker, defaults={"beat_at": now})
    WorkerHeartbeat.objects.filter(beat_at__lt=now - datetime.timedelta(days=1)).delete()
    JobRun.objects.filter(period_start__lt=now - JOB_RUNS_KEPT).delete()


def heartbeat_age() -> datetime.timedelta | None:
    """How long ago the liveliest worker last beat; None when no worker ever did."""
    latest = WorkerHeartbeat.objects.order_by("-beat_at").values_list("beat_at", flat=True)
    latest = latest.first()
    return None if latest is None else timezone.now() - latest


def _try_lock(key: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        return cursor.fetchone()[0]


def _unlock(key: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


def job_run_if_due(job: Job, *, worker: str, now: datetime.datetime | None = None) -> bool:
    """Run `job` for the current period unless it ran already or another worker runs it now;
    True when it ran (and succeeded). A failure is logged and recorded on its JobRun."""
    now = now or timezone.now()
    period_start = job.period_start(now)
    if JobRun.objects.filter(
        job=job.name, period_start=period_start, finished_at__isnull=False
    ).exists():
        return False
    key = job.lock_key(period_start)
    if not _try_lock(key):
        return False
    try:
        # Checked again under the lock: another worker may have finished it just now.
        with transaction.atomic():
            run, created = JobRun.objects.get_or_create(
                job=job.name,
                period_start=period_start,
                defaults={"started_at": timezone.now(), "worker": worker},
            )
            if not created and run.finished_at is not None:
                return False
            if not created:
                run.started_at, run.worker, run.error = timezone.now(), worker, ""
                run.save(update_fields=["started_at", "worker", "error"])
        try:
            result = import_string(job.path)()
        except Exception as error:
            logger.exception("Scheduled job %s failed", job.name)
            run.error = f"{type(error).__name__}: {error}"[:2000]
            run.save(update_fields=["error"])
            return False
        run.finished_at = timezone.now()
        run.save(update_fields=["finished_at"])
        logger.info("Scheduled job %s done: %s", job.name, result)
        return True
    finally:
        _unlock(key)


class Worker:
    """The loop of `manage.py run_worker`: heartbeat, due jobs, the outbox; until `stop()`."""

    def __init__(
        self,
        *,
        interval: float,
        send: Callable[..., tuple[int, int]],
        batch: int = 100,
        name: str | None = None,
    ):
        self.interval = interval
        self.send = send
        self.batch = batch
        self.name = name or worker_name()
        self.stopping = False
        self._retry_at: dict[str, datetime.datetime] = {}

    def stop(self, *args) -> None:
        """Ask the loop to end after the e-mail or job in hand (a signal handler)."""
        self.stopping = True

    def run_jobs(self) -> None:
        for job in jobs():
            if self.stopping:
                return
            now = timezone.now()
            if self._retry_at.get(job.name, now) > now:
                continue
            job_run_if_due(job, worker=self.name, now=now)
            failed = JobRun.objects.filter(
                job=job.name, period_start=job.period_start(now), finished_at__isnull=True
            ).exists()
            if failed:
                self._retry_at[job.name] = now + datetime.timedelta(seconds=RETRY_AFTER)

    def round(self) -> int:
        """One round; the number of e-mails handled (a full batch: go on at once)."""
        heartbeat_beat(worker=self.name)
        self.run_jobs()
        sent, failed = self.send(limit=self.batch, stop=lambda: self.stopping)
        if sent or failed:
            logger.info("Outbox: sent %s, failed %s (will retry)", sent, failed)
        return sent + failed
