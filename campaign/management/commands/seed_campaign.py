"""The campaign's demo content, on top of seed_demo's edition. Safe to run again.

Each part of the campaign keeps its demo data in its own module here (`_demo_<part>.py`),
called below with one line.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from agenda.models import Edition
from campaign.management.commands import _demo_pages
from campaign.management.commands._demo_reach import seed_reach


class Command(BaseCommand):
    help = "Add the campaign's demo content (landing pages, links and their reach) to the edition."

    def handle(self, *args, **options):
        edition = Edition.objects.current()
        if edition is None:
            raise CommandError("No published edition: run seed_demo first.")
        with transaction.atomic():
            _demo_pages.seed(edition, self.stdout)
            # After the pages: the city's demo links point to them.
            self.stdout.write(f"Reach: {seed_reach(edition)}")
