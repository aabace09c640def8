"""Two editions with known numbers for the impact tests (tests/impact, tests/browser)."""

import datetime

from agenda.models import Activity, ActivityOutcome, Audience, FollowUp, Session
from agenda.services.attendance import reservation_mark_attendance, session_walk_ins_record
from providers.models import Discipline, Provider
from tests.factories import (
    EDITION_START,
    ActivityFactory,
    EditionFactory,
    ProviderFactory,
    SessionFactory,
    UserFactory,
    local,
    reserve,
)

AFTER_WEEK = local(EDITION_START + datetime.timedelta(days=8), 10)


def _book(session, start, people, **extra):
    """`len(people)` reservations: each (age bracket, attended?) with `extra` fields."""
    made = []
    for offset, (age, came) in enumerate(people):
        made.append((reserve(session, start + offset, age_bracket=age, **extra), came))
    return made


def _mark(made):
    for reservation, came in made:
        if came is not None:
            reservation_mark_attendance(reservation=reservation, attended=came)


def _followups(session, ratings, unanswered):
    sent = session.starts_at + datetime.timedelta(hours=3)
    rows = [
        FollowUp(session=session, sent_at=sent, expires_at=sent + datetime.timedelta(days=14))
        for _ in range(unanswered)
    ]
    rows += [
        FollowUp(
            session=session,
            sent_at=sent,
            expires_at=sent + datetime.timedelta(days=14),
            answered_at=sent + datetime.timedelta(days=1),
            rating=rating,
        )
        for rating in ratings
    ]
    FollowUp.objects.bulk_create(rows)


def impact_editions(clock):
    """Two editions with known numbers, built as residents and providers build them: reservations
    through the reservation service, attendance and walk-ins through the attendance service after
    the session (the clock moved), conversions and follow-up answers as stored.

    This edition (2027): providers 3, activities 3, sessions 4 (one more cancelled), places
    offered 40, reservations 28 (32 places), attended 26, no-shows 6, walk-ins 11, conversions 9
    over 30 participants of the activities with numbers, audience fit 22 of 25, follow-ups 6 of
    10 answered (ratings 25 in total). Previous edition (2026): one activity, 20 reservations, 15
    came, 5 did not, 5 walk-ins, 2 conversions.
    """
    Audience.objects.filter(slug="kinderen").update(age_brackets=["0-12"])
    Audience.objects.filter(slug="volwassenen").update(age_brackets=["18-29", "30-49", "50-64"])
    children = Audience.objects.get(slug="kinderen")
    adults = Audience.objects.get(slug="volwassenen")
    singing = Discipline.objects.get(slug="zang")
    dance = Discipline.objects.get(slug="dans")

    previous = EditionFactory(year=2026, starts_on=datetime.date(2026, 1, 19))
    edition = EditionFactory()
    p1 = ProviderFactory(name="Harmonie Eendracht", kind=Provider.Kind.ASSOCIATION)
    p2 = ProviderFactory(name="Dansclub Swing", kind=Provider.Kind.ASSOCIATION)
    p3 = ProviderFactory(name="Muziekschool Venlo", kind=Provider.Kind.MUSIC_SCHOOL)
    user1 = UserFactory(provider=p1)
    user3 = UserFactory(provider=p3)

    # The previous edition first, on a clock back then.
    clock.move_to(local(datetime.date(2026, 1, 12), 10))
    a0 = ActivityFactory(edition=previous, provider=p1, title="Blazen vorig jaar")
    s0 = SessionFactory(activity=a0, starts_at=local(datetime.date(2026, 1, 20), 19), capacity=30)
    old = _book(s0, 1000, [("", True)] * 15 + [("", False)] * 5)
    clock.move_to(local(datetime.date(2026, 1, 27), 10))
    _mark(old)
    session_walk_ins_record(session=s0, walk_ins=5)
    ActivityOutcome.objects.create(activity=a0, joined=2)

    clock.move_to(local(EDITION_START - datetime.timedelta(days=7), 10))
    a1 = ActivityFactory(
        edition=edition,
        provider=p1,
        title="Zingen voor kinderen",
        audiences=[children],
        disciplines=[singing],
    )
    a2 = ActivityFactory(
        edition=edition, provider=p2, title="Swingen", audiences=[adults], disciplines=[dance]
    )
    a3 = ActivityFactory(edition=edition, provider=p3, title="Drumles", disciplines=[dance])
    a4 = ActivityFactory(edition=edition, provider=p1, title="Nog een concept")
    day = EDITION_START + datetime.timedelta(days=1)
    s1 = SessionFactory(activity=a1, starts_at=local(day, 15), capacity=10)
    s2 = SessionFactory(activity=a1, starts_at=local(day, 17), capacity=10)
    s3 = SessionFactory(activity=a2, starts_at=local(day, 19), capacity=20)
    s4 = SessionFactory(activity=a3, starts_at=local(day, 20), capacity=None)
    s5 = SessionFactory(activity=a1, starts_at=local(day, 11), capacity=10)
    s6 = SessionFactory(activity=a4, starts_at=local(day, 11), capacity=10)
    made = _book(
        s1,
        1,
        [("0-12", True)] * 5 + [("30-49", True)] + [("0-12", False)] * 2,
        postcode="5921AB",
    )
    made += _book(s2, 100, [("0-12", True)] * 4, party_size=2, postcode="5911AB")
    made += _book(
        s3,
        200,
        [("30-49", True)] * 4 + [("65+", True)] * 2 + [("", True)] + [("30-49", False)] * 3,
        language="de",
    )
    made += _book(s4, 300, [("13-17", True)] * 5 + [("13-17", False)], language="en")
    made += _book(s5, 400, [("0-12", None)] * 3)
    made += _book(s6, 500, [("0-12", None)] * 3)
    Session.objects.filter(pk=s5.pk).update(is_cancelled=True)
    Activity.objects.filter(pk=a4.pk).update(state="draft")

    clock.move_to(AFTER_WEEK)
    _mark(made)
    session_walk_ins_record(session=s1, walk_ins=2)
    session_walk_ins_record(session=s4, walk_ins=9)
    ActivityOutcome.objects.create(activity=a1, joined=4, course_signups=2)
    ActivityOutcome.objects.create(activity=a3, joined=3)
    _followups(s1, [5, 4, 4, 3, 5, 4], unanswered=4)
    return {
        "edition": edition,
        "previous": previous,
        "providers": (p1, p2, p3),
        "users": (user1, user3),
        "activities": (a1, a2, a3, a4),
        "sessions": (s1, s2, s3, s4, s5, s6),
    }
