"""Changing and removing tracked links (making them: campaign.services.links)."""

from django.db import transaction

from campaign.models import LinkChannel, TrackedLink
from campaign.targets import forget


def tracked_link_update(*, link: TrackedLink, label: str, channel: str) -> TrackedLink:
    """A new name or channel; where the link leads never changes (it may be on a poster)."""
    if channel not in LinkChannel.values:
        raise ValueError(f"Unknown channel {channel!r}")
    with transaction.atomic():
        link.label = label
        link.channel = channel
        link.save(update_fields=["label", "channel"])
    return link


def tracked_link_delete(*, link: TrackedLink) -> None:
    """Remove the link and its daily counts; its code then answers with the friendly 404.
    Reservations keep the code they came with (anonymous counts)."""
    with transaction.atomic():
        link.delete()
    forget(link.code)
