"""The headline figures of a scope, and of the same scope in the previous edition."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from agenda.models import Edition
from campaign.suppression import Count, count, suppress
from impact.figures.cells import Change, change, plain, rate, score
from impact.figures.raw import Facts, headline_counts
from impact.figures.scope import Scope


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    now: object
    before: object | None
    change: Change | None


LABELS = {
    "providers": _("Providers"),
    "activities": _("Activities"),
    "sessions": _("Sessions"),
    "offered": _("Places offered"),
    "reservations": _("Reservations"),
    "booked": _("Places booked"),
    "fill_rate": _("Fill rate"),
    "attended": _("Came with a reservation"),
    "no_show": _("Did not come"),
    "no_show_rate": _("No-show rate"),
    "walk_ins": _("Walk-ins"),
    "participants": _("Participants"),
    "conversions": _("Went on (member, student or course)"),
    "conversion_rate": _("Conversion rate"),
    "audience_fit": _("Audience fit"),
    "sent": _("Follow-up questions sent"),
    "answered": _("Follow-up answers"),
    "response_rate": _("Response rate"),
    "score": _("Average score (1–5)"),
}


def shown(counts: dict[str, int]) -> dict[str, object]:
    """The headline figures as shown, small counts and what they would give away hidden."""
    attended, walk_ins = suppress([counts["attended"], counts["walked_in"]])
    participants = count(counts["participants"])
    reported = count(counts["participants_reported"])
    no_show = count(counts["no_show"])
    if attended.hidden or no_show.hidden:
        # Once every reservation is marked, booked = came + did not come: one gives the other.
        attended, no_show = Count(attended.value, True), Count(no_show.value, True)
    marked = count(counts["attended"] + counts["no_show"])
    conversions = count(counts["conversions"])
    sent, answered = count(counts["sent"]), count(counts["answered"])
    rated = count(counts["rated"])
    booked_limited = count(counts["booked_limited"])
    return {
        "providers": plain(counts["providers"]),
        "activities": plain(counts["activities"]),
        "sessions": plain(counts["sessions"]),
        "offered": plain(counts["offered"]),
        "reservations": count(counts["reservations"]),
        "booked": count(counts["booked"]),
        "fill_rate": rate(booked_limited, plain(counts["offered"])),
        "attended": attended,
        "no_show": no_show,
        "no_show_rate": rate(no_show, marked),
        "walk_ins": walk_ins,
        "participants": participants,
        "conversions": conversions,
        "conversion_rate": rate(conversions, reported),
        "audience_fit": rate(count(counts["age_inside"]), count(counts["age_known"])),
        "sent": sent,
        "answered": answered,
        "response_rate": rate(answered, sent),
        "score": score(counts["rating_total"], rated),
    }


def previous_edition(edition: Edition) -> Edition | None:
    """The edition before this one (by first day), published or not."""
    return Edition.objects.filter(starts_on__lt=edition.starts_on).order_by("-starts_on").first()


def headline(scope: Scope, previous: Edition | None, facts: Facts | None = None) -> list[Figure]:
    """Every headline figure of the scope, beside the previous edition's."""
    now = shown(headline_counts(scope, facts))
    before = shown(headline_counts(scope.with_edition(previous))) if previous else None
    return [
        Figure(
            key,
            label,
            now[key],
            before[key] if before else None,
            change(now[key], before[key]) if before else None,
        )
        for key, label in LABELS.items()
    ]
