"""Remove personal data once its term is over; safe to run every night (the worker does).

Each purge is a function of the app that owns the data; the terms are settings (the privacy
page states them).
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from agenda.services.retention import personal_data_purge


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
        counts = personal_data_purge()
        days = settings.RESERVATION_RETENTION_DAYS
        count = counts["reservations"]
        self.stdout.write(f"anonymised {count} reservations (sessions ended over {days} days ago)")
        self.stdout.write("deleted expired login sessions")
        days = settings.LOGIN_RECORD_RETENTION_DAYS
        self.stdout.write(f"deleted {counts['login_records']} login records (over {days} days old)")
        days = settings.UNVERIFIED_ACCOUNT_DAYS
        self.stdout.write(
            f"deleted {counts['unconfirmed_accounts']} accounts nobody confirmed within {days} days"
        )
        days = settings.PROVIDER_REJECTED_RETENTION_DAYS
        self.stdout.write(
            f"deleted {counts['rejected_accounts']} accounts of organisations rejected "
            f"{days}+ days ago"
        )
        self.stdout.write(f"deleted {counts['rate_counts']} rate-limit counters of ended windows")
        count = counts["followup_links"]
        self.stdout.write(f"blanked {count} links of follow-up questions answered or expired")
        count = counts["pending_photo_files"]
        self.stdout.write(f"deleted {count} files of photos chosen but never saved (a day old)")
