"""The two Week 3s before this one for the demo, and what came of every session that has
ended: who came, walk-ins, providers' conversion counts and the participants' follow-up answers.

So the impact dashboard shows every figure, chart and comparison in `bin/serve`. Each earlier
edition repeats the next one's approved activities a year earlier, with reservations as the
retention job leaves them (no name, e-mail or postcode; age, district, language and channel
kept). Deterministic, and made once: an edition that already has reservations, or a session
already marked, is left alone.
"""

import datetime
import random

from django.db.models import Exists, OuterRef
from django.utils import timezone

from agenda.models import (
    Activity,
    ActivityOutcome,
    ActivityState,
    AgeBracket,
    Audience,
    Channel,
    Edition,
    FollowUp,
    Reservation,
    ReservationState,
    Session,
)
from providers.models import District

SEED = "week3-demo-history-1"
BATCH_SIZE = 500
LANGUAGES = ["nl"] * 16 + ["de"] * 3 + ["en"] * 2
RATINGS = [5, 5, 5, 4, 4, 4, 4, 3, 3, 2]


def previous_edition(edition: Edition) -> Edition:
    """The edition a year before `edition`: week 3 of that year, published, closed long ago."""
    year = edition.year - 1
    starts_on = datetime.date.fromisocalendar(year, 3, 1)
    previous, _created = Edition.objects.get_or_create(
        year=year,
        defaults={
            "starts_on": starts_on,
            "ends_on": starts_on + datetime.timedelta(days=6),
            "is_published": True,
            "intro": f"Week 3 {year}: de cultuurweek van Venlo.",
            "intro_en": f"Week 3 {year}: Venlo's culture week.",
            "intro_de": f"Week 3 {year}: die Kulturwoche von Venlo.",
        },
    )
    return previous


def copy_activities(edition: Edition, previous: Edition) -> None:
    """This year's approved activities, with their sessions, a year (52 weeks) earlier."""
    if Activity.objects.filter(edition=previous).exists():
        return
    shift = datetime.timedelta(days=(edition.starts_on - previous.starts_on).days)
    originals = list(
        Activity.objects.filter(edition=edition, state=ActivityState.APPROVED)
        .exclude(slug__startswith="extra-")
        .prefetch_related("disciplines", "audiences", "languages", "sessions")
        .order_by("pk")
    )
    copies = []
    fields = [f.attname for f in Activity._meta.concrete_fields if not f.primary_key]
    for original in originals:
        copy = Activity(**{name: getattr(original, name) for name in fields})
        copy.edition = previous
        copies.append(copy)
    Activity.objects.bulk_create(copies, batch_size=BATCH_SIZE)
    sessions, links = [], {"disciplines": [], "audiences": [], "languages": []}
    for original, copy in zip(originals, copies, strict=True):
        for name, column in (
            ("disciplines", "discipline_id"),
            ("audiences", "audience_id"),
            ("languages", "language_id"),
        ):
            through = getattr(Activity, name).through
            links[name] += [
                through(activity_id=copy.pk, **{column: other.pk})
                for other in getattr(original, name).all()
            ]
        sessions += [
            Session(
                activity=copy,
                starts_at=session.starts_at - shift,
                ends_at=session.ends_at - shift,
                venue_id=session.venue_id,
                capacity=session.capacity,
                places_booked=0,
                is_cancelled=session.is_cancelled,
            )
            for session in original.sessions.all()
        ]
    for name, rows in links.items():
        getattr(Activity, name).through.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    Session.objects.bulk_create(sessions, batch_size=BATCH_SIZE)


def _age(rng, fitting: list[str]) -> str:
    if rng.random() < 0.06:
        return ""
    if fitting and rng.random() < 0.8:
        return rng.choice(fitting)
    return rng.choice(AgeBracket.values)


def book_past_sessions(edition: Edition) -> None:
    """Anonymised reservations for last year's sessions: most places taken."""
    if Reservation.objects.filter(session__activity__edition=edition).exists():
        return
    districts = list(District.objects.order_by("pk"))
    channels = list(Channel.objects.order_by("pk"))
    brackets = {audience.pk: audience.age_brackets for audience in Audience.objects.order_by("pk")}
    sessions = list(
        Session.objects.filter(
            activity__edition=edition, activity__state=ActivityState.APPROVED, is_cancelled=False
        )
        .exclude(capacity__isnull=True)
        .select_related("venue")
        .prefetch_related("activity__audiences")
        .order_by("pk")
    )
    rows, booked = [], {}
    for session in sessions:
        rng = random.Random(f"{SEED}-book-{session.starts_at:%Y%m%d%H%M}-{session.venue_id}")
        fitting = sorted(
            {b for a in session.activity.audiences.all() for b in brackets.get(a.pk, [])}
        )
        left = round(session.capacity * rng.uniform(0.45, 1.0))
        booked[session.pk] = left
        while left:
            party = min(left, rng.choice([1, 1, 1, 2, 2, 3]))
            left -= party
            local = rng.random() < 0.9
            district = session.venue.district if rng.random() < 0.4 else rng.choice(districts)
            rows.append(
                Reservation(
                    session=session,
                    party_size=party,
                    age_bracket=_age(rng, fitting),
                    district=district if local else None,
                    country=Reservation.Country.NL if local else Reservation.Country.DE,
                    channel=rng.choice(channels) if channels and rng.random() < 0.9 else None,
                    consent_followup=rng.random() < 0.5,
                    language=rng.choice(LANGUAGES),
                    state=ReservationState.CONFIRMED,
                    created_at=session.starts_at - datetime.timedelta(days=rng.randint(1, 30)),
                    anonymised_at=session.ends_at + datetime.timedelta(days=60),
                )
            )
    Reservation.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    for session in sessions:
        session.places_booked = booked[session.pk]
    Session.objects.bulk_update(sessions, ["places_booked"], batch_size=BATCH_SIZE)


