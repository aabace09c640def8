"""The raw counts behind every figure, aggregated in SQL: a fixed number of queries per scope,
whatever the number of activities, sessions or reservations.

Participants are the people who were there: reservations marked attended (their party size)
plus walk-ins. A reservation counts for "booked" once it held a place (confirmed, attended or
no-show); waiting-list and cancelled reservations do not.
"""

from django.contrib.postgres.fields import ArrayField
from django.db.models import CharField, Count, Exists, F, Func, OuterRef, Q, Sum, Value
from django.db.models.functions import Coalesce

from agenda.models import (
    Activity,
    ActivityOutcome,
    FollowUp,
    Reservation,
    ReservationState,
    Session,
)
from impact.figures.scope import Scope

ATTENDED = Q(state=ReservationState.ATTENDED)
NO_SHOW = Q(state=ReservationState.NO_SHOW)


class _Array(Func):
    """ARRAY[x]: one value as an array, for `age_brackets @> ARRAY[x]`."""

    template = "ARRAY[%(expressions)s]::varchar(5)[]"
    output_field = ArrayField(CharField(max_length=5))


def fits_audience(activity_ref: str = "session__activity_id") -> Q:
    """The reservation's age bracket is inside its activity's intended audience: the activity
    has no audience, or one of its audiences has no age brackets (any age) or this one."""
    links = Activity.audiences.through.objects.filter(activity_id=OuterRef(activity_ref))
    inside = links.filter(
        Q(audience__age_brackets__len=0)
        | Q(audience__age_brackets__contains=_Array(OuterRef("age_bracket")))
    )
    return ~Q(age_bracket="") & (~Exists(links) | Exists(inside))


def _sum(field, condition: Q | None = None):
    return Coalesce(Sum(field, filter=condition), Value(0))


def session_sums(prefix: str = "") -> dict:
    reported = Q(activity__outcome__isnull=False)
    return {
        "sessions": Count("pk"),
        "offered": _sum("capacity"),
        "walked_in": _sum("walk_ins"),
        "walk_ins_reported": _sum("walk_ins", reported),
    }


def reservation_sums() -> dict:
    reported = Q(session__activity__outcome__isnull=False)
    return {
        "reservations": Count("pk"),
        "booked": _sum("party_size"),
        "booked_limited": _sum("party_size", Q(session__capacity__isnull=False)),
        "attended": _sum("party_size", ATTENDED),
        "no_show": _sum("party_size", NO_SHOW),
        "attended_reported": _sum("party_size", ATTENDED & reported),
        "age_known": _sum("party_size", ATTENDED & ~Q(age_bracket="")),
        "age_inside": _sum("party_size", ATTENDED & fits_audience()),
    }


def outcome_sums() -> dict:
    return {
        "reported": Count("pk"),
        "joined_total": _sum("joined"),
        "courses_total": _sum("course_signups"),
        "conversions": _sum(F("joined") + F("course_signups")),
        "still_there": _sum("still_there_after_three_months"),
    }


def headline_counts(scope: Scope) -> dict[str, int]:
    """Every headline count of the scope: five queries."""
    counts = Activity.objects.filter(scope.activities()).aggregate(
        providers=Count("provider", distinct=True), activities=Count("pk")
    )
    counts |= Session.objects.filter(scope.sessions()).aggregate(**session_sums())
    counts |= Reservation.objects.filter(scope.reservations()).aggregate(**reservation_sums())
    counts |= ActivityOutcome.objects.filter(scope.activities("activity__")).aggregate(
        **outcome_sums()
    )
    counts |= FollowUp.objects.filter(scope.sessions("session__")).aggregate(
        sent=Count("pk"),
        answered=Count("pk", filter=Q(answered_at__isnull=False)),
        rated=Count("rating", filter=Q(answered_at__isnull=False)),
        rating_total=_sum("rating", Q(answered_at__isnull=False)),
    )
    counts["participants"] = counts["attended"] + counts["walked_in"]
    counts["participants_reported"] = counts["attended_reported"] + counts["walk_ins_reported"]
    return counts


def grouped(queryset, key: str, sums: dict) -> dict:
    """{group value: {name: sum}} for one breakdown: one query."""
    return {
        row.pop("group"): row
        for row in queryset.annotate(group=F(key)).values("group").annotate(**sums).order_by()
    }


def offer_counts(scope: Scope, key: str) -> dict:
    """Counts per value of an activity's `key` (disciplines, audiences, provider__kind): four
    queries. An activity with two disciplines counts under both."""
    rows: dict = {}
    parts = [
        grouped(
            Activity.objects.filter(scope.activities()),
            key,
            {"activities": Count("pk", distinct=True)},
        ),
        grouped(Session.objects.filter(scope.sessions()), f"activity__{key}", session_sums()),
        grouped(
            Reservation.objects.filter(scope.reservations()),
            f"session__activity__{key}",
            reservation_sums(),
        ),
        grouped(
            ActivityOutcome.objects.filter(scope.activities("activity__")),
            f"activity__{key}",
            outcome_sums(),
        ),
    ]
    for part in parts:
        for group, sums in part.items():
            rows.setdefault(group, {}).update(sums)
    for sums in rows.values():
        sums["participants"] = sums.get("attended", 0) + sums.get("walked_in", 0)
        sums["participants_reported"] = sums.get("attended_reported", 0) + sums.get(
            "walk_ins_reported", 0
        )
    return rows


def visitor_counts(scope: Scope, key: str, annotations: dict | None = None) -> dict:
    """Reservation counts per value of the reservation's `key` (district, channel, language,
    age_bracket, referral_code …): one query."""
    queryset = Reservation.objects.filter(scope.reservations())
    if annotations:
        queryset = queryset.annotate(**annotations)
    return grouped(queryset, key, reservation_sums())
