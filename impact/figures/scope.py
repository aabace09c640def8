"""Which activities a set of figures covers: an edition's, optionally one provider's or one
kind of provider's. The same filter reaches the activity from sessions, reservations,
outcomes and follow-up answers through a prefix."""

from dataclasses import dataclass

from django.db.models import Q

from agenda.models import ActivityState, Edition, ReservationState

# A reservation counts once it held a place: still confirmed, or marked after the session.
BOOKED_STATES = [ReservationState.CONFIRMED, ReservationState.ATTENDED, ReservationState.NO_SHOW]


@dataclass(frozen=True)
class Scope:
    edition: Edition
    provider_id: int | None = None
    kind: str = ""
    # The provider left out: a provider's comparison is the other providers of its kind.
    excluded_provider_id: int | None = None

    def activities(self, prefix: str = "") -> Q:
        """Approved activities of the edition (and of the provider or kind), from `prefix`."""
        q = Q(**{f"{prefix}edition": self.edition, f"{prefix}state": ActivityState.APPROVED})
        if self.provider_id:
            q &= Q(**{f"{prefix}provider_id": self.provider_id})
        if self.kind:
            q &= Q(**{f"{prefix}provider__kind": self.kind})
        if self.excluded_provider_id:
            q &= ~Q(**{f"{prefix}provider_id": self.excluded_provider_id})
        return q

    def sessions(self, prefix: str = "") -> Q:
        """Sessions that took place (not cancelled) of those activities."""
        return self.activities(f"{prefix}activity__") & Q(**{f"{prefix}is_cancelled": False})

    def reservations(self) -> Q:
        """Reservations that held a place in those sessions (no waiting list, no cancelled)."""
        return self.sessions("session__") & Q(state__in=BOOKED_STATES)

    def with_edition(self, edition: Edition) -> "Scope":
        return Scope(edition, self.provider_id, self.kind, self.excluded_provider_id)
