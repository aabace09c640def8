"""Remove personal data once its term is over; safe to run every night.

Each purge is a function of the app that owns the data; the terms are settings (the privacy
page states them).
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from agenda.ratelimit import rate_counts_purge
from agenda.services.scheduled import reservations_purge
from providers.pending_images import pending_images_purge
from providers.retention import (
    login_records_purge,
    sessions_purge,
    users_purge_rejected,
    users_purge_unconfirmed,
)


class Command(BaseCommand):
    help = (
        "Blank names, e-mail addresses, postcodes and links of reservations whose session ended "
        "more than RESERVATION_RETENTION_DAYS ago, and delete e-mails queued before then; delete "
        "expired login sessions, login records older than LOGIN_RECORD_RETENTION_DAYS, accounts "
        "nobody confirmed within UNVERIFIED_ACCOUNT_DAYS, and the accounts of organisations "
        "rejected more than PROVIDER_REJECTED_RETENTION_DAYS ago; delete rate-limit counters "
        "of windows that have ended; delete photos chosen in a form that was never saved, after "
        "a day."
    )

    def handle(self, *args, **options):
        count = reservations_purge()
        days = settings.RESERVATION_RETENTION_DAYS
        self.stdout.write(f"anonymised {count} reservations (sessions ended over {days} days ago)")
        sessions_purge()
        self.stdout.write("deleted expired login sessions")
        count = login_records_purge()
        days = settings.LOGIN_RECORD_RETENTION_DAYS
        self.stdout.write(f"deleted {count} login records (over {days} days old)")
        count = users_purge_unconfirmed()
        days = settings.UNVERIFIED_ACCOUNT_DAYS
        self.stdout.write(f"deleted {count} accounts nobody confirmed within {days} days")
        count = users_purge_rejected()
        days = settings.PROVIDER_REJECTED_RETENTION_DAYS
        self.stdout.write(f"deleted {count} accounts of organisations rejected {days}+ days ago")
        count = rate_counts_purge()
        self.stdout.write(f"deleted {count} rate-limit counters of ended windows")
        count = pending_images_purge()
        self.stdout.write(f"deleted {count} files of photos chosen but never saved (a day old)")
