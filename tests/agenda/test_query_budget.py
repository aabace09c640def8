"""The public pages cost the same number of SQL queries at 10 and at 300 activities."""

import datetime

import pytest
from django.db import connection
from django.db.models import OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.test.utils import CaptureQueriesContext

from agenda.models import Activity, Audience, Reservation, Session
from providers.models import Discipline
from tests.factories import (
    EDITION_START,
    EditionFactory,
    ProviderFactory,
    VenueFactory,
    local,
)

pytestmark = pytest.mark.django_db

AGENDA_BUDGET = 12
DETAIL_BUDGET = 10


def grow_agenda(count: int) -> Activity:
    """Add `count` public activities, each with two sessions, an audience and a discipline."""
    edition = EditionFactory()
    providers = [ProviderFactory() for _ in range(5)]
    venues = [VenueFactory() for _ in range(3)]
    start = Activity.objects.count()
    activities = Activity.objects.bulk_create(
        Activity(
            edition=edition,
            provider=providers[i % len(providers)],
            title=f"Activiteit {i}",
            slug=f"activiteit-{i}",
            description="Doe mee.",
            state=Activity.State.APPROVED,
        )
        for i in range(start, start + count)
    )
    sessions, places = [], []
    for i, activity in enumerate(activities):
        for offset in (0, 2):
            day = EDITION_START + datetime.timedelta(days=(i + offset) % 7)
            sessions.append(
                Session(
                    activity=activity,
                    venue=venues[i % 3],
                    starts_at=local(day, 19),
                    ends_at=local(day, 21),
                    capacity=10,
                )
            )
            places.append(i % 11)  # from none to all ten
    Session.objects.bulk_create(sessions)
    # Those places booked in parties of up to four. Hundreds of reservations one by one through
    # the service would take seconds per call: the rows in bulk, and the counters summed from
    # them in the database, so they match the reservations as reservation_create keeps them.
    Reservation.objects.bulk_create(
        Reservation(
            session=session,
            name=f"Bewoner {n}",
            email=f"bewoner{n}@example.org",
            party_size=party_size,
            token=f"grow-{session.pk}-{n}",
        )
        for session, booked in zip(sessions, places, strict=True)
        for n, party_size in enumerate([4] * (booked // 4) + [booked % 4] * bool(booked % 4))
    )
    confirmed = (
        Reservation.objects.filter(session=OuterRef("pk"), state=Reservation.State.CONFIRMED)
        .values("session")
        .annotate(places=Sum("party_size"))
        .values("places")
    )
    Session.objects.filter(pk__in=[session.pk for session in sessions]).update(
        places_booked=Coalesce(Subquery(confirmed), 0)
    )
    audiences = list(Audience.objects.all())
    disciplines = list(Discipline.objects.all())
    Activity.audiences.through.objects.bulk_create(
        Activity.audiences.through(activity=a, audience=audiences[i % len(audiences)])
        for i, a in enumerate(activities)
    )
    Activity.disciplines.through.objects.bulk_create(
        Activity.disciplines.through(activity=a, discipline=disciplines[i % len(disciplines)])
        for i, a in enumerate(activities)
    )
    return activities[0]


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


PAGES = [
    "/",
    "/agenda/",
    "/agenda/?doelgroep=kinderen&leeftijd=8&plek=on",
    "/agenda/?q=activiteit&wijk=venlo-centrum&rolstoel=on&page=2",
    "/de/agenda/?dag=2027-01-20&discipline=muziek&discipline=dans",
]


@pytest.mark.parametrize("url", PAGES)
def test_listing_queries_do_not_grow_with_the_data(client, url):
    grow_agenda(10)
    small = count_queries(client, url)
    grow_agenda(290)
    large = count_queries(client, url)
    assert small == large
    assert large <= AGENDA_BUDGET


def test_activity_and_provider_pages_queries_do_not_grow(client):
    first = grow_agenda(10)
    small = count_queries(client, first.get_absolute_url())
    small_provider = count_queries(client, first.provider.get_absolute_url())
    grow_agenda(290)
    Session.objects.bulk_create(
        Session(activity=first, venue=s.venue, starts_at=s.starts_at, ends_at=s.ends_at)
        for s in Session.objects.all()[:40]
    )
    assert count_queries(client, first.get_absolute_url()) == small <= DETAIL_BUDGET
    assert count_queries(client, first.provider.get_absolute_url()) == small_provider
    assert small_provider <= DETAIL_BUDGET
