"""Merging duplicate venues: sessions and open proposed changes move to the one kept."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from agenda.models import ActivityRevision
from agenda.services.activities import activity_save
from agenda.services.drafts import activity_data
from agenda.services.moderation import activity_approve
from agenda.services.venues import venue_merge
from providers.models import Venue
from tests.factories import SessionFactory, UserFactory, VenueFactory
from tests.helpers import approved, changelist_action

pytestmark = pytest.mark.django_db


def test_merge_venues_moves_sessions(world_a):
    duplicate = VenueFactory(name="Dubbel", street="Andere 1")
    moved = SessionFactory(activity=world_a["activity"], venue=duplicate)
    venue_merge(keep=world_a["venue"], duplicates=[duplicate])
    moved.refresh_from_db()
    assert moved.venue == world_a["venue"]
    assert not Venue.objects.filter(pk=duplicate.pk).exists()


def test_merging_venues_moves_open_proposed_changes_along(client, world_a, moderator):
    activity = approved(world_a, moderator)
    duplicate = VenueFactory(name="Dubbel", street="Andere 1")
    data = activity_data(activity)
    data["sessions"][0]["venue"] = duplicate.pk
    activity_save(activity=activity, data=data, by=world_a["user"])
    venue_merge(keep=world_a["venue"], duplicates=[duplicate])

    revision = ActivityRevision.objects.get(activity=activity, state="submitted")
    assert revision.data["sessions"][0]["venue"] == world_a["venue"].pk
    client.force_login(moderator)
    assert (
        client.get(reverse("admin:agenda_activity_change", args=[activity.pk])).status_code == 200
    )
    assert (
        client.get(reverse("admin:agenda_activity_preview", args=[activity.pk])).status_code == 200
    )
    activity_approve(activity=activity, by=moderator)
    assert activity.sessions.get().venue == world_a["venue"]


def test_merge_message_counts_in_words(client, moderator):
    keep = VenueFactory(name="Houden", street="Straat 1")
    VenueFactory(name="Weg", street="Straat 2")
    user = UserFactory(email="beheer@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="beheer"))
    client.force_login(user)
    response = changelist_action(
        client, "providers_venue", "merge_venues", list(Venue.objects.values_list("pk", flat=True))
    )
    with translation.override("nl"):
        expected = translation.ngettext(
            "%(count)d venue merged into %(venue)s.",
            "%(count)d venues merged into %(venue)s.",
            1,
        ) % {"count": 1, "venue": keep}
    assert expected in response.content.decode()
