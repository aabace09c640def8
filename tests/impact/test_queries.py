"""The dashboard costs the same number of queries however much there is to count."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agenda.models import Audience, Reservation
from campaign.models import LinkVisitDay, TrackedLink
from providers.models import Discipline, Provider
from tests.factories import (
    EDITION_START,
    ActivityFactory,
    ProviderFactory,
    SessionFactory,
    UserFactory,
    local,
    reserve,
)

pytestmark = pytest.mark.django_db


def grow(edition, clock, number):
    """`number` more activities of new providers, each with sessions, reservations from
    several districts and languages, and a tracked link with visits."""
    back = datetime.datetime.now(tz=datetime.UTC)
    clock.move_to(local(EDITION_START - datetime.timedelta(days=7), 10))
    disciplines = list(Discipline.objects.all())
    audiences = list(Audience.objects.all())
    for n in range(number):
        provider = ProviderFactory(kind=Provider.Kind.values[n % 6])
        activity = ActivityFactory(
            edition=edition,
            provider=provider,
            disciplines=[disciplines[n % len(disciplines)]],
            audiences=[audiences[n % len(audiences)]],
        )
        link = TrackedLink.objects.create(
            code=f"grow{n:02d}", edition=edition, provider=provider, channel="flyer"
        )
        LinkVisitDay.objects.create(link=link, day=EDITION_START, visits=7)
        for hour in (14, 18):
            session = SessionFactory(
                activity=activity,
                starts_at=local(EDITION_START + datetime.timedelta(days=2), hour),
            )
            for k, postcode in enumerate(["5921AB", "5911AB", "5931AB"]):
                reserve(
                    session,
                    9000 + n * 100 + hour + k,
                    postcode=postcode,
                    language=["nl", "de", "en"][k],
                )
        Reservation.objects.filter(session__activity=activity).update(referral_code=link.code)
    clock.move_to(back)


def test_the_dashboard_query_count_does_not_grow_with_the_data(
    client, known, clock, django_assert_num_queries
):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="redactie"))
    client.force_login(user)
    url = reverse("impact_staff:dashboard")
    with CaptureQueriesContext(connection) as small:
        assert client.get(url, {"editie": "2027"}).status_code == 200
    grow(known["edition"], clock, 6)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url, {"editie": "2027"})
    assert response.status_code == 200
    assert "grow05" in response.content.decode()
