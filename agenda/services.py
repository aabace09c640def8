"""Writing activities: drafts, proposed changes, the moderation state machine, copies, cancels."""

import copy
import datetime

from django.db import transaction
from django.template.defaultfilters import date as date_filter
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from agenda import reservations
from agenda.models import (
    Activity,
    ActivityDecision,
    ActivityRevision,
    ActivityState,
    Audience,
    Decision,
    Edition,
    Language,
    Session,
)
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
}
# States in which the provider changes the activity itself; approved ones get a revision.
DIRECTLY_EDITABLE = {State.DRAFT, State.SUBMITTED, State.CHANGES_REQUESTED}

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


def _apply(activity: Activity, data: dict) -> None:
    for name in SCALAR_FIELDS:
        setattr(activity, name, _scalar(data, name, activity))
    activity.save()
    for name in M2M_FIELDS:
        getattr(activity, name).set(data[name])
    existing = {session.pk: session for session in activity.sessions.all()}
    kept = set()
    more_room = []
    for row in data["sessions"]:
        session = existing.get(row.get("id"))
        if session is None:
            session = Session(activity=activity)
            fields = None
        else:
            # Never write the counters read above: agenda/reservations.py keeps them under a lock.
            fields = ["starts_at", "ends_at", "venue", "capacity", "updated_at"]
            if not session.is_cancelled and _raises_capacity(session.capacity, row["capacity"]):
                more_room.append(session)
        session.starts_at = datetime.datetime.fromisoformat(row["starts_at"])
        session.ends_at = datetime.datetime.fromisoformat(row["ends_at"])
        session.venue_id = row["venue"]
        session.capacity = row["capacity"]
        session.save(update_fields=fields)
        kept.add(session.pk)
    for pk, session in existing.items():
        if pk in kept or session.is_cancelled:
            continue
        # A session residents already booked (or wait for) is cancelled, and they are told.
        if session.places_booked or session.places_waiting:
            reservations.session_cancel(session=session)
        else:
            session.delete()
    for session in more_room:
        reservations.waiting_list_promote(session=session)


def _raises_capacity(old: int | None, new: int | None) -> bool:
    if old is None:
        return False
    return new is None or new > old


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
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if activity.state in DIRECTLY_EDITABLE:
        _apply(activity, data)
        return False
    if activity.state != State.APPROVED:
        raise ModerationError(_("This activity can no longer be changed. Copy it instead."))
    revision = open_revision(activity)
    if data == activity_data(activity):
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


def _transition(*, activity: Activity, action: str, by, message: str = "") -> Activity:
    activity = Activity.objects.select_for_update().select_related("edition").get(pk=activity.pk)
    revision = open_revision(activity) if activity.state == State.APPROVED else None
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
                _("An activity that is “%(state)s” cannot be “%(action)s”.")
                % {
                    "state": activity.get_state_display(),
                    "action": Decision(action).label.lower(),
                }
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
def activity_approve(*, activity: Activity, by, message: str = "") -> Activity:
    activity = _transition(activity=activity, action=Decision.APPROVE, by=by, message=message)
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
    """The provider takes the activity off the agenda (or out of the queue)."""
    return _transition(activity=activity, action=Decision.WITHDRAW, by=by)


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
    starts = timezone.localtime(datetime.datetime.fromisoformat(row["starts_at"]))
    ends = timezone.localtime(datetime.datetime.fromisoformat(row["ends_at"]))
    text = f"{date_filter(starts, 'D j M H:i')}–{ends:%H:%M}, {venues[row['venue']].name}"
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
    current = activity_data(activity)
    rows = []
    data = {**current, **data}
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


@transaction.atomic
def edition_create_next(*, edition: Edition) -> Edition:
    """Next year's edition: same weekdays, submission window moved along, not yet published."""
    if Edition.objects.filter(year=edition.year + 1).exists():
        raise ModerationError(
            _("The edition of %(year)s exists already.") % {"year": edition.year + 1}
        )
    shift = datetime.timedelta(weeks=52)
    if (edition.starts_on + shift).year == edition.starts_on.year:
        shift += datetime.timedelta(weeks=1)
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
