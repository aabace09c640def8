"""Staff's work on venues: merging duplicates, with every session and proposed change."""

from django.db import transaction
from django.utils import timezone

from agenda.models import ActivityRevision, Session
from providers.models import Venue


@transaction.atomic
def venue_merge(*, keep: Venue, duplicates) -> int:
    """Move every session of the duplicates to `keep`, delete them; returns how many went.

    Proposed changes still waiting for moderation name venues by key too: they are moved along,
    so their preview, their diff and their approval keep working.
    """
    duplicates = [venue for venue in duplicates if venue.pk != keep.pk]
    gone = {venue.pk for venue in duplicates}
    if not gone:
        return 0
    for revision in ActivityRevision.objects.select_for_update().open():
        rows = revision.data.get("sessions", [])
        if any(row.get("venue") in gone for row in rows):
            for row in rows:
                if row.get("venue") in gone:
                    row["venue"] = keep.pk
            revision.save(update_fields=["data", "updated_at"])
    # The sessions' own updated_at changes too, so cached public pages notice.
    Session.objects.filter(venue_id__in=gone).update(venue=keep, updated_at=timezone.now())
    Venue.objects.filter(pk__in=gone).delete()
    return len(duplicates)
