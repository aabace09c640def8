"""A provider's activities: new drafts, their edits (a proposed change once approved), and
copies into the next edition."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from agenda.models import (
    DIRECTLY_EDITABLE,
    Activity,
    ActivityDecision,
    ActivityRevision,
    ActivityState,
    Decision,
    Edition,
)
from agenda.services.drafts import activity_data, apply_data, unchanged
from agenda.services.errors import ModerationError
from agenda.services.images import activity_images_release
from agenda.services.moderation import check_submissions_open, transition


def _unique_slug(edition: Edition, title: str) -> str:
    base = slugify(title)[:120] or "activiteit"
    taken = set(
        Activity.objects.filter(edition=edition, slug__startswith=base).values_list(
            "slug", flat=True
        )
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def activity_create(*, provider, edition: Edition, data: dict) -> Activity:
    """A new draft of the provider's, in the edition."""
    activity = Activity(
        provider=provider,
        edition=edition,
        slug=_unique_slug(edition, data["title"]),
        state=ActivityState.DRAFT,
    )
    apply_data(activity, data)
    return activity


@transaction.atomic
def activity_save(*, activity: Activity, data: dict, by) -> bool:
    """Save the provider's edits. Returns True when they wait for moderation.

    Drafts change in place. An approved activity stays public as it is; the edits become a
    proposed change that goes to the moderators at once.
    """
    activity = Activity.objects.select_for_update().select_related("edition").get(pk=activity.pk)
    if activity.state == ActivityState.SUBMITTED:
        if unchanged(activity, data):
            return False
        if not activity.edition.accepts_submissions(timezone.now()):
            # Taken back now, it could not be sent again: the submission stays as it is.
            raise ModerationError(
                _(
                    "Submissions for this edition are closed, so your activity can no longer "
                    "be changed while the municipality checks it. Questions? Contact the "
                    "municipality."
                )
            )
        # The moderators may have it open: take the submission back (logged), so what they
        # approve is never something else than what they saw. The provider sends it again.
        activity = transition(activity=activity, action=Decision.RETRACT, by=by)
    if activity.state in DIRECTLY_EDITABLE:
        apply_data(activity, data)
        return False
    if activity.state != ActivityState.APPROVED:
        raise ModerationError(_("This activity can no longer be changed. Copy it instead."))
    revision = activity.open_revision()
    if revision is not None:
        # A photo proposed before and not proposed now is not needed any more.
        activity_images_release(names=[revision.data.get("image")])
    if unchanged(activity, data):
        if revision is not None:
            revision.delete()
        return False
    resubmitted = revision is None or revision.state != ActivityState.SUBMITTED
    if revision is None:
        revision = ActivityRevision(activity=activity)
    revision.data = data
    revision.state = ActivityState.SUBMITTED
    revision.save()
    if resubmitted:
        check_submissions_open(activity)
        ActivityDecision.objects.create(
            activity=activity, action=Decision.SUBMIT, decided_by=by, about_changes=True
        )
    return True


def _moved_to(moment: datetime.datetime, edition: Edition) -> datetime.datetime:
    """The same weekday and local time in the edition's week (its first day if none matches)."""
    local = timezone.localtime(moment)
    day = next((d for d in edition.days if d.weekday() == local.weekday()), edition.starts_on)
    return timezone.make_aware(datetime.datetime.combine(day, local.time().replace(tzinfo=None)))


@transaction.atomic
def activity_copy(*, activity: Activity, edition: Edition) -> Activity:
    """A new draft with the same content, its sessions moved to the edition's week."""
    data = activity_data(activity)
    for row in data["sessions"]:
        row["id"] = None
        starts = datetime.datetime.fromisoformat(row["starts_at"])
        duration = datetime.datetime.fromisoformat(row["ends_at"]) - starts
        moved = _moved_to(starts, edition)
        row["starts_at"] = moved.isoformat()
        row["ends_at"] = (moved + duration).isoformat()
    return activity_create(provider=activity.provider, edition=edition, data=data)
