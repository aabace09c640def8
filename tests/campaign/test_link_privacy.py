"""A provider cannot tell from its links who visited: a link with one visit reads like one with
none ("< 5"), in the link list as on the reach page."""

import html as markup
import re

import pytest
from django.urls import reverse

from campaign.models import TrackedLink
from campaign.services.links import tracked_link_create
from tests.helpers import link_visits

pytestmark = pytest.mark.django_db


def visits_shown(html: str) -> list[str]:
    return [
        markup.unescape(v) for v in re.findall(r"Bezoeken tot nu toe</dt><dd>([^<]*)</dd>", html)
    ]


def test_a_personal_link_does_not_show_whether_its_one_reader_clicked(client_a, world_a):
    def link(label):
        return tracked_link_create(
            edition=world_a["activity"].edition,
            channel=TrackedLink.Channel.NEWSLETTER,
            provider=world_a["provider"],
            label=label,
            agenda_query="",
        )

    clicked, unclicked, popular = link("Voor Anna"), link("Voor Bert"), link("Nieuwsbrief")
    link_visits(clicked, 1)
    link_visits(popular, 12)
    html = client_a.get(reverse("campaign_portal:link_list")).content.decode()
    assert sorted(visits_shown(html)) == ["12", "< 5", "< 5"]
    assert unclicked.code in html and clicked.code in html


def test_a_provider_cannot_make_a_link_per_person(client_a, world_a):
    """A cap on links made by hand: enough for every poster and channel, too few for a
    personal link per reader of a mailing list."""
    from campaign.forms import LINKS_PER_PROVIDER

    for number in range(LINKS_PER_PROVIDER):
        tracked_link_create(
            edition=world_a["activity"].edition,
            channel="newsletter",
            provider=world_a["provider"],
            label=f"Lezer {number}",
        )
    response = client_a.post(
        reverse("campaign_portal:link_create"),
        {"target": "provider", "label": "Lezer extra", "channel": "newsletter"},
    )
    assert response.status_code == 200
    assert "zoveel als één organisatie kan maken" in response.content.decode()
    assert 'value="Lezer extra"' in response.content.decode()
    assert TrackedLink.objects.filter(provider=world_a["provider"]).count() == LINKS_PER_PROVIDER
