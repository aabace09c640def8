"""The site's one background process: the outbox and every scheduled job (outbox.worker)."""

import logging
import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection

from outbox.services import mail_send_due
from outbox.worker import Worker

logger = logging.getLogger("outbox.worker")


class Command(BaseCommand):
    help = (
        "Send queued e-mail continuously and run the scheduled jobs of WORKER_JOBS once per "
        "period (safe to run several at once). SIGTERM or SIGINT: finish the e-mail in hand, "
        "then stop."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=float, default=10, help="Seconds between rounds (default 10)."
        )
        parser.add_argument(
            "--once", action="store_true", help="One round (heartbeat, due jobs, due e-mail)."
        )

    def handle(self, *args, interval, once, **options):
        worker = Worker(interval=interval, send=mail_send_due)
        signal.signal(signal.SIGTERM, worker.stop)
        signal.signal(signal.SIGINT, worker.stop)
        logger.info("Worker %s started", worker.name)
        while not worker.stopping:
            try:
                handled = worker.round()
            except Exception:  # the database away for a moment: try again next round
                logger.exception("Worker round failed")
                connection.close()
                handled = 0
            if once:
                break
            if handled < worker.batch:
                deadline = time.monotonic() + interval
                while not worker.stopping and time.monotonic() < deadline:
                    time.sleep(min(0.2, interval))
            # A connection past its age or broken is replaced before the next round.
            close_old_connections()
        logger.info("Worker %s stopped", worker.name)
