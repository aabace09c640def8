"""The campaign's demo pages: one per segment and per priority neighbourhood, each with
activities, in three languages; running the command again changes nothing."""

import io
import re

import pytest
from django.core.management import call_command

from campaign.models import CampaignPage, CampaignPick
from providers.models import District

pytestmark = pytest.mark.django_db


def test_demo_pages_show_activities_and_a_rerun_changes_nothing(client, settings):
    settings.DEBUG = False
    call_command("seed_demo", year=2027, verbosity=0)
    call_command("seed_campaign", stdout=io.StringIO())
    first = list(CampaignPage.objects.order_by("pk").values())
    picks = list(CampaignPick.objects.order_by("pk").values())
    call_command("seed_campaign", stdout=io.StringIO())
    assert [
        {**row, "updated_at": None} for row in CampaignPage.objects.order_by("pk").values()
    ] == [{**row, "updated_at": None} for row in first]
    assert list(CampaignPick.objects.order_by("pk").values()) == picks

    priority = District.objects.filter(is_priority=True).values_list("slug", flat=True)
    expected = {"kinderen", "senioren", "nieuwkomers", *(f"wijk-{slug}" for slug in priority)}
    assert set(CampaignPage.objects.values_list("slug", flat=True)) == expected
    assert len(expected) >= 6
    assert CampaignPage.objects.get(slug="nieuwkomers").agenda_query == "zonder_nederlands=on"
    assert len(picks) == 2

    home = client.get("/").content.decode()
    for slug in expected:
        html = client.get(f"/campagne/{slug}/").content.decode()
        assert re.search(r'class="card-title"', html), slug
        assert f'href="/campagne/{slug}/"' in home
    assert "Für Kinder" in client.get("/de/campagne/kinderen/").content.decode()
    assert "For seniors" in client.get("/en/campagne/senioren/").content.decode()
