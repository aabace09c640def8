"""What a moderator judges a waiting activity by: the proposed change word by word, its
sessions added, moved or removed, and whom approving it would e-mail. Read only."""

import datetime
import difflib
import re
from types import SimpleNamespace

from django.db.models import Count, Q, Sum

from agenda.formatting import session_short
from agenda.models import ACTIVE_STATES, Activity, ActivityRevision, Session
from agenda.services.drafts import activity_data, canonical
from agenda.services.preview import revision_diff
from providers.models import Venue

# A word with the white space after it: joined back together they give the text again.
WORD = re.compile(r"\S+\s*|\s+")


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """`old` turned into `new` as pieces ("same" | "del" | "ins", text), compared by word:
    white space alone (a new line after a word) is no change, and shows as in `new`."""
    old_words, new_words = WORD.findall(old or ""), WORD.findall(new or "")
    matcher = difflib.SequenceMatcher(
        None, [w.strip() for w in old_words], [w.strip() for w in new_words], autojunk=False
    )
    pieces = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(("same", "".join(new_words[j1:j2])))
            continue
        if i2 > i1:
            pieces.append(("del", "".join(old_words[i1:i2])))
        if j2 > j1:
            pieces.append(("ins", "".join(new_words[j1:j2])))
    return pieces


def _when_where(row: dict, venues: dict) -> str:
    moment = SimpleNamespace(
        starts_at=datetime.datetime.fromisoformat(row["starts_at"]),
        ends_at=datetime.datetime.fromisoformat(row["ends_at"]),
    )
    venue = venues.get(row["venue"])
    return f"{session_short(moment)}, {venue.name if venue else '—'}"


def _moves(before: dict, after: dict) -> bool:
    return (before["starts_at"], before["ends_at"], before["venue"]) != (
        after["starts_at"],
        after["ends_at"],
        after["venue"],
    )


def session_changes(activity: Activity, data: dict) -> list[dict]:
    """The proposed sessions against the current ones, in time order: each with its `kind`
    ("added", "moved", "removed", "capacity" or "same"), the text before and after, and for
    a moved or removed one the `people` and `places` of its active reservations (those get an
    e-mail when the change is approved)."""
    current = {row["id"]: row for row in canonical(activity_data(activity))["sessions"]}
    proposed = canonical(data)["sessions"]
    rows = [*proposed, *current.values()]
    venues = Venue.objects.in_bulk({row["venue"] for row in rows})
    booked = {
        row["pk"]: row
        for row in Session.objects.filter(pk__in=current)
        .values("pk")
        .annotate(
            people=Count("reservations", filter=_told()),
            places=Sum("reservations__party_size", filter=_told()),
        )
    }
    changes = []
    for row in proposed:
        before = current.pop(row.get("id"), None)
        if before is None:
            kind = "added"
        elif _moves(before, row):
            kind = "moved"
        elif before["capacity"] != row["capacity"]:
            kind = "capacity"
        else:
            kind = "same"
        changes.append(_change(kind, before, row, venues, booked))
    changes += [_change("removed", before, None, venues, booked) for before in current.values()]
    return sorted(changes, key=lambda change: change["sort"])


def _told():
    return Q(reservations__state__in=ACTIVE_STATES) & ~Q(reservations__email="")


def _change(kind, before, after, venues, booked) -> dict:
    counts = booked.get(before["id"], {}) if before and kind in ("moved", "removed") else {}
    return {
        "kind": kind,
        "before": _when_where(before, venues) if before else "",
        "after": _when_where(after, venues) if after else "",
        "capacity_before": before["capacity"] if before else None,
        "capacity_after": after["capacity"] if after else None,
        "people": counts.get("people") or 0,
        "places": counts.get("places") or 0,
        "sort": (after or before)["starts_at"],
    }


def review_context(activity: Activity) -> dict:
    """Everything the review page shows about a waiting activity: for a proposed change, the
    changed fields as word diffs, the session changes and how many residents hear of them."""
    revision: ActivityRevision | None = activity.open_revision()
    if revision is None:
        return {"revision": None, "fields": [], "sessions": [], "moved": {}, "removed": {}}
    fields = [
        {**row, "pieces": word_diff(str(row["old"]), str(row["new"]))}
        for row in revision_diff(activity, revision.data)
        if row["key"] != "sessions"
    ]
    sessions = session_changes(activity, revision.data)
    totals = {}
    for kind in ("moved", "removed"):
        chosen = [change for change in sessions if change["kind"] == kind]
        totals[kind] = {
            "people": sum(change["people"] for change in chosen),
            "places": sum(change["places"] for change in chosen),
        }
    return {
        "revision": revision,
        "fields": fields,
        "sessions": sessions,
        "sessions_changed": any(change["kind"] != "same" for change in sessions),
        "moved": totals["moved"],
        "removed": totals["removed"],
    }
