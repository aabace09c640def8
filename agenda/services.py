"""Writing activities: drafts, proposed changes, the moderation state machine, copies, cancels."""

import copy
import datetime
from types import SimpleNamespace

from django.conf import settings
from django.db import transaction
from django.db.models.functions import Now
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from agenda import reservations
from agenda.ical import session_ics
from agenda.models import (
    Activity,
    ActivityDecision,
    ActivityRevision,
    ActivityState,
    Audience,
    Decision,
    Edition,
    Language,
    Reservation,
    Session,
)
from agenda.templatetags.agenda import session_short
from providers.mail import mail_enqueue
from providers.models import Discipline, Venue
from providers.notifications import send_templated_mail

State = ActivityState

# The moderation state machine, declared once: action → (states it may start from, new state).
# A pending change to an approved activity (ActivityRevision) moves through the same machine.
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
# States in which the provider changes the activity itself; approved ones get a revision, and
# a submitted one goes back to draft first (activity_save).
DIRECTLY_EDITABLE = {State.DRAFT, State.CHANGES_REQUESTED}
# What a session's own edit may write: never the counters or `is_cancelled`, which
# agenda/reservations.py keeps under a row lock.
SESSION_FIELDS = ["starts_at", "ends_at", "venue", "capacity"]

SCALAR_FIELDS = [
    "title",
    "description",
    "min_age",
    "max_age",
    "no_dutch_needed",
    "registration",
    "what_to_bring",
    "max_party_size",
    "follow_up",
    "image",
    "image_alt",
]
M2M_FIELDS = {"disciplines": Discipline, "audiences": Audience, "languages": Language}


def _scalar(data: dict, name: str, activity: Activity):
    # Drafts and revisions saved before a field joined SCALAR_FIELDS lack it: keep the value.
    return data.get(name, getattr(activity, name))


class ModerationError(Exception):
    """A step the state machine or the edition's rules do not allow; the message says why."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def can_transition(state: str, action: str) -> bool:
    return state in TRANSITIONS[action][0]


# --- the data a provider edits -----------------------------------------------------------


def activity_data(activity: Activity) -> dict:
    """The activity's public-facing values, in the JSON shape drafts and revisions use."""
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


def _canonical(data: dict) -> dict:
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


def _unchanged(activity: Activity, data: dict) -> bool:
    return _canonical(data) == _canonical(activity_data(activity))


def _snapshot(session: Session) -> Session:
    """An unsaved copy of what a session was, for comparing and for the "changed" e-mail."""
    return Session(
        pk=session.pk,
        activity_id=session.activity_id,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        venue_id=session.venue_id,
        capacity=session.capacity,
        is_cancelled=session.is_cancelled,
    )


def _moved(before: Session, after: Session) -> bool:
    return (before.starts_at, before.ends_at, before.venue_id) != (
        after.starts_at,
        after.ends_at,
        after.venue_id,
    )


def _after_session_edit(before: Session, session: Session) -> None:
    """Tell residents about a new time or place; bring the waiting list in line with a new
    capacity (more room goes to it; a party that no longer fits leaves it, and is told).
    """
    if before.is_cancelled:
        return
    if _moved(before, session):
        session_change_notify(session=session, previous=before)
    if before.capacity != session.capacity:
        reservations.waiting_list_promote(session=session)


def _remove_session(session: Session, *, by=None) -> None:
    """A session residents booked (or wait for) is cancelled, and they are told; else deleted."""
    if Reservation.objects.active().filter(session=session).exists():
        reservations.session_cancel(session=session, by=by)
    else:
        session.delete()


def _apply(activity: Activity, data: dict) -> None:
    for name in SCALAR_FIELDS:
        setattr(activity, name, _scalar(data, name, activity))
    activity.save()
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
            # Never write the counters read above: agenda/reservations.py keeps them under a lock.
            fields = [*SESSION_FIELDS, "updated_at"]
            edited.append((_snapshot(session), session))
        session.starts_at = datetime.datetime.fromisoformat(row["starts_at"])
        session.ends_at = datetime.datetime.fromisoformat(row["ends_at"])
        session.venue_id = row["venue"]
        session.capacity = row["capacity"]
        session.save(update_fields=fields)
        kept.add(session.pk)
    for pk, session in existing.items():
        if pk not in kept and not session.is_cancelled:
            _remove_session(session)
    for before, session in edited:
        _after_session_edit(before, session)


@transaction.atomic
def session_save(*, session: Session) -> Session:
    """Save a session's time, venue and capacity as staff changed them (the admin).

    Writes only those fields: the counters and `is_cancelled` belong to agenda/reservations.py
    (cancel through session_cancel). Residents hear about a new time or place, and a new
    capacity reaches the waiting list at once.
    """
    if session.pk is None:
        session.places_booked = session.places_waiting = 0
        session.is_cancelled = False
        session.save()
        return session
    before = Session.objects.get(pk=session.pk)
    session.save(update_fields=[*SESSION_FIELDS, "updated_at"])
    _after_session_edit(before, session)
    return session