def record_what_came_of_it(edition: Edition, now: datetime.datetime) -> None:
    """For every session of `edition` that has ended and is not marked yet: who came (about 5
    in 6), walk-ins, follow-up questions; then each activity's conversions once all of its
    sessions have ended."""
    marked = Reservation.objects.filter(
        session=OuterRef("pk"), state__in=[ReservationState.ATTENDED, ReservationState.NO_SHOW]
    )
    sessions = list(
        Session.objects.filter(
            activity__edition=edition,
            activity__state=ActivityState.APPROVED,
            is_cancelled=False,
            ends_at__lt=now,
        )
        .exclude(Exists(marked))
        .order_by("pk")
    )
    if not sessions:
        return
    reservations = Reservation.objects.filter(
        session__in=sessions, state=ReservationState.CONFIRMED
    ).order_by("pk")
    changed, followups = [], []
    for reservation in reservations:
        rng = random.Random(f"{SEED}-came-{reservation.pk}")
        came = rng.random() < 0.84
        reservation.state = ReservationState.ATTENDED if came else ReservationState.NO_SHOW
        changed.append(reservation)
        if came and reservation.consent_followup:
            followups.append((reservation.session_id, rng))
    Reservation.objects.bulk_update(changed, ["state"], batch_size=BATCH_SIZE)
    ends = {session.pk: session.ends_at for session in sessions}
    rows = []
    for session_id, rng in followups:
        sent = ends[session_id] + datetime.timedelta(hours=2)
        answered = rng.random() < 0.55
        rows.append(
            FollowUp(
                session_id=session_id,
                language=rng.choice(LANGUAGES),
                sent_at=sent,
                expires_at=sent + datetime.timedelta(days=14),
                answered_at=sent + datetime.timedelta(hours=rng.randint(2, 72))
                if answered
                else None,
                rating=rng.choice(RATINGS) if answered else None,
                wants_to_continue=(rng.choice(["yes", "yes", "maybe", "no"]) if answered else ""),
                signed_up=(rng.random() < 0.3) if answered else None,
            )
        )
    FollowUp.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    for session in sessions:
        rng = random.Random(f"{SEED}-walk-ins-{session.pk}")
        session.walk_ins = rng.choice([0, 0, 1, 2, 3, 4, 6])
    Session.objects.bulk_update(sessions, ["walk_ins"], batch_size=BATCH_SIZE)
    _conversions(edition, now)


def _conversions(edition: Edition, now: datetime.datetime) -> None:
    """Nine in ten providers entered how many went on, for activities whose week is over."""
    pending = Session.objects.filter(activity=OuterRef("pk"), ends_at__gte=now)
    activities = (
        Activity.objects.filter(edition=edition, state=ActivityState.APPROVED, outcome=None)
        .exclude(Exists(pending))
        .prefetch_related("sessions__reservations")
        .order_by("pk")
    )
    rows = []
    for activity in activities:
        rng = random.Random(f"{SEED}-outcome-{activity.slug}-{edition.year}")
        if rng.random() < 0.1:
            continue
        came = sum(
            reservation.party_size
            for session in activity.sessions.all()
            for reservation in session.reservations.all()
            if reservation.state == ReservationState.ATTENDED
        ) + sum(session.walk_ins for session in activity.sessions.all())
        joined = round(came * rng.uniform(0.05, 0.2))
        courses = round(came * rng.uniform(0.0, 0.1))
        rows.append(
            ActivityOutcome(
                activity=activity,
                joined=joined,
                course_signups=courses,
                still_there_after_three_months=(
                    round(joined * rng.uniform(0.5, 0.9)) if rng.random() < 0.6 else None
                ),
            )
        )
    ActivityOutcome.objects.bulk_create(rows, batch_size=BATCH_SIZE)


def seed_history(edition: Edition) -> None:
    """Last year's and the year before's editions with everything that came of them, and the
    outcome of this year's sessions that have already ended (on the demo clock)."""
    now = timezone.now()
    # Two years back, so last year's dashboard has an edition to compare with too.
    newer = edition
    for _year in range(2):
        older = previous_edition(newer)
        copy_activities(newer, older)
        book_past_sessions(older)
        record_what_came_of_it(older, now)
        newer = older
    record_what_came_of_it(edition, now)
