"""Conversions: what providers count after the week, and the weekly reminder until they did.

After an edition (from `Edition.results_open_on`) each provider enters, per activity that took
place, how many participants joined as member or student, signed up for a course, and
optionally how many are still there after three months. Never more than the participants the
portal counted: people marked as came, plus walk-ins.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from agenda.formatting import day_month_year
from agenda.models import (
    Activity,
    ActivityOutcome,
    Edition,
    OutcomeReminder,
    Reservation,
    ReservationState,
    Session,
)
from providers.models import User
from providers.notifications import send_templated_mail

# A provider is reminded at most once in this many days.
REMINDER_INTERVAL = datetime.timedelta(days=7)


class OutcomeError(Exception):
    """Why the figures cannot be saved; `field` is the form field it is about (or None)."""

    def __init__(self, message, code: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.field = field


def results_edition(today: datetime.date | None = None) -> Edition | None:
    """The edition providers are asked about: the newest one that has started (its results
    may not be open yet), or before the first one starts the edition they work on."""
    today = today or timezone.localdate()
    started = Edition.objects.filter(starts_on__lte=today).order_by("-starts_on").first()
    return started or Edition.objects.for_portal()


def results_are_open(edition: Edition, today: datetime.date | None = None) -> bool:
    return (today or timezone.localdate()) >= edition.results_open_on


def asked_for_outcome(edition: Edition, activities=None):
    """The activities of `edition` that took place, whose figures are asked for: public, with
    at least one session that was not cancelled. `activities`: a queryset to narrow (the
    portal passes `editable_by(user)`)."""
    activities = Activity.objects.all() if activities is None else activities
    held = Session.objects.filter(activity=OuterRef("pk"), is_cancelled=False)
    return activities.public().in_edition(edition).filter(Exists(held))


def with_participants(activities):
    """Annotate what the portal counted per activity (sessions not cancelled): `came`
    (people of reservations marked as came), `walked_in`, `not_marked` (people of
    reservations still confirmed: nobody said whether they came) and `participants`
    (came + walked in: the most the conversions may add up to)."""
    people = (
        Reservation.objects.filter(session__activity=OuterRef("pk"), session__is_cancelled=False)
        .order_by()
        .values("session__activity")
        .annotate(total=Sum("party_size"))
        .values("total")
    )
    walk_ins = (
        Session.objects.filter(activity=OuterRef("pk"), is_cancelled=False)
        .order_by()
        .values("activity")
        .annotate(total=Sum("walk_ins"))
        .values("total")
    )

    def counted(queryset):
        return Coalesce(Subquery(queryset, output_field=IntegerField()), 0)

    return activities.annotate(
        came=counted(people.filter(state=ReservationState.ATTENDED)),
        not_marked=counted(people.filter(state=ReservationState.CONFIRMED)),
        walked_in=counted(walk_ins),
    ).annotate(participants=F("came") + F("walked_in"))


def outcomes_missing(edition: Edition, provider_id: int) -> int:
    """How many of the provider's activities in `edition` still miss their figures."""
    return asked_for_outcome(edition).filter(provider_id=provider_id, outcome__isnull=True).count()


def _too_many(participants: int) -> str:
    return ngettext(
        "Together this is more than the %(count)s participant counted for this activity "
        "(people marked as came, plus walk-ins). Did more people come? Mark them on the "
        "attendance list first.",
        "Together this is more than the %(count)s participants counted for this activity "
        "(people marked as came, plus walk-ins). Did more people come? Mark them on the "
        "attendance list first.",
        participants,
    ) % {"count": participants}


def activity_outcome_save(
    *, activity: Activity, user, joined: int, course_signups: int, still_there: int | None
) -> ActivityOutcome:
    """Save (or correct) the conversions of one activity, entered by `user` of its provider.

    Refused before the edition's results open, for an activity that did not take place, and
    when the figures add up to more than the participants counted.
    """
    with transaction.atomic():
        edition = activity.edition
        if not results_are_open(edition):
            raise OutcomeError(
                _("You can fill in these figures from %(day)s on.")
                % {"day": day_month_year(edition.results_open_on)},
                "too_early",
            )
        counted = with_participants(asked_for_outcome(edition)).filter(pk=activity.pk).first()
        if counted is None:
            raise OutcomeError(
                _("Figures are only asked for activities that took place in Week 3."),
                "not_asked",
            )
        if joined > counted.participants:
            raise OutcomeError(_too_many(counted.participants), "too_many", "joined")
        if joined + course_signups > counted.participants:
            raise OutcomeError(_too_many(counted.participants), "too_many", "course_signups")
        if still_there is not None and still_there > joined + course_signups:
            raise OutcomeError(
                _("Still there can be at most the %(count)s who went on.")
                % {"count": joined + course_signups},
                "too_many_still_there",
                "still_there",
            )
        outcome, _created = ActivityOutcome.objects.update_or_create(
            activity=activity,
            defaults={
                "joined": joined,
                "course_signups": course_signups,
                "still_there_after_three_months": still_there,
                "entered_by": user,
            },
        )
    return outcome


def outcome_reminders_send(*, now: datetime.datetime | None = None) -> int:
    """E-mail every provider whose activities still miss their figures: from the day the
    results open, then at most once a week (OUTCOME_REMINDER_MAX times in all), until every
    activity that took place has them. Safe to run any number of times: the provider's
    reminder row, locked, says when it was last sent. The number of providers reminded."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    edition = results_edition(today)
    if edition is None or not results_are_open(edition, today):
        return 0
    missing = dict(
        asked_for_outcome(edition)
        .filter(outcome__isnull=True)
        .order_by()
        .values_list("provider")
        .annotate(count=Count("pk"))
    )
    reminded = 0
    for provider_id, count in sorted(missing.items()):
        with transaction.atomic():
            reminder, _created = OutcomeReminder.objects.get_or_create(
                provider_id=provider_id, edition=edition, defaults={"sent_at": now}
            )
            reminder = OutcomeReminder.objects.select_for_update().get(pk=reminder.pk)
            last = timezone.localdate(reminder.sent_at)
            if reminder.count and (
                last > today - REMINDER_INTERVAL or reminder.count >= settings.OUTCOME_REMINDER_MAX
            ):
                continue
            users = User.objects.filter(provider_id=provider_id, is_active=True)
            send_templated_mail(
                to=users,
                template="agenda/email/outcome_reminder",
                context={"edition": edition, "missing": count},
            )
            reminder.sent_at = now
            reminder.count += 1
            reminder.save(update_fields=["sent_at", "count"])
            reminded += 1
    return reminded