@transaction.atomic
def session_remove(*, session: Session, by=None) -> None:
    """Delete a session; one with reservations is cancelled instead, and residents are told."""
    _remove_session(session, by=by)


@transaction.atomic
def session_change_notify(*, session: Session, previous: Session) -> int:
    """E-mail everyone with a place or on the waiting list that the session's time or venue
    changed: the new details, and a calendar file that replaces the old event.

    `previous` holds the old time and venue (an unsaved copy). Returns how many were told.
    """
    session = Session.objects.select_related("activity__provider", "venue__district").get(
        pk=session.pk
    )
    affected = list(
        Reservation.objects.active().filter(session=session).exclude(email="").order_by("pk")
    )
    if not affected:
        return 0
    if session.starts_at != previous.starts_at:
        # The reminder goes out the day before: a moved session is reminded of again.
        Reservation.objects.filter(pk__in=[r.pk for r in affected]).update(reminder_sent_at=None)
    ics = session_ics(session)  # a later SEQUENCE with the same UID: calendars update the event
    for reservation in affected:
        reservation.session = session
        with translation.override(reservation.language):
            activity_url = settings.SITE_URL + session.activity.get_absolute_url()
            privacy_url = settings.SITE_URL + reverse("agenda:privacy")
        mail_enqueue(
            to=reservation.email,
            subject_template="agenda/email/reservation_changed/subject.txt",
            body_template="agenda/email/reservation_changed/body.txt",
            context={
                "reservation": reservation,
                "session": session,
                "activity": session.activity,
                "venue": session.venue,
                "previous": previous,
                "previous_venue": previous.venue,
                "position": reservations.waiting_position(reservation),
                "manage_url": reservations.manage_url(reservation) if reservation.token else "",
                "activity_url": activity_url,
                "privacy_url": privacy_url,
            },
            language=reservation.language,
            attachments=[("week3.ics", ics, "text/calendar")],
        )
    return len(affected)


