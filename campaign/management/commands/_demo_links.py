"""Demo tracked links for seed_campaign: a few providers' own links and the city's campaign
links, with visits on the days before now and some reservations that came through them.
Idempotent: an edition that has links already gets none."""

import datetime
import random

from django.utils import timezone

from agenda.models import Activity, Reservation
from campaign.models import LinkVisitDay, TrackedLink
from campaign.services.links import tracked_link_create

CITY_LINKS = [
    ("press", "De Limburger: kinderen", "doelgroep=kinderen"),
    ("newsletter", "Nieuwsbrief gemeente", ""),
    ("social", "Instagram: zonder Nederlands", "zonder_nederlands=on"),
]


def seed_links(edition) -> int:
    """Make the demo links of `edition`; returns how many were made."""
    if TrackedLink.objects.filter(edition=edition).exists():
        return 0
    chance = random.Random(edition.year)
    links = [
        tracked_link_create(edition=edition, channel=channel, label=label, agenda_query=query)
        for channel, label, query in CITY_LINKS
    ]
    activities = (
        Activity.objects.public().in_edition(edition).select_related("provider").order_by("pk")
    )
    for activity in activities[:6]:
        provider = activity.provider
        links.append(
            tracked_link_create(
                edition=edition,
                channel="poster",
                provider=provider,
                activity=activity,
                label="Poster in de bibliotheek",
            )
        )
        links.append(
            tracked_link_create(
                edition=edition,
                channel="social",
                provider=provider,
                target_provider=provider,
                label="Facebook",
            )
        )
    today = timezone.localdate()
    LinkVisitDay.objects.bulk_create(
        LinkVisitDay(link=link, day=today - datetime.timedelta(days=back), visits=visits)
        for link in links
        for back in range(1, 8)
        if (visits := chance.choice([0, 0, 1, 2, 3, 4, 6, 9, 14]))
    )
    # Some of the demo reservations came through a link to their activity.
    for link in links:
        if link.activity_id:
            reservations = Reservation.objects.filter(session__activity=link.activity_id)
            chosen = [r.pk for r in reservations.order_by("pk") if chance.random() < 0.4]
            Reservation.objects.filter(pk__in=chosen).update(referral_code=link.code)
    return len(links)


def seed(edition, stdout) -> None:
    made = seed_links(edition)
    if made:
        stdout.write(f"Made {made} demo tracked links with their visits.")
