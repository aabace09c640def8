"""Send the outbox's due e-mails; with --loop, keep doing so as the site's mail worker."""

import time

from django.core.management.base import BaseCommand

from outbox.services import mail_send_due

BATCH = 100


class Command(BaseCommand):
    help = "Send queued e-mails that are due; failed ones are retried later with back-off."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Keep running (a worker).")
        parser.add_argument(
            "--interval", type=float, default=10, help="Seconds between rounds with --loop."
        )

    def handle(self, *args, loop, interval, **options):
        while True:
            sent, failed = mail_send_due(limit=BATCH)
            if sent or failed or not loop:
                self.stdout.write(f"sent {sent}, failed {failed} (will retry)")
            if not loop:
                return
            # A full batch means more may be due: go on at once.
            if sent + failed < BATCH:
                time.sleep(interval)
