"""The provider says whether parents stay; the reservation form asks accordingly (issue 14)."""

import pytest
from django.urls import reverse

from agenda.models import Activity
from agenda.services.preview import revision_diff
from tests.factories import ActivityFactory
from tests.helpers import activity_post, form_url

pytestmark = pytest.mark.django_db


def test_the_provider_chooses_drop_off_and_the_form_asks_for_children(client_a, world_a):
    page = client_a.get(reverse("portal:activity_create")).content.decode()
    assert 'name="parents_stay"' in page and 'value="drop_off"' in page
    response = client_a.post(
        reverse("portal:activity_create"),
        activity_post(world_a["venue"], submit="1", parents_stay="drop_off"),
    )
    assert response.status_code == 302
    activity = Activity.objects.get(title="Open repetitie")
    assert activity.parents_stay == Activity.ParentsStay.DROP_OFF
    # Approved and public, its reservation form asks how many children come.
    Activity.objects.filter(pk=activity.pk).update(state=Activity.State.APPROVED)
    html = client_a.get(form_url(activity.sessions.first(), "/en")).content.decode()
    assert "How many children are you signing up?" in html


def test_a_form_without_the_question_keeps_what_the_activity_has(client_a, world_a):
    client_a.post(reverse("portal:activity_create"), activity_post(world_a["venue"]))
    activity = Activity.objects.get(title="Open repetitie")
    assert activity.parents_stay == Activity.ParentsStay.STAY


def test_the_moderator_reads_the_change_in_words(world_a):
    activity = ActivityFactory(provider=world_a["provider"])
    (row,) = revision_diff(activity, {"parents_stay": "drop_off"})
    assert row["new"] == "Alleen de kinderen tellen: ouders brengen ze en halen ze op"
