"""Scheduled jobs for the worker tests (WORKER_JOBS in a worker process)."""

import os
import time

from django.utils import timezone


def counted() -> int:
    """Notes each call in the file W3_TEST_JOB_LOG (the moment and the process), slowly enough
    that two workers would overlap."""
    with open(os.environ["W3_TEST_JOB_LOG"], "a") as output:
        output.write(f"{timezone.now().isoformat()} {os.getpid()}\n")
    time.sleep(0.2)
    return 1


def failing() -> int:
    raise RuntimeError("the job's service is down")