def _unique_slug(edition: Edition, title: str) -> str:
    base = slugify(title)[:120] or "activiteit"
    taken = set(
        Activity.objects.filter(edition=edition, slug__startswith=base).values_list(
            "slug", flat=True
        )
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def activity_create(*, provider, edition: Edition, data: dict) -> Activity:
    """A new draft of the provider's, in the edition."""
    activity = Activity(
        provider=provider,
        edition=edition,
        slug=_unique_slug(edition, data["title"]),
        state=State.DRAFT,
    )
    _apply(activity, data)
    return activity


def open_revision(activity: Activity) -> ActivityRevision | None:
    return activity.revisions.filter(state__in=[State.SUBMITTED, State.CHANGES_REQUESTED]).first()


@transaction.atomic
def activity_save(*, activity: Activity, data: dict, by) -> bool:
    """Save the provider's edits. Returns True when they wait for moderation.

    Drafts change in place. An approved activity stays public as it is; the edits become a
    proposed change that goes to the moderators at once.
    """
    activity = Activity.objects.select_for_update().select_related("edition").get(pk=activity.pk)
    if activity.state == State.SUBMITTED:
        if _unchanged(activity, data):
            return False
        if not activity.edition.accepts_submissions(timezone.now()):
            # Taken back now, it could not be sent again: the submission stays as it is.
            raise ModerationError(
                _(
                    "Submissions for this edition are closed, so your activity can no longer "
                    "be changed while the municipality checks it. Questions? Contact the "
                    "municipality."
                )
            )
        # The moderators may have it open: take the submission back (logged), so what they
        # approve is never something else than what they saw. The provider sends it again.
        activity = _transition(activity=activity, action=Decision.RETRACT, by=by)
    if activity.state in DIRECTLY_EDITABLE:
        _apply(activity, data)
        return False
    if activity.state != State.APPROVED:
        raise ModerationError(_("This activity can no longer be changed. Copy it instead."))
    revision = open_revision(activity)
    if _unchanged(activity, data):
        if revision is not None:
            revision.delete()
        return False
    resubmitted = revision is None or revision.state != State.SUBMITTED
    if revision is None:
        revision = ActivityRevision(activity=activity)
    revision.data = data
    revision.state = State.SUBMITTED
    revision.save()
    if resubmitted:
        _check_submission(activity)
        ActivityDecision.objects.create(
            activity=activity, action=Decision.SUBMIT, decided_by=by, about_changes=True
        )
    return True


def _check_submission(activity: Activity) -> None:
    if not activity.edition.accepts_submissions(timezone.now()):
        raise ModerationError(
            _(
                "Submissions for this edition are closed. You can keep your activity as a draft. "
                "Questions? Contact the municipality."
            )
        )


# --- the state machine -------------------------------------------------------------------


# `seen_revision_at` left out: the caller does not say what the moderator saw (scripts, tests).
UNCHECKED = object()


def _transition(
    *,
    activity: Activity,
    action: str,
    by,
    message: str = "",
    seen_revision_at=UNCHECKED,
    seen_activity_at=UNCHECKED,
) -> Activity:
    activity = Activity.objects.select_for_update().select_related("edition").get(pk=activity.pk)
    revision = None
    if activity.state == State.APPROVED:
        revision = (
            activity.revisions.select_for_update()
            .filter(state__in=[State.SUBMITTED, State.CHANGES_REQUESTED])
            .first()
        )
    # Under the activity's lock, which activity_save takes too before it writes anything.
    changed = seen_revision_at is not UNCHECKED and seen_revision_at != (
        revision.updated_at if revision is not None else None
    )
    # A new activity: taken back, edited and sent again since the moderator's list showed it.
    changed = changed or (
        seen_activity_at is not UNCHECKED
        and activity.state == State.SUBMITTED
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
            _apply(activity, revision.data)
        revision.state = target
        revision.save()
    else:
        if not can_transition(activity.state, action):
            raise ModerationError(
                _("An activity with the state “%(state)s” cannot become “%(action)s”.")
                % {"state": activity.get_state_display(), "action": Decision(action).label}
            )
        if revision is not None:
            revision.state = State.WITHDRAWN
            revision.save()
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
    _check_submission(activity)
    needs_sessions = activity.state in TRANSITIONS[Decision.SUBMIT][0]
    if needs_sessions and not activity.sessions.active().exists():
        raise ModerationError(_("Add at least one time before you send the activity."))
    return _transition(activity=activity, action=Decision.SUBMIT, by=by)


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
    activity = _transition(
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
    activity = _transition(
        activity=activity, action=Decision.REQUEST_CHANGES, by=by, message=message
    )
    _notify_provider(activity, Decision.REQUEST_CHANGES, message)
    return activity


@transaction.atomic
def activity_reject(*, activity: Activity, by, message: str) -> Activity:
    if not message.strip():
        raise ModerationError(_("Write why the activity is rejected."))
    activity = _transition(activity=activity, action=Decision.REJECT, by=by, message=message)
    _notify_provider(activity, Decision.REJECT, message)
    return activity


@transaction.atomic
def activity_withdraw(*, activity: Activity, by) -> Activity:
    """The provider takes the activity off the agenda (or out of the queue).

    An approved activity's sessions still to come are cancelled: residents with a place or on
    a waiting list are told, and get no reminder for something that no longer takes place.
    """
    was_public = Activity.objects.select_for_update().get(pk=activity.pk).state == State.APPROVED
    activity = _transition(activity=activity, action=Decision.WITHDRAW, by=by)
    if was_public:
        for session in _upcoming_sessions(activity):
            reservations.session_cancel(session=session, by=by)
    return activity


def _upcoming_sessions(activity: Activity):
    return activity.sessions.active().filter(ends_at__gt=timezone.now())


def activity_withdraw_affected(activity: Activity) -> int:
    """How many residents withdrawing would e-mail: a place or a waiting-list spot to come."""
    if activity.state != State.APPROVED:
        return 0
    return Reservation.objects.active().filter(session__in=_upcoming_sessions(activity)).count()


# --- copies, cancels, previews -----------------------------------------------------------


def _moved_to(moment: datetime.datetime, edition: Edition) -> datetime.datetime:
    """The same weekday and local time in the edition's week (its first day if none matches)."""
    local = timezone.localtime(moment)
    day = next((d for d in edition.days if d.weekday() == local.weekday()), edition.starts_on)
    return timezone.make_aware(datetime.datetime.combine(day, local.time().replace(tzinfo=None)))


@transaction.atomic
def activity_copy(*, activity: Activity, edition: Edition) -> Activity:
    """A new draft with the same content, its sessions moved to the edition's week."""
    data = activity_data(activity)
    for row in data["sessions"]:
        row["id"] = None
        starts = datetime.datetime.fromisoformat(row["starts_at"])
        duration = datetime.datetime.fromisoformat(row["ends_at"]) - starts
        moved = _moved_to(starts, edition)
        row["starts_at"] = moved.isoformat()
        row["ends_at"] = (moved + duration).isoformat()
    return activity_create(provider=activity.provider, edition=edition, data=data)


class _Many(list):
    """A list that answers `.all()` like a related manager, for templates."""

    def all(self):
        return self


def activity_preview(activity: Activity) -> tuple[object, list[Session]]:
    """The activity as it will look once approved: with its open proposed change, if any.

    Returns an unsaved copy and its sessions, for the public template; nothing is written.
    """
    revision = open_revision(activity) if activity.state == State.APPROVED else None
    if revision is None:
        sessions = list(activity.sessions.select_related("venue__district"))
        return activity, sessions
    data = revision.data
    preview = copy.copy(activity)
    for name in SCALAR_FIELDS:
        setattr(preview, name, _scalar(data, name, activity))
    related = {
        name: _Many(model.objects.filter(pk__in=data[name])) for name, model in M2M_FIELDS.items()
    }
    venues = Venue.objects.select_related("district").in_bulk(
        [row["venue"] for row in data["sessions"]]
    )
    sessions = [
        Session(
            pk=row["id"],
            activity=activity,
            starts_at=datetime.datetime.fromisoformat(row["starts_at"]),
            ends_at=datetime.datetime.fromisoformat(row["ends_at"]),
            venue=venues[row["venue"]],
            capacity=row["capacity"],
        )
        for row in data["sessions"]
    ]
    return _PreviewActivity(preview, related), sessions


class _PreviewActivity:
    def __init__(self, activity, related):
        self._activity = activity
        self.__dict__.update(related)

    def __getattr__(self, name):
        return getattr(self._activity, name)


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
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    return str(value)


def revision_diff(activity: Activity, data: dict) -> list[dict]:
    """Field by field, what the proposed values change: label, old and new text."""
    current = _canonical(activity_data(activity))
    rows = []
    data = _canonical({**current, **data})
    for name in [*SCALAR_FIELDS, *M2M_FIELDS, "sessions"]:
        if current[name] == data[name]:
            continue
        label = _("times") if name == "sessions" else Activity._meta.get_field(name).verbose_name
        rows.append(
            {
                "field": label,
                "old": _describe(name, current[name]),
                "new": _describe(name, data[name]),
            }
        )
    return rows


# --- staff: editions ----------------------------------------------------------


def _same_week_next_year(day: datetime.date) -> datetime.date:
    """The same ISO week and weekday a year later: Week 3 stays the third week of January.

    Adding 52 weeks is not enough after a year with 53 ISO weeks (2020, 2026): it would land a
    week early. A year without week 53 gets week 52 instead.
    """
    year, week, weekday = day.isocalendar()
    try:
        return datetime.date.fromisocalendar(year + 1, week, weekday)
    except ValueError:
        return datetime.date.fromisocalendar(year + 1, 52, weekday)


@transaction.atomic
def edition_create_next(*, edition: Edition) -> Edition:
    """Next year's edition: same weekdays, submission window moved along, not yet published."""
    if Edition.objects.filter(year=edition.year + 1).exists():
        raise ModerationError(
            _("The edition of %(year)s exists already.") % {"year": edition.year + 1}
        )
    shift = _same_week_next_year(edition.starts_on) - edition.starts_on
    return Edition.objects.create(
        year=edition.year + 1,
        starts_on=edition.starts_on + shift,
        ends_on=edition.ends_on + shift,
        submissions_open_from=edition.submissions_open_from
        and edition.submissions_open_from + shift,
        submissions_open_until=edition.submissions_open_until
        and edition.submissions_open_until + shift,
    )


@transaction.atomic
def edition_publish(*, edition: Edition) -> Edition:
    edition.is_published = True
    edition.save(update_fields=["is_published", "updated_at"])
    return edition


# --- staff: venues ------------------------------------------------------------


@transaction.atomic
def venue_merge(*, keep: Venue, duplicates) -> int:
    """Move every session of the duplicates to `keep`, delete them; returns how many went.

    Proposed changes still waiting for moderation name venues by key too: they are moved along,
    so their preview, their diff and their approval keep working.
    """
    duplicates = [venue for venue in duplicates if venue.pk != keep.pk]
    gone = {venue.pk for venue in duplicates}
    if not gone:
        return 0
    open_states = [State.SUBMITTED, State.CHANGES_REQUESTED]
    for revision in ActivityRevision.objects.select_for_update().filter(state__in=open_states):
        rows = revision.data.get("sessions", [])
        if any(row.get("venue") in gone for row in rows):
            for row in rows:
                if row.get("venue") in gone:
                    row["venue"] = keep.pk
            revision.save(update_fields=["data", "updated_at"])
    # The sessions' own updated_at changes too, so cached public pages notice.
    Session.objects.filter(venue_id__in=gone).update(venue=keep, updated_at=Now())
    Venue.objects.filter(pk__in=gone).delete()
    return len(duplicates)
