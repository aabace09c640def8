"""The activity's states and the moderation state machine, declared once for models,
services, views and templates alike."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from providers.models import Provider


class ActivityState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Registration(models.TextChoices):
    RESERVE = "reserve", _("Reserve a spot")
    WALK_IN = "walk_in", _("Walk in")


def public_condition(prefix: str = "") -> Q:
    """An activity the public site may show; `prefix` reaches it from another model."""
    return Q(
        **{
            f"{prefix}state": ActivityState.APPROVED,
            f"{prefix}provider__status": Provider.Status.APPROVED,
            f"{prefix}edition__is_published": True,
        }
    )


class Decision(models.TextChoices):
    SUBMIT = "submit", _("Submitted")
    APPROVE = "approve", _("Approved")
    REQUEST_CHANGES = "request_changes", _("Changes requested")
    REJECT = "reject", _("Rejected")
    WITHDRAW = "withdraw", _("Withdrawn")
    # The provider changed a submitted activity: it is a draft again until they send it again.
    RETRACT = "retract", _("Taken back to draft")


State = ActivityState

# The moderation state machine: action → (states it may start from, new state). A proposed
# change to an approved activity (ActivityRevision) moves through the same machine.
TRANSITIONS = {
    Decision.SUBMIT: ({State.DRAFT, State.CHANGES_REQUESTED, State.WITHDRAWN}, State.SUBMITTED),
    Decision.APPROVE: ({State.SUBMITTED}, State.APPROVED),
    Decision.REQUEST_CHANGES: ({State.SUBMITTED}, State.CHANGES_REQUESTED),
    Decision.REJECT: ({State.SUBMITTED}, State.REJECTED),
    Decision.WITHDRAW: (
        {State.DRAFT, State.SUBMITTED, State.CHANGES_REQUESTED, State.APPROVED},
        State.WITHDRAWN,
    ),
    # Changing a submitted activity takes it back: moderators never approve a moving target.
    Decision.RETRACT: ({State.SUBMITTED}, State.DRAFT),
}
# States in which the provider changes the activity itself. An approved one gets a proposed
# change instead, and a submitted one goes back to draft first (agenda.services.activities).
DIRECTLY_EDITABLE = frozenset({State.DRAFT, State.CHANGES_REQUESTED})
# A proposed change to an approved activity that is still under way.
OPEN_REVISION_STATES = (State.SUBMITTED, State.CHANGES_REQUESTED)


def can_transition(state: str, action: str) -> bool:
    return state in TRANSITIONS[action][0]
