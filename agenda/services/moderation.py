"""Moderation: the state machine every submission, decision and withdrawal goes through, the
same for the portal and the admin, with the provider told by e-mail."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agenda.models import (
    TRANSITIONS,
    Activity,
    ActivityDecision,
    ActivityState,
    Decision,
    Reservation,
    can_transition,
)
from agenda.services.drafts import apply_data
from agenda.services.errors import ModerationError
from agenda.services.images import activity_images_release
from agenda.services.reservations import session_cancel
from providers.notifications import send_templated_mail


def check_submissions_open(activity: Activity) -> None:
    """Refuse a submission outside the edition's submission window."""
    if not activity.edition.accepts_submissions(timezone.now()):
        raise ModerationError(
            _(
                "Submissions for this edition are closed. You can keep your activity as a draft. "
                "Questions? Contact the municipality."
            )
        )


# `seen_revision_at` left out: the caller does not say what the moderator saw (scripts, tests).
UNCHECKED = object()


def transition(
    *,
    activity: Activity,
    action: str,
    by,
    message: str = "",
    seen_revision_at=UNCHECKED,
    seen_activity_at=UNCHECKED,
) -> Activity:
    """Move the activity (or its proposed change) one step through the state machine, under
    the activity's row lock, and log it. Raises ModerationError for a step not allowed, or
    when what the moderator saw (`seen_…`) is not what is there now."""
    activity = Activity.objects.select_for_update().select_related("edition").get(pk=activity.pk)
    revision = None
    if activity.state == ActivityState.APPROVED:
        revision = activity.revisions.select_for_update().open().first()
    # Under the activity's lock, which activity_save takes too before it writes anything.
    changed = seen_revision_at is not UNCHECKED and seen_revision_at != (
        revision.updated_at if revision is not None else None
    )
    # A new activity: taken back, edited and sent again since the moderator's list showed it.
    changed = changed or (
        seen_activity_at is not UNCHECKED
        and activity.state == ActivityState.SUBMITTED
        and activity.updated_at != seen_activity_at
    )
    if changed:
        raise ModerationError(
            _(
                "The provider changed this activity meanwhile. Look at it again before "
                "you approve it."
            )
        )
    if revision is not None and action != Decision.WITHDRAW:
        if not can_transition(revision.state, action):
            raise ModerationError(_("This step is not possible for these changes."))
        target = TRANSITIONS[action][1]
        if action == Decision.APPROVE:
            apply_data(activity, revision.data)
        revision.state = target
        revision.save()
        # Rejected: its photo is not needed; approved: it is the activity's now (kept).
        activity_images_release(names=[revision.data.get("image")])
    else:
        if not can_transition(activity.state, action):
            raise ModerationError(
                _("An activity with the state “%(state)s” cannot become “%(action)s”.")
                % {"state": activity.get_state_display(), "action": Decision(action).label}
            )
        if revision is not None:
            revision.state = ActivityState.WITHDRAWN
            revision.save()
            activity_images_release(names=[revision.data.get("image")])
        activity.state = TRANSITIONS[action][1]
        activity.save(update_fields=["state", "updated_at"])
    ActivityDecision.objects.create(
        activity=activity,
        action=action,
        message=message,
        decided_by=by,
        about_changes=revision is not None,
    )
    return activity


def _notify_provider(activity: Activity, action: str, message: str) -> None:
    users = activity.provider.users.filter(is_active=True)
    send_templated_mail(
        to=users,
        template="agenda/email/decision",
        context={"activity": activity, "action": action, "message": message},
    )


@transaction.atomic
def activity_submit(*, activity: Activity, by) -> Activity:
    """Send a draft (or a draft sent back for changes) to the moderators."""
    check_submissions_open(activity)
    if activity.can_submit and not activity.sessions.active().exists():
        raise ModerationError(_("Add at least one time before you send the activity."))
    return transition(activity=activity, action=Decision.SUBMIT, by=by)


@transaction.atomic
def activity_approve(
    *,
    activity: Activity,
    by,
    message: str = "",
    seen_revision_at=UNCHECKED,
    seen_activity_at=UNCHECKED,
) -> Activity:
    """Publish a submitted activity, or the proposed change of an approved one.

    `seen_revision_at`: the `updated_at` of the proposed change the moderator looked at, or
    None if they saw none. `seen_activity_at`: the `updated_at` of a new activity as the
    moderator saw it. If what is there now is something else (the provider changed it
    since), nothing is published and ModerationError says so.
    """
    activity = transition(
        activity=activity,
        action=Decision.APPROVE,
        by=by,
        message=message,
        seen_revision_at=seen_revision_at,
        seen_activity_at=seen_activity_at,
    )
    _notify_provider(activity, Decision.APPROVE, message)
    return activity


@transaction.atomic
def activity_request_changes(*, activity: Activity, by, message: str) -> Activity:
    if not message.strip():
        raise ModerationError(_("Write what the provider should change."))
    activity = transition(
        activity=activity, action=Decision.REQUEST_CHANGES, by=by, message=message
    )
    _notify_provider(activity, Decision.REQUEST_CHANGES, message)
    return activity


@transaction.atomic
def activity_reject(*, activity: Activity, by, message: str) -> Activity:
    if not message.strip():
        raise ModerationError(_("Write why the activity is rejected."))
    activity = transition(activity=activity, action=Decision.REJECT, by=by, message=message)
    _notify_provider(activity, Decision.REJECT, message)
    return activity


@transaction.atomic
def activity_withdraw(*, activity: Activity, by) -> Activity:
    """The provider takes the activity off the agenda (or out of the queue).

    An approved activity's sessions still to come are cancelled: residents with a place or on
    a waiting list are told, and get no reminder for something that no longer takes place.
    """
    was_public = (
        Activity.objects.select_for_update().get(pk=activity.pk).state == ActivityState.APPROVED
    )
    activity = transition(activity=activity, action=Decision.WITHDRAW, by=by)
    if was_public:
        for session in _upcoming_sessions(activity):
            session_cancel(session=session)
    return activity


def _upcoming_sessions(activity: Activity):
    return activity.sessions.active().filter(ends_at__gt=timezone.now())


def activity_withdraw_affected(activity: Activity) -> int:
    """How many residents withdrawing would e-mail: a place or a waiting-list spot to come."""
    if activity.state != ActivityState.APPROVED:
        return 0
    return Reservation.objects.active().filter(session__in=_upcoming_sessions(activity)).count()
