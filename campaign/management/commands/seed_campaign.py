"""The campaign's demo content, on top of seed_demo's edition. Safe to run again.

Each part of the campaign keeps its demo data in its own module here (`_demo_<part>.py`, a
function `seed(edition, stdout)`), called below with one line.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from agenda.models import Edition
from campaign.management.commands import _demo_links, _demo_pages


class Command(BaseCommand):
    help = "Add the campaign's demo content (landing pages, …) to the current edition."

    def handle(self, *args, **options):
        edition = Edition.objects.current()
        if edition is None:
            raise CommandError("No published edition: run seed_demo first.")
        with transaction.atomic():
            _demo_pages.seed(edition, self.stdout)
            _demo_links.seed(edition, self.stdout)
