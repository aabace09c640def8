"""Fixtures of the campaign tests: an empty visit buffer, a browser that follows links, and
links and reservations with known reach figures."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from agenda.models import Channel, ReservationState
from campaign import targets
from campaign.models import CampaignPage
from campaign.services import visits
from campaign.services.links import tracked_link_create
from tests.factories import SessionFactory, UserFactory
from tests.helpers import link_visits, reservation_through

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"


@pytest.fixture(autouse=True)
def _empty_visit_buffer():
    """Each test starts with no visits counted and no link targets remembered in this process,
    and leaves none behind."""
    with visits._lock:
        visits._pending.clear()
    targets.forget()
    yield
    with visits._lock:
        visits._pending.clear()
    targets.forget()


@pytest.fixture
def visitor():
    """A browser, as far as a tracked link can tell: a browser's User-Agent, its own cookies."""
    return Client(headers={"user-agent": BROWSER})


@pytest.fixture
def reach_world(world_a, world_b):
    """Known numbers (see each line); session capacity is ample, so every place is confirmed."""
    edition = world_a["activity"].edition
    heard = {channel.slug: channel for channel in Channel.objects.all()}
    session_a = SessionFactory(activity=world_a["activity"], venue=world_a["venue"], capacity=50)
    session_b = SessionFactory(activity=world_b["activity"], venue=world_b["venue"], capacity=50)
    page = CampaignPage.objects.create(edition=edition, slug="kinderen", title="Voor kinderen")

    def link(channel, provider=None, label="", **target):
        return tracked_link_create(
            edition=edition, channel=channel, provider=provider, label=label, **target
        )

    a_poster = link(
        "poster", world_a["provider"], "Poster bij de bibliotheek", activity=world_a["activity"]
    )
    a_social = link("social", world_a["provider"], "Instagram", target_provider=world_a["provider"])
    b_flyer = link("flyer", world_b["provider"], "Flyer op school", activity=world_b["activity"])
    city_news = link("newsletter", label="Nieuwsbrief gemeente", page=page)
    city_agenda = link("poster", label="=1+1 kinderen", agenda_query="doelgroep=kinderen")

    link_visits(a_poster, 30, 12)  # 42
    link_visits(a_social, 3)
    link_visits(b_flyer, 60, 40)  # 100
    link_visits(city_news, 20)
    link_visits(city_agenda, 2, 5)  # 7

    # a_poster: 6 reservations with 8 people, 2 of them (3 people) came; one cancelled.
    reservation_through(a_poster, session_a, 2, heard["sociale-media"], ReservationState.ATTENDED)
    reservation_through(a_poster, session_a, 1, heard["sociale-media"], ReservationState.ATTENDED)
    reservation_through(a_poster, session_a, 2, heard["school"])
    for _ in range(3):
        reservation_through(a_poster, session_a)
    reservation_through(a_poster, session_a, state=ReservationState.CANCELLED)
    # a_social: one reservation, for provider B's activity.
    reservation_through(a_social, session_b)
    # b_flyer: 5 reservations of one person.
    for _ in range(5):
        reservation_through(b_flyer, session_b)
    # city_news: 2 reservations, 3 people, for provider A's activity.
    reservation_through(city_news, session_a, 2, heard["poster-of-flyer"])
    reservation_through(city_news, session_a)
    return {
        **{"a": world_a, "b": world_b, "edition": edition, "page": page},
        **{"a_poster": a_poster, "a_social": a_social, "b_flyer": b_flyer},
        **{"city_news": city_news, "city_agenda": city_agenda},
    }


@pytest.fixture
def reach_staff(client, reach_world):
    """A member of the moderators' group (its rights come from the migrations)."""
    user = UserFactory(email="redactie@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="redactie"))
    client.force_login(user)
    return client
