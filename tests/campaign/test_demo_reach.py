"""The demo's reach: links of providers and the city with visits before the week and
reservations that came through them, so the reach pages show figures; a second run changes
nothing."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from agenda.models import Edition, Reservation
from campaign import reach
from campaign.models import LinkVisitDay, TrackedLink

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(TrackedLink.objects.order_by("code").values_list("code", "provider_id", "channel")),
        list(LinkVisitDay.objects.order_by("link__code", "day").values_list("day", "visits")),
        sorted(Reservation.objects.exclude(referral_code="").values_list("pk", "referral_code")),
    )


def test_the_demo_gives_the_reach_pages_plausible_figures(settings):
    settings.DEBUG = False
    call_command("seed_demo", year=2027, verbosity=0)
    call_command("seed_campaign", verbosity=0)
    first = snapshot()
    call_command("seed_campaign", verbosity=0)
    assert snapshot() == first

    edition = Edition.objects.get(year=2027)
    links = TrackedLink.objects.filter(edition=edition)
    assert links.filter(provider__isnull=True).count() >= 3
    assert links.exclude(provider=None).values("provider").distinct().count() >= 10
    assert len(set(links.values_list("channel", flat=True))) >= 5
    days = set(LinkVisitDay.objects.values_list("day", flat=True))
    assert len(days) >= 14
    assert max(days) < timezone.localdate()  # counted up to yesterday
    figures = reach.staff_reach(edition)
    total_visits, total_reservations = (cell.value for cell in figures["links"].total[:2])
    assert total_visits > total_reservations > 20
    hidden = [cell for _row, cells in figures["providers"].rows for cell in cells if cell.hidden]
    assert hidden, "some small counts show as < 5"
    assert figures["average"] is not None
