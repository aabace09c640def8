"""Tracked links: making them, with short codes that read well on a poster."""

import hashlib
import secrets

from django.db import IntegrityError, connection, transaction

from agenda.models import Activity, Edition
from campaign.models import CampaignPage, LinkChannel, TrackedLink
from campaign.models.links import CODE_ALPHABET, CODE_LENGTH
from providers.models import Provider


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def tracked_link_create(
    *,
    edition: Edition,
    channel: str,
    provider: Provider | None = None,
    activity: Activity | None = None,
    target_provider: Provider | None = None,
    page: CampaignPage | None = None,
    agenda_query: str = "",
    label: str = "",
    created_by=None,
    standing: bool = False,
) -> TrackedLink:
    """A new link with a fresh code; `provider` empty for the city's own links; `standing` for
    the kit's and the widgets' own (tracked_link_for_kit, tracked_link_for_city)."""
    if channel not in LinkChannel.values:
        raise ValueError(f"Unknown channel {channel!r}")
    for _attempt in range(10):
        try:
            with transaction.atomic():
                return TrackedLink.objects.create(
                    code=new_code(),
                    edition=edition,
                    channel=channel,
                    provider=provider,
                    activity=activity,
                    target_provider=target_provider,
                    page=page,
                    agenda_query=agenda_query,
                    label=label,
                    created_by=created_by,
                    standing=standing,
                )
        except IntegrityError:
            continue  # the code was taken: 31**6 codes, so a second try all but always works
    raise RuntimeError("No free tracked-link code found")


def tracked_link_for_kit(
    *,
    provider: Provider,
    channel: str,
    activity: Activity | None = None,
    edition: Edition | None = None,
) -> TrackedLink:
    """The provider's standing link for its promotion kit: one per channel and target (its own
    provider page when `activity` is empty), made the first time the kit asks for it."""
    edition = edition or (activity.edition if activity else Edition.objects.for_portal())
    kept = TrackedLink.objects.filter(
        edition=edition,
        provider=provider,
        channel=channel,
        activity=activity,
        target_provider=None if activity else provider,
        page=None,
        agenda_query="",
        standing=True,
    ).order_by("pk")
    # Made long ago, all but always (a public share image asks on every request): no lock.
    existing = kept.first()
    if existing:
        return existing
    with transaction.atomic():
        # Lock the provider so two kit pages opened at once make one link, not two.
        Provider.objects.select_for_update().filter(pk=provider.pk).first()
        existing = kept.first()
        if existing:
            return existing
        return tracked_link_create(
            edition=edition,
            channel=channel,
            provider=provider,
            activity=activity,
            target_provider=None if activity else provider,
            standing=True,
        )


def tracked_link_for_city(
    *,
    edition: Edition,
    channel: str,
    activity: Activity | None = None,
    page: CampaignPage | None = None,
    agenda_query: str = "",
) -> TrackedLink:
    """The city's standing link (no provider) per channel and target: an activity, a campaign
    page, or the agenda with `agenda_query` (canonical, possibly empty). Made the first time a
    widget asks for it, once: two requests at the same moment wait for each other."""
    target = f"a{activity.pk}" if activity else f"p{page.pk}" if page else f"q{agenda_query}"
    key = int.from_bytes(
        hashlib.blake2b(
            f"city-link|{edition.pk}|{channel}|{target}".encode(), digest_size=8
        ).digest(),
        "big",
        signed=True,
    )
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
        existing = TrackedLink.objects.filter(
            edition=edition,
            provider=None,
            channel=channel,
            activity=activity,
            target_provider=None,
            page=page,
            agenda_query="" if activity or page else agenda_query,
            standing=True,
        ).first()
        if existing:
            return existing
        return tracked_link_create(
            edition=edition,
            channel=channel,
            activity=activity,
            page=page,
            agenda_query="" if activity or page else agenda_query,
            standing=True,
        )
