"""The demo (seed_demo) has two editions whose every figure and comparison shows something."""

import pytest
from django.core.management import call_command

from agenda.models import ActivityOutcome, Edition, FollowUp, Reservation
from impact.figures import edition_dashboard

pytestmark = pytest.mark.django_db


def test_the_demo_fills_every_figure_of_last_year_and_compares_this_year(settings):
    settings.DEBUG = False
    call_command("seed_demo", year=2027, verbosity=0)
    counts = (
        FollowUp.objects.count(),
        ActivityOutcome.objects.count(),
        Reservation.objects.count(),
    )
    call_command("seed_demo", year=2027, verbosity=0)
    assert (
        FollowUp.objects.count(),
        ActivityOutcome.objects.count(),
        Reservation.objects.count(),
    ) == counts

    last_year = edition_dashboard(Edition.objects.get(year=2026))
    empty = [f.key for f in last_year.figures if str(f.now) in ("–", "0", "< 5", "hidden")]
    assert empty == []
    for slug in ("discipline", "audience", "provider-kind", "district", "channel", "language"):
        assert len(last_year.table(slug).rows) >= 2, slug
    this_year = edition_dashboard(Edition.objects.current())
    assert this_year.edition.year == 2027
    assert this_year.previous.year == 2026
    assert str(this_year.figure("reservations").change).startswith(("+", "−"))
