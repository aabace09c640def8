"""Demo reach: tracked links of providers and of the city on several channels, their daily
visits in the weeks before Week 3, and the demo reservations that came through them, so the
reach pages (campaign.reach) show plausible figures in `bin/serve`.

Stable: the same seed gives the same links (fixed codes), visits and referral codes, and a
second run changes nothing.
"""

import datetime
import hashlib
import random

from django.db import transaction
from django.utils import timezone

from agenda.management.commands.seed_demo import DEMO_DOMAIN, SEED
from agenda.models import Activity, ActivityState, Edition, Reservation
from campaign.models import CampaignPage, LinkChannel, LinkVisitDay, TrackedLink
from campaign.models.links import CODE_ALPHABET, CODE_LENGTH
from campaign.reach import HELD_STATES

# How many days before the last counted day have visits.
VISIT_DAYS = 28
# Providers' own links, with the label a provider would give them.
PROVIDER_LINKS = {
    LinkChannel.POSTER: "Poster bij de ingang",
    LinkChannel.FLYER: "Flyers in de wijk",
    LinkChannel.SOCIAL: "Instagram en Facebook",
    LinkChannel.NEWSLETTER: "Nieuwsbrief aan de leden",
    LinkChannel.WEBSITE: "Onze eigen website",
}
# The city's links besides those to the campaign pages: (channel, label, agenda selection).
CITY_LINKS = [
    (LinkChannel.PRESS, "Advertentie in de krant", ""),
    (LinkChannel.NEWSLETTER, "Nieuwsbrief gemeente: voor kinderen", "doelgroep=kinderen"),
    (LinkChannel.SOCIAL, "Social media: zonder Nederlands", "zonder_nederlands=on"),
    (LinkChannel.POSTER, "Posters in de bibliotheken", ""),
]


def demo_code(*parts) -> str:
    """A fixed code per demo link, in the alphabet of real ones."""
    digest = hashlib.sha256("-".join([SEED, "reach", *map(str, parts)]).encode()).digest()
    return "".join(CODE_ALPHABET[byte % len(CODE_ALPHABET)] for byte in digest[:CODE_LENGTH])


def _link(edition, code, **fields) -> TrackedLink:
    link, _created = TrackedLink.objects.update_or_create(
        code=code, defaults={"edition": edition, **fields}
    )
    return link


def seed_links(edition: Edition) -> tuple[dict[int, list[TrackedLink]], list[TrackedLink]]:
    """About two in three providers with approved activities make one to three links; the city
    makes one or two per campaign page and a few to the (filtered) agenda."""
    activities = {}
    for activity in Activity.objects.filter(
        edition=edition, state=ActivityState.APPROVED
    ).select_related("provider"):
        activities.setdefault(activity.provider, []).append(activity)
    by_provider: dict[int, list[TrackedLink]] = {}
    for provider in sorted(activities, key=lambda provider: provider.slug):
        rng = random.Random(f"{SEED}-reach-{provider.slug}")
        if rng.random() < 0.35:
            continue
        for channel in rng.sample(sorted(PROVIDER_LINKS), k=rng.randint(1, 3)):
            activity = rng.choice(activities[provider]) if rng.random() < 0.6 else None
            by_provider.setdefault(provider.pk, []).append(
                _link(
                    edition,
                    demo_code(provider.slug, channel),
                    provider=provider,
                    channel=channel,
                    label=PROVIDER_LINKS[channel],
                    activity=activity,
                    target_provider=None if activity else provider,
                    page=None,
                    agenda_query="",
                )
            )
    city = []
    for page in CampaignPage.objects.filter(edition=edition).order_by("position", "slug"):
        for channel in (LinkChannel.POSTER, LinkChannel.SOCIAL)[: 1 + len(page.slug) % 2]:
            label = f"{page.title}: {LinkChannel(channel).label}"
            city.append(
                _link(
                    edition,
                    demo_code("page", page.slug, channel),
                    channel=channel,
                    label=label[:120],
                    page=page,
                )
            )
    for channel, label, query in CITY_LINKS:
        city.append(
            _link(
                edition, demo_code("city", label), channel=channel, label=label, agenda_query=query
            )
        )
    return by_provider, city


def seed_visits(edition: Edition, links: list[TrackedLink]) -> dict[str, int]:
    """Daily visits up to yesterday (or the edition's last day), growing towards the week."""
    last = min(timezone.localdate() - datetime.timedelta(days=1), edition.ends_on)
    days = [last - datetime.timedelta(days=offset) for offset in range(VISIT_DAYS)]
    LinkVisitDay.objects.filter(link__in=links).delete()
    rows = []
    for link in links:
        rng = random.Random(f"{SEED}-visits-{link.code}")
        rate = rng.choice([0.1, 0.5, 2, 4, 8, 15])
        for day in days:
            closeness = 1 + max(0, 14 - (edition.starts_on - day).days) / 7
            count = int(rng.expovariate(1 / (rate * closeness))) if rate else 0
            if count:
                rows.append(LinkVisitDay(link=link, day=day, visits=count))
    LinkVisitDay.objects.bulk_create(rows)
    totals = dict.fromkeys((link.code for link in links), 0)
    for row in rows:
        totals[row.link.code] += row.visits
    return totals


def seed_referrals(edition, by_provider, city, visits: dict[str, int]) -> None:
    """Some demo reservations came through a link: mostly the provider's own, now and then
    the city's; a link brings at most a fifth to a third of its visits."""
    reservations = Reservation.objects.filter(
        session__activity__edition=edition, email__endswith=DEMO_DOMAIN, state__in=HELD_STATES
    )
    room = {
        code: int(total * random.Random(f"{SEED}-share-{code}").uniform(0.2, 0.35))
        for code, total in visits.items()
    }
    codes: dict[str, list[int]] = {}
    for pk, provider_id in reservations.values_list("pk", "session__activity__provider_id"):
        rng = random.Random(f"{SEED}-referral-{pk}")
        chance = rng.random()
        links = by_provider.get(provider_id, []) if chance < 0.3 else city if chance > 0.9 else []
        links = [link for link in links if room[link.code]]
        if links:
            code = rng.choice(links).code
            room[code] -= 1
            codes.setdefault(code, []).append(pk)
    reservations.exclude(referral_code="").update(referral_code="")
    for code, pks in codes.items():
        Reservation.objects.filter(pk__in=pks).update(referral_code=code)


def seed_reach(edition: Edition) -> str:
    """Links, visits and referrals for the demo edition; returns a line for the report."""
    with transaction.atomic():
        by_provider, city = seed_links(edition)
        links = [link for own in by_provider.values() for link in own] + city
        visits = seed_visits(edition, links)
        seed_referrals(edition, by_provider, city, visits)
    return (
        f"{len(links)} tracked links ({len(by_provider)} providers and {len(city)} of the city) "
        "with their visits and reservations"
    )
