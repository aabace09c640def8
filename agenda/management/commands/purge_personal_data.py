"""Remove residents' personal data once sessions are long enough past; safe to run every night."""

from django.conf import settings
from django.core.management.base import BaseCommand

from agenda.services.scheduled import reservations_purge


class Command(BaseCommand):
    help = (
        "Blank names, e-mail addresses, postcodes and links of reservations whose session ended "
        "more than RESERVATION_RETENTION_DAYS ago, and delete e-mails queued before then."
    )

    def handle(self, *args, **options):
        count = reservations_purge()
        days = settings.RESERVATION_RETENTION_DAYS
        self.stdout.write(f"anonymised {count} reservations (sessions ended over {days} days ago)")
