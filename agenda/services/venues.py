"""Changing venues: who may change one, residents told about a new address, and staff's
merging of duplicates, with every session and proposed change."""

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agenda.models import ActivityRevision, Session, public_condition
from agenda.services.sessions import session_change_notify, session_snapshot
from providers.models import Provider, User, Venue
from providers.notifications import send_templated_mail
from providers.services import ProviderError, venue_save

SHARED_VENUE = _(
    "Other organisations' activities on the agenda take place here, so only the municipality "
    "can change this venue. Send them your change, or add your own venue if it is another place."
)


def venue_shared_publicly(venue: Venue, provider: Provider) -> bool:
    """Does another provider's public activity have a session at the venue?

    Then a change would show on their pages, feeds and JSON-LD: only staff make it.
    """
    return (
        Session.objects.active()
        .filter(public_condition("activity__"), venue=venue)
        .exclude(activity__provider=provider)
        .exists()
    )


@transaction.atomic
def venue_update(*, form, provider: Provider) -> Venue:
    """Save a venue from the portal's form (a new one, or one the provider added).

    Refused (ProviderError) for a venue another provider's public sessions use, and for an
    organisation not approved yet (providers.services.venue_save). Residents booked at the
    venue hear about a new address.
    """
    before = None
    if form.instance.pk is not None:
        before = Venue.objects.select_for_update().get(pk=form.instance.pk)
        if venue_shared_publicly(before, provider):
            raise ProviderError(SHARED_VENUE)
    venue = venue_save(form=form, provider=provider)
    if before is not None:
        venue_moved_notify(venue=venue, before=before)
    return venue


@transaction.atomic
def venue_staff_save(*, venue: Venue) -> Venue:
    """Save a venue as staff changed it (the admin); residents hear about a new address."""
    before = Venue.objects.select_for_update().get(pk=venue.pk) if venue.pk else None
    venue.save()
    if before is not None:
        venue_moved_notify(venue=venue, before=before)
    return venue


def venue_moved_notify(*, venue: Venue, before: Venue) -> int:
    """After the venue's address changed (`before`: the row as it was), tell everyone with a
    place or on a waiting list for a session still to come there, as for a session that moved.
    Returns how many were told."""
    if before.address == venue.address:
        return 0
    told = 0
    for session in Session.objects.active().not_ended().filter(venue=venue).order_by("pk"):
        previous = session_snapshot(session)
        previous.venue = before  # the old address goes along in the e-mail
        told += session_change_notify(session=session, previous=previous)
    return told


def venue_change_request(*, venue: Venue, form, by: User) -> int:
    """Send a provider's change to a shared venue to staff, who may make it; changes nothing.

    Goes to every active staff member who may change venues. Returns how many.
    """
    venue = Venue.objects.get(pk=venue.pk)  # as it is, not as the form filled it in
    changes = [
        {
            "field": form.fields[name].label,
            "old": _readable(getattr(venue, name)),
            "new": _readable(form.cleaned_data[name]),
        }
        for name in form.changed_data
    ]
    may_change = (
        Q(is_superuser=True)
        | Q(user_permissions__codename="change_venue")
        | Q(groups__permissions__codename="change_venue")
    )
    staff = list(User.objects.filter(may_change, is_active=True, is_staff=True).distinct())
    send_templated_mail(
        to=staff,
        template="agenda/email/venue_change_request",
        context={
            "venue": venue,
            "provider": by.provider,
            "by": by,
            "changes": changes,
            "admin_url": settings.SITE_URL
            + reverse("admin:providers_venue_change", args=[venue.pk]),
        },
    )
    return len(staff)


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


def _readable(value):
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return value if value not in (None, "") else "—"
