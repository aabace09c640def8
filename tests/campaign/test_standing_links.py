"""The kit's and the widgets' own links ("standing"): one per maker, channel and target, never
taken over by a link made by hand, never renamed or removed in the portal (they are on
posters), and not enough on their own to count a provider as promoting."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from campaign.models import TrackedLink
from campaign.reach import provider_totals
from campaign.services.links import tracked_link_create, tracked_link_for_kit
from tests.helpers import link_visits

pytestmark = pytest.mark.django_db


def test_a_link_made_by_hand_does_not_take_the_kits_place(world_a):
    activity, provider = world_a["activity"], world_a["provider"]
    kit = tracked_link_for_kit(provider=provider, channel="poster", activity=activity)
    by_hand = tracked_link_create(
        edition=activity.edition, channel="poster", provider=provider, activity=activity
    )
    again = tracked_link_for_kit(provider=provider, channel="poster", activity=activity)
    assert again == kit != by_hand
    assert kit.standing and not by_hand.standing


def test_the_database_keeps_one_standing_link_per_target(world_a):
    activity, provider = world_a["activity"], world_a["provider"]
    kit = tracked_link_for_kit(provider=provider, channel="flyer", activity=activity)
    with pytest.raises(IntegrityError), transaction.atomic():
        TrackedLink.objects.create(
            code="zz99zz",
            edition=activity.edition,
            channel="flyer",
            provider=provider,
            activity=activity,
            standing=True,
        )
    assert list(TrackedLink.objects.filter(standing=True, channel="flyer")) == [kit]


def test_the_portal_lists_the_kits_links_but_does_not_change_or_remove_them(client_a, world_a):
    kit = tracked_link_for_kit(
        provider=world_a["provider"], channel="poster", activity=world_a["activity"]
    )
    html = client_a.get(reverse("campaign_portal:link_list")).content.decode()
    assert kit.code in html
    assert "Gemaakt door je promotiekit" in html
    for name in ("link_edit", "link_delete"):
        url = reverse(f"campaign_portal:{name}", kwargs={"pk": kit.pk})
        assert client_a.get(url).status_code == 404
        assert client_a.post(url, {"label": "weg", "channel": "flyer"}).status_code == 404
    kit.refresh_from_db()
    assert (kit.label, kit.channel) == ("", "poster")


def test_kit_links_alone_do_not_make_a_provider_promoting(world_a, world_b):
    edition = world_a["activity"].edition
    tracked_link_for_kit(provider=world_a["provider"], channel="website")
    visited = tracked_link_for_kit(provider=world_b["provider"], channel="website")
    assert provider_totals(edition)[1] == 0
    link_visits(visited, 3)
    assert provider_totals(edition)[1] == 1
