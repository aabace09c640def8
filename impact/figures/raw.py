"""The raw counts behind every figure, aggregated in SQL: a fixed number of queries per scope,
whatever the number of activities, sessions or reservations.

Sessions, reservations and outcomes are summed per activity in SQL (one grouped query each);
the headline and the breakdowns by what was offered (discipline, audience, kind of provider)
add those per-activity rows up. Reservations are grouped by activity and age bracket, so the
same rows give the audience fit (matched with the activities' audiences). The breakdowns by
who came come from one query grouped by district, channel, language and age together (a few
thousand rows at most), added up per column, and one grouped by tracked link. Python only
ever adds up grouped rows, never one row per reservation.

Participants are the people who were there: reservations marked attended (their party size)
plus walk-ins. A reservation counts for "booked" once it held a place (confirmed, attended or
no-show); waiting-list and cancelled reservations do not.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, Sum, Value
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
# The per-activity sums that add up across activities.
SUMMED = [
    "sessions",
    "offered",
    "walked_in",
    "reservations",
    "booked",
    "booked_limited",
    "attended",
    "no_show",
    "reported",
    "conversions",
    "participants",
    "participants_reported",
    "age_known",
    "age_inside",
]


def _sum(field, condition: Q | None = None):
    return Coalesce(Sum(field, filter=condition), Value(0))


def reservation_sums() -> dict:
    return {
        "reservations": Count("pk"),
        "booked": _sum("party_size"),
        "booked_limited": _sum("party_size", Q(session__capacity__isnull=False)),
        "attended": _sum("party_size", ATTENDED),
        "no_show": _sum("party_size", NO_SHOW),
    }


@dataclass
class Facts:
    """A scope's sums per activity, and what each activity is (provider, kind)."""

    activities: dict[int, dict]
    provider_of: dict[int, int]
    kind_of: dict[int, str]


def _allowed_ages(scope: Scope) -> dict[int, set | None]:
    """{activity: the age brackets of its audiences}, None for any age: one query. Any age:
    one of its audiences has no age brackets; an activity without audiences is not in it."""
    allowed: dict[int, set | None] = {}
    for activity_id, brackets in Activity.audiences.through.objects.filter(
        scope.activities("activity__")
    ).values_list("activity_id", "audience__age_brackets"):
        if not brackets or allowed.get(activity_id, set()) is None:
            allowed[activity_id] = None
        else:
            allowed.setdefault(activity_id, set()).update(brackets)
    return allowed


def activity_facts(scope: Scope) -> Facts:
    """Every count of the scope per activity: six queries."""
    facts = Facts({}, {}, {})
    for pk, provider_id, kind in Activity.objects.filter(scope.activities()).values_list(
        "pk", "provider_id", "provider__kind"
    ):
        facts.activities[pk] = dict.fromkeys(SUMMED, 0)
        facts.provider_of[pk], facts.kind_of[pk] = provider_id, kind
    rows = facts.activities
    for row in (
        Session.objects.filter(scope.sessions())
        .values("activity_id")
        .annotate(sessions=Count("pk"), offered=_sum("capacity"), walked_in=_sum("walk_ins"))
        .order_by()
    ):
        rows[row.pop("activity_id")].update(row)
    names = list(reservation_sums())
    for activity_id, *values in (
        Reservation.objects.filter(scope.reservations())
        .values_list("session__activity_id")
        .annotate(**reservation_sums())
        .values_list("session__activity_id", *names)
        .order_by()
    ):
        rows[activity_id].update(zip(names, values, strict=True))
    # Who came with an age, per activity and age bracket (at most 7 rows an activity).
    allowed = _allowed_ages(scope)
    for activity_id, bracket, people in (
        Reservation.objects.filter(scope.reservations() & ATTENDED)
        .exclude(age_bracket="")
        .values_list("session__activity_id", "age_bracket")
        .annotate(people=Sum("party_size"))
        .order_by()
    ):
        sums = rows[activity_id]
        sums["age_known"] += people
        if allowed.get(activity_id) is None or bracket in allowed[activity_id]:
            sums["age_inside"] += people
    for activity_id, joined, courses in ActivityOutcome.objects.filter(
        scope.activities("activity__")
    ).values_list("activity_id", "joined", "course_signups"):
        rows[activity_id].update(reported=1, conversions=joined + courses)
    for row in rows.values():
        row["participants"] = row["attended"] + row["walked_in"]
        row["participants_reported"] = row["participants"] if row["reported"] else 0
    return facts


def add_up(rows) -> dict[str, int]:
    total = dict.fromkeys(SUMMED, 0)
    for row in rows:
        for key in SUMMED:
            total[key] += row[key]
    return total


def headline_counts(scope: Scope, facts: Facts | None = None) -> dict[str, int]:
    """Every headline count of the scope: the activity facts and one query more."""
    facts = facts or activity_facts(scope)
    counts = add_up(facts.activities.values())
    counts["activities"] = len(facts.activities)
    counts["providers"] = len(set(facts.provider_of.values()))
    counts |= FollowUp.objects.filter(scope.sessions("session__")).aggregate(
        sent=Count("pk"),
        answered=Count("pk", filter=Q(answered_at__isnull=False)),
        rated=Count("rating", filter=Q(answered_at__isnull=False)),
        rating_total=_sum("rating", Q(answered_at__isnull=False)),
    )
    return counts


def offer_counts(scope: Scope, facts: Facts, key: str) -> dict:
    """Counts per discipline, audience (one query for which activity has which) or kind of
    provider. An activity with two disciplines counts under both; None: without any."""
    if key == "provider__kind":
        pairs = list(facts.kind_of.items())
    else:
        through = getattr(Activity, key).through
        column = f"{through._meta.get_field(key.rstrip('s')).attname}"
        pairs = list(
            through.objects.filter(scope.activities("activity__")).values_list(
                "activity_id", column
            )
        )
        linked = {activity_id for activity_id, _group in pairs}
        pairs += [(pk, None) for pk in facts.activities if pk not in linked]
    members = defaultdict(list)
    for activity_id, group in pairs:
        members[group].append(facts.activities[activity_id])
    counts = {}
    for group, rows in members.items():
        counts[group] = add_up(rows)
        counts[group]["activities"] = len(rows)
    return counts


def visitor_counts(scope: Scope, keys: list[str]) -> dict[str, dict]:
    """Reservation counts per value of each of the reservation's `keys` (district, channel,
    language, age_bracket …): one query grouped by all of them together, added up per key."""
    per_key: dict[str, dict] = {key: {} for key in keys}
    names = list(reservation_sums())
    width = len(keys)
    for row in (
        Reservation.objects.filter(scope.reservations())
        .values(*keys)
        .annotate(**reservation_sums())
        .values_list(*keys, *names)
        .order_by()
    ):
        values = row[width:]
        for key, group in zip(keys, row[:width], strict=True):
            sums = per_key[key].get(group)
            if sums is None:
                per_key[key][group] = dict(zip(names, values, strict=True))
            else:
                for name, value in zip(names, values, strict=True):
                    sums[name] += value
    return per_key
