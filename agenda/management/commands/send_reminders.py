"""Queue the day-before reminder of tomorrow's reservations; safe to run as often as you like."""

from django.core.management.base import BaseCommand

from agenda.services.scheduled import reminders_send


class Command(BaseCommand):
    help = "Queue a reminder e-mail for every confirmed reservation of tomorrow's sessions (once)."

    def handle(self, *args, **options):
        self.stdout.write(f"queued {reminders_send()} reminders")
