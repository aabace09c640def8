"""The agenda's invariants are database constraints: bad data never gets in, whoever writes it."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from agenda.models import Activity, Edition
from agenda.services.sessions import session_save
from tests.factories import (
    ActivityFactory,
    EditionFactory,
    ReservationFactory,
    SessionFactory,
    local,
)

pytestmark = pytest.mark.django_db


def rejects(**kwargs):
    factory = kwargs.pop("factory")
    with pytest.raises(IntegrityError), transaction.atomic():
        factory(**kwargs)


def test_edition_must_end_after_it_starts():
    rejects(
        factory=EditionFactory,
        year=2030,
        starts_on=datetime.date(2030, 1, 20),
        ends_on=datetime.date(2030, 1, 14),
    )


def test_edition_submission_window_must_be_ordered():
    rejects(
        factory=EditionFactory,
        year=2031,
        submissions_open_from=local(datetime.date(2030, 12, 1), 9),
        submissions_open_until=local(datetime.date(2030, 11, 1), 9),
    )


def test_edition_year_is_unique():
    EditionFactory(year=2032)
    with pytest.raises(IntegrityError), transaction.atomic():
        Edition.objects.create(
            year=2032, starts_on=datetime.date(2032, 1, 12), ends_on=datetime.date(2032, 1, 18)
        )


def test_session_must_end_after_it_starts():
    session = SessionFactory()
    rejects(
        factory=SessionFactory,
        activity=session.activity,
        starts_at=session.starts_at,
        ends_at=session.starts_at,
    )


def test_session_capacity_cannot_be_negative():
    rejects(factory=SessionFactory, capacity=-1)


def test_age_range_must_be_ordered_and_sensible():
    rejects(factory=ActivityFactory, min_age=12, max_age=6)
    rejects(factory=ActivityFactory, min_age=10, max_age=300)
    assert ActivityFactory(min_age=6, max_age=6).age_range == (6, 6)


def test_activity_slug_is_unique_within_an_edition_only():
    first = ActivityFactory(title="Open repetitie")
    rejects(factory=ActivityFactory, title="Open repetitie", edition=first.edition)
    other_edition = EditionFactory(year=2026, starts_on=datetime.date(2026, 1, 12))
    assert ActivityFactory(title="Open repetitie", edition=other_edition).slug == first.slug


def test_image_needs_a_description():
    rejects(factory=ActivityFactory, image="activities/photo.jpg", image_alt="")


def test_unknown_state_is_refused():
    rejects(factory=ActivityFactory, state="published")
    assert Activity.objects.count() == 0


def test_spots_left_never_negative():
    session = SessionFactory(capacity=5)
    for party_size in (4, 1):
        ReservationFactory(session=session, party_size=party_size)
    session.refresh_from_db()
    assert session.spots_left == 0
    assert session.is_full
    # A capacity cut below the places booked leaves them booked: still no spot, not -2.
    session.capacity = 3
    session_save(session=session)
    session.refresh_from_db()
    assert (session.capacity, session.places_booked) == (3, 5)
    assert session.spots_left == 0
    assert SessionFactory(capacity=None).spots_left is None
