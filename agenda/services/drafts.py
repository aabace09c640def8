"""The data a provider edits, as one JSON-able dict: a draft is saved from it, a proposed
change to an approved activity keeps it (ActivityRevision.data), and approving applies it.

{"title": …, "disciplines": [pk, …], …, "image": "<stored name>",
 "sessions": [{"id": pk or None, "starts_at": iso, "ends_at": iso, "venue": pk,
               "capacity": n or None}, …]}
"""

import datetime

from agenda.models import Activity, Audience, Language, Session
from agenda.services.images import activity_images_release
from agenda.services.sessions import (
    SESSION_FIELDS,
    session_edited,
    session_remove,
    session_snapshot,
)
from providers.models import Discipline

SCALAR_FIELDS = [
    "title",
    "description",
    "title_en",
    "summary_en",
    "title_de",
    "summary_de",
    "min_age",
    "max_age",
    "no_dutch_needed",
    "registration",
    "what_to_bring",
    "max_party_size",
    "parents_stay",
    "follow_up",
    "image",
    "image_alt",
]
M2M_FIELDS = {"disciplines": Discipline, "audiences": Audience, "languages": Language}


def scalar(data: dict, name: str, activity: Activity):
    # Drafts and revisions saved before a field joined SCALAR_FIELDS lack it: keep the value.
    return data.get(name, getattr(activity, name))


def activity_draft(*, values: dict, sessions: list[dict], image: str) -> dict:
    """The data of an activity from a form's cleaned values (model instances for the
    many-to-many fields), its session rows and the name of its stored image."""
    data = {name: values[name] for name in SCALAR_FIELDS if name != "image"}
    for name in M2M_FIELDS:
        data[name] = sorted(item.pk for item in values[name])
    data["image"] = image
    data["sessions"] = sessions
    return data


def activity_data(activity: Activity) -> dict:
    """The activity's public-facing values as they are now."""
    data = {name: getattr(activity, name) for name in SCALAR_FIELDS}
    data["image"] = activity.image.name or ""
    for name in M2M_FIELDS:
        data[name] = sorted(getattr(activity, name).values_list("pk", flat=True))
    data["sessions"] = [
        {
            "id": session.pk,
            "starts_at": session.starts_at.isoformat(),
            "ends_at": session.ends_at.isoformat(),
            "venue": session.venue_id,
            "capacity": session.capacity,
        }
        for session in activity.sessions.active()
    ]
    return data


def canonical(data: dict) -> dict:
    """`data` with session times as UTC ISO strings, so equal times compare equal.

    The portal writes local times ("+01:00"), activity_data() the database's UTC ("+00:00").
    """

    def utc(text: str) -> str:
        return datetime.datetime.fromisoformat(text).astimezone(datetime.UTC).isoformat()

    sessions = [
        {**row, "starts_at": utc(row["starts_at"]), "ends_at": utc(row["ends_at"])}
        for row in data.get("sessions", [])
    ]
    return {**data, "sessions": sessions}


def unchanged(activity: Activity, data: dict) -> bool:
    return canonical(data) == canonical(activity_data(activity))


def apply_data(activity: Activity, data: dict) -> None:
    """Write `data` into the activity and its sessions (a draft saved, a change approved).

    Sessions left out are cancelled (residents are told) or deleted; moved ones tell their
    residents, and a new capacity reaches the waiting list.
    """
    replaced = activity.image.name if activity.pk else ""
    for name in SCALAR_FIELDS:
        setattr(activity, name, scalar(data, name, activity))
    activity.save()
    if replaced != activity.image.name:
        activity_images_release(names=[replaced])
    for name in M2M_FIELDS:
        getattr(activity, name).set(data[name])
    existing = {session.pk: session for session in activity.sessions.all()}
    kept = set()
    edited = []
    for row in data["sessions"]:
        session = existing.get(row.get("id"))
        if session is None:
            session = Session(activity=activity)
            fields = None
        else:
            # Never write the counters read above: agenda.services.reservations keeps them
            # under a lock.
            fields = [*SESSION_FIELDS, "updated_at"]
            edited.append((session_snapshot(session), session))
        session.starts_at = datetime.datetime.fromisoformat(row["starts_at"])
        session.ends_at = datetime.datetime.fromisoformat(row["ends_at"])
        session.venue_id = row["venue"]
        session.capacity = row["capacity"]
        session.save(update_fields=fields)
        kept.add(session.pk)
    for pk, session in existing.items():
        if pk not in kept and not session.is_cancelled:
            session_remove(session=session)
    for before, session in edited:
        session_edited(before=before, session=session)
