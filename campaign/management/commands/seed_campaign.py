"""Add the campaign's demo content to the demo edition (after seed_demo): each part in its
own module `_demo_<part>.py`, called here in turn."""

from django.core.management.base import BaseCommand, CommandError

from agenda.models import Edition
from campaign.management.commands._demo_reach import seed_reach


class Command(BaseCommand):
    help = "Add the campaign's demo content (links, visits, …) to the demo edition of seed_demo."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="Year of the edition (default: the latest).")

    def handle(self, *args, year=None, **options):
        edition = (
            Edition.objects.filter(year=year).first() if year else Edition.objects.for_portal()
        )
        if edition is None:
            raise CommandError("No edition: run seed_demo first.")
        # Pages first: the reach's demo links point to them.
        self.stdout.write(f"Reach: {seed_reach(edition)}")
