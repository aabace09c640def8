"""The public agenda's data: editions, their activities, the sessions residents join, their
reservations, and the moderation of it all. One module per topic; import from here."""

from agenda.models.activities import Activity, ActivityQuerySet
from agenda.models.editions import Edition, EditionQuerySet
from agenda.models.moderation import ActivityDecision, ActivityRevision, SubmittedActivity
from agenda.models.outcomes import ActivityOutcome, FollowUp, FollowUpContinue, OutcomeReminder
from agenda.models.ratelimits import RateCount
from agenda.models.reservations import (
    ACTIVE_STATES,
    AgeBracket,
    CancelReason,
    Country,
    Reservation,
    ReservationQuerySet,
    ReservationState,
)
from agenda.models.sessions import (
    Session,
    SessionQuerySet,
    free_spots_condition,
    not_ended_condition,
)
from agenda.models.statements import Statement
from agenda.models.states import (
    DIRECTLY_EDITABLE,
    OPEN_REVISION_STATES,
    TRANSITIONS,
    ActivityState,
    Decision,
    Registration,
    can_transition,
    public_condition,
)
from agenda.models.taxonomies import Audience, Channel, Language

__all__ = [
    "ACTIVE_STATES",
    "DIRECTLY_EDITABLE",
    "OPEN_REVISION_STATES",
    "TRANSITIONS",
    "Activity",
    "ActivityDecision",
    "ActivityOutcome",
    "ActivityQuerySet",
    "ActivityRevision",
    "ActivityState",
    "AgeBracket",
    "Audience",
    "CancelReason",
    "Channel",
    "Country",
    "Decision",
    "Edition",
    "EditionQuerySet",
    "FollowUp",
    "FollowUpContinue",
    "Language",
    "OutcomeReminder",
    "RateCount",
    "Registration",
    "Reservation",
    "ReservationQuerySet",
    "ReservationState",
    "Session",
    "SessionQuerySet",
    "Statement",
    "SubmittedActivity",
    "can_transition",
    "free_spots_condition",
    "not_ended_condition",
    "public_condition",
]
