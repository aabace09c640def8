"""Fixtures that several agenda test modules share."""

import pytest
from django.contrib.auth.models import Group

from tests.factories import ActivityFactory, SessionFactory, UserFactory


@pytest.fixture
def moderator(reference_data):
    user = UserFactory(email="redactie@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="redactie"))
    return user


@pytest.fixture
def session(reference_data):
    """A session for five, of an activity that takes parties of up to four."""
    return SessionFactory(capacity=5, activity=ActivityFactory(max_party_size=4))
