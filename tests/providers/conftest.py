"""Fixtures for the portal: two providers with a user, a venue and an activity each."""

import datetime

import pytest

from tests.factories import (
    NOW,
    ActivityFactory,
    EditionFactory,
    ProviderFactory,
    SessionFactory,
    UserFactory,
    VenueFactory,
)


@pytest.fixture
def edition(reference_data):
    return EditionFactory(
        submissions_open_from=NOW - datetime.timedelta(days=30),
        submissions_open_until=NOW + datetime.timedelta(days=30),
    )


def _provider_world(edition, name):
    provider = ProviderFactory(name=name)
    user = UserFactory(provider=provider)
    venue = VenueFactory(added_by=provider)
    activity = ActivityFactory(
        provider=provider, edition=edition, state="draft", title=f"Activiteit {name}"
    )
    session = SessionFactory(activity=activity, venue=venue)
    return {
        "provider": provider,
        "user": user,
        "venue": venue,
        "activity": activity,
        "session": session,
    }


@pytest.fixture
def world_a(edition):
    return _provider_world(edition, "Aanbieder A")


@pytest.fixture
def world_b(edition):
    return _provider_world(edition, "Aanbieder B")


@pytest.fixture
def client_a(client, world_a):
    client.force_login(world_a["user"])
    return client
