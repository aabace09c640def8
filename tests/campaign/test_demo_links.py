"""The demo's tracked links: made once, with visits, and they lead somewhere."""

import pytest

from campaign.management.commands._demo_links import seed_links
from campaign.models import LinkVisitDay, TrackedLink

pytestmark = pytest.mark.django_db


def test_demo_links_are_made_once_and_work(client, agenda):
    made = seed_links(agenda["edition"])
    assert made >= 5
    assert seed_links(agenda["edition"]) == 0
    assert TrackedLink.objects.filter(provider__isnull=True).count() == 3
    assert LinkVisitDay.objects.exists()
    for link in TrackedLink.objects.all():
        target = client.get(f"/r/{link.code}")["Location"]
        assert client.get(target).status_code == 200, target
