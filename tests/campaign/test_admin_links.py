"""Staff make the city's campaign-wide links in the admin and see every link's visits."""

import pytest
from django.contrib.auth.models import Group

from campaign.models import LinkVisitDay, TrackedLink
from campaign.services.links import tracked_link_create
from tests.factories import NOW, UserFactory

pytestmark = pytest.mark.django_db

ADD = "/beheer/campaign/trackedlink/add/"


def test_staff_make_a_link_to_a_filtered_agenda(admin_client, admin_user, agenda):
    response = admin_client.post(
        ADD,
        {
            "edition": agenda["edition"].pk,
            "channel": "press",
            "label": "De Limburger",
            "agenda_query": "?doelgroep=senioren",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    link = TrackedLink.objects.get()
    assert link.provider is None and link.created_by == admin_user
    assert len(link.code) == 6
    assert link.agenda_query == "doelgroep=senioren"
    assert admin_client.get(f"/r/{link.code}")["Location"] == "/agenda/?doelgroep=senioren"


def test_staff_make_a_link_to_any_activity(admin_client, agenda):
    dance = agenda["dance"]
    admin_client.post(
        ADD, {"edition": agenda["edition"].pk, "channel": "newsletter", "activity": dance.pk}
    )
    link = TrackedLink.objects.get()
    assert link.activity == dance and link.provider is None


def test_one_target_only(admin_client, agenda):
    response = admin_client.post(
        ADD,
        {
            "edition": agenda["edition"].pk,
            "channel": "poster",
            "activity": agenda["dance"].pk,
            "target_provider": agenda["choir"].provider.pk,
        },
    )
    assert response.status_code == 200
    assert not TrackedLink.objects.exists()


def test_the_list_shows_code_maker_channel_and_visits(admin_client, agenda):
    provider = agenda["choir"].provider
    made = tracked_link_create(
        edition=agenda["edition"], channel="flyer", provider=provider, target_provider=provider
    )
    LinkVisitDay.objects.create(link=made, day=NOW.date(), visits=7)
    city = tracked_link_create(edition=agenda["edition"], channel="press")
    html = admin_client.get("/beheer/campaign/trackedlink/").content.decode()
    assert made.code in html and city.code in html
    assert provider.name in html
    assert '<td class="field-visits">7</td>' in html


def test_the_redactie_makes_links_too(client, agenda):
    user = UserFactory(email="redactie@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="redactie"))
    client.force_login(user)
    assert client.get(ADD).status_code == 200
    client.post(ADD, {"edition": agenda["edition"].pk, "channel": "poster"})
    assert TrackedLink.objects.get().created_by == user


@pytest.mark.parametrize(
    "typed",
    ["doelgroep=senioren\r\nSet-Cookie: x=1", "onzin=ja", "doelgroep=bestaat-niet"],
)
def test_an_agenda_selection_the_agenda_does_not_know_is_refused_and_kept(
    admin_client, agenda, typed
):
    response = admin_client.post(
        ADD, {"edition": agenda["edition"].pk, "channel": "press", "agenda_query": typed}
    )
    assert response.status_code == 200
    assert not TrackedLink.objects.exists()
    form = response.context["adminform"].form
    assert form.errors["agenda_query"]
    assert form["agenda_query"].value() == typed


def test_a_pasted_agenda_address_is_kept_as_the_agenda_spells_it(admin_client, agenda):
    admin_client.post(
        ADD,
        {
            "edition": agenda["edition"].pk,
            "channel": "press",
            "agenda_query": "https://week3.example/agenda/?doelgroep=senioren#lijst",
        },
    )
    link = TrackedLink.objects.get()
    assert link.agenda_query == "doelgroep=senioren"
    assert admin_client.get(f"/r/{link.code}")["Location"] == "/agenda/?doelgroep=senioren"
