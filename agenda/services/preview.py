"""What an activity will look like once approved, and what a proposed change changes: read
only, for the portal's preview and the moderators' screens alike."""

import copy
import datetime
from types import SimpleNamespace

from django.utils.translation import gettext_lazy as _

from agenda.formatting import session_short
from agenda.models import Activity, Session
from agenda.services.drafts import M2M_FIELDS, SCALAR_FIELDS, activity_data, canonical, scalar
from providers.models import Venue


def activity_preview(activity: Activity) -> tuple[Activity, list[Session]]:
    """The activity as it will look once approved: with its open proposed change, if any.

    Returns an unsaved copy and its sessions, for the public template; nothing is written.
    """
    revision = activity.open_revision()
    if revision is None:
        return activity, list(activity.sessions.select_related("venue__district"))
    data = revision.data
    preview = copy.copy(activity)
    for name in SCALAR_FIELDS:
        setattr(preview, name, scalar(data, name, activity))
    # The proposed disciplines, audiences and languages answer `.all()` as if prefetched.
    preview._prefetched_objects_cache = {
        name: model.objects.filter(pk__in=data[name]) for name, model in M2M_FIELDS.items()
    }
    venues = Venue.objects.select_related("district").in_bulk(
        [row["venue"] for row in data["sessions"]]
    )
    sessions = [
        Session(
            pk=row["id"],
            activity=preview,
            starts_at=datetime.datetime.fromisoformat(row["starts_at"]),
            ends_at=datetime.datetime.fromisoformat(row["ends_at"]),
            venue=venues[row["venue"]],
            capacity=row["capacity"],
        )
        for row in data["sessions"]
    ]
    return preview, sessions


def activity_preview_context(activity: Activity) -> dict:
    """The public activity page's context for a preview (portal and admin alike)."""
    shown, sessions = activity_preview(activity)
    return {"edition": activity.edition, "activity": shown, "sessions": sessions, "preview": True}


def _session_text(row: dict, venues: dict) -> str:
    when = SimpleNamespace(
        starts_at=datetime.datetime.fromisoformat(row["starts_at"]),
        ends_at=datetime.datetime.fromisoformat(row["ends_at"]),
    )
    venue = venues.get(row["venue"])
    text = f"{session_short(when)}, {venue.name if venue else '—'}"
    if row["capacity"] is not None:
        text += f" ({row['capacity']})"
    return text


def _describe(name: str, value) -> str:
    if name in M2M_FIELDS:
        items = M2M_FIELDS[name].objects.filter(pk__in=value)
        return ", ".join(str(item) for item in items) or "—"
    if name == "sessions":
        venues = Venue.objects.in_bulk([row["venue"] for row in value])
        return "; ".join(_session_text(row, venues) for row in value) or "—"
    if value in (None, ""):
        return "—"
    if name == "registration":
        return str(Activity.Registration(value).label)
    if name == "parents_stay":
        return str(Activity.ParentsStay(value).label)
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    return str(value)


def revision_diff(activity: Activity, data: dict) -> list[dict]:
    """Field by field, what the proposed values change: label, old and new text."""
    current = canonical(activity_data(activity))
    rows = []
    data = canonical({**current, **data})
    for name in [*SCALAR_FIELDS, *M2M_FIELDS, "sessions"]:
        if current[name] == data[name]:
            continue
        label = _("times") if name == "sessions" else Activity._meta.get_field(name).verbose_name
        rows.append(
            {
                "key": name,
                "field": label,
                "old": _describe(name, current[name]),
                "new": _describe(name, data[name]),
            }
        )
    return rows
