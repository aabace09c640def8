"""/r/ with odd codes, and links whose target has left the public site: the friendly page,
never a 500, and junk costs no query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaign.models import TrackedLink
from campaign.services.links import tracked_link_create

pytestmark = pytest.mark.django_db


def make_link(agenda, **target):
    return tracked_link_create(
        edition=agenda["edition"], channel=TrackedLink.Channel.POSTER, **target
    )


@pytest.mark.parametrize(
    "path",
    ["/r/%00x", "/r/" + "x" * 400, "/r/%F0%9F%8E%BB", "/r/k7dm%2Fq", "/r/abc%20def", "/r/%C2%B2"],
)
def test_junk_codes_get_the_friendly_page_without_asking_the_database(client, agenda, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 404
    assert 'href="/agenda/"' in response.content.decode()
    assert not [q for q in queries if "campaign_trackedlink" in q["sql"]]


def test_a_trailing_slash_still_follows_the_link(client, agenda):
    link = make_link(agenda, activity=agenda["choir"])
    response = client.get(f"/r/{link.code}/")
    assert response.status_code == 302
    assert response["Location"] == agenda["choir"].get_absolute_url()


def test_a_link_to_a_withdrawn_activity_gets_the_friendly_page(client, agenda):
    choir = agenda["choir"]
    link = make_link(agenda, activity=choir)
    choir.state = "withdrawn"
    choir.save()
    response = client.get(f"/r/{link.code}")
    assert response.status_code == 404
    assert 'href="/agenda/"' in response.content.decode()
