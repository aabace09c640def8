"""A provider makes its own tracked links in the portal: to its own activities, its own page
or the whole agenda, never to another provider's activity; renames and removes them."""

import pytest
from django.urls import reverse

from campaign.models import LinkVisitDay, TrackedLink
from campaign.services.links import tracked_link_create
from tests.factories import NOW, ActivityFactory

pytestmark = pytest.mark.django_db

CREATE = "/portaal/links/nieuw/"


def test_the_dashboard_leads_to_the_links(client_a):
    html = client_a.get(reverse("portal:dashboard")).content.decode()
    assert 'href="/portaal/links/"' in html


def test_a_link_to_an_own_activity(client_a, world_a):
    activity = world_a["activity"]
    response = client_a.post(
        CREATE,
        {"target": "activity", "activity": activity.pk, "label": "Bieb", "channel": "poster"},
    )
    assert response.status_code == 302
    link = TrackedLink.objects.get()
    assert (link.provider, link.activity, link.created_by) == (
        world_a["provider"],
        activity,
        world_a["user"],
    )
    assert (link.label, link.channel) == ("Bieb", "poster")
    html = client_a.get(response["Location"]).content.decode()
    assert f"https://week3.example.org/r/{link.code}" in html
    assert "Bieb" in html


def test_a_link_to_the_own_page_and_to_the_agenda(client_a, world_a):
    client_a.post(CREATE, {"target": "provider", "channel": "flyer"})
    client_a.post(CREATE, {"target": "agenda", "channel": "social"})
    own_page, agenda = TrackedLink.objects.order_by("pk")
    assert own_page.target_provider == world_a["provider"] and own_page.activity is None
    assert agenda.target_provider is None and agenda.activity is None
    assert agenda.agenda_query == ""


def test_another_providers_activity_cannot_be_chosen(client_a, world_b):
    html = client_a.get(CREATE).content.decode()
    assert world_b["activity"].title not in html
    response = client_a.post(
        CREATE, {"target": "activity", "activity": world_b["activity"].pk, "channel": "poster"}
    )
    assert response.status_code == 200  # the form again, with the error
    assert not TrackedLink.objects.exists()


def test_rejected_and_withdrawn_activities_are_not_offered(client_a, world_a):
    for state in ("rejected", "withdrawn"):
        ActivityFactory(provider=world_a["provider"], state=state, title=f"Weg {state}")
    html = client_a.get(CREATE).content.decode()
    assert world_a["activity"].title in html
    assert "Weg rejected" not in html and "Weg withdrawn" not in html


def test_an_activity_link_needs_an_activity(client_a):
    response = client_a.post(CREATE, {"target": "activity", "channel": "poster"})
    assert response.status_code == 200
    assert not TrackedLink.objects.exists()


@pytest.fixture
def own_link(world_a):
    return tracked_link_create(
        edition=world_a["activity"].edition,
        channel=TrackedLink.Channel.POSTER,
        provider=world_a["provider"],
        activity=world_a["activity"],
        label="Poster",
    )


def test_the_list_shows_only_own_links_with_their_visits(client_a, own_link, world_b):
    LinkVisitDay.objects.create(link=own_link, day=NOW.date(), visits=12)
    other = tracked_link_create(
        edition=world_b["activity"].edition,
        channel=TrackedLink.Channel.POSTER,
        provider=world_b["provider"],
    )
    html = client_a.get("/portaal/links/").content.decode()
    assert own_link.code in html and other.code not in html
    assert "<dd>12</dd>" in html
    assert own_link.activity.title in html


def test_rename_and_change_the_channel_but_not_the_target(client_a, own_link, world_a):
    url = f"/portaal/links/{own_link.pk}/"
    response = client_a.post(url, {"label": "Flyer markt", "channel": "flyer", "target": "agenda"})
    assert response.status_code == 302
    own_link.refresh_from_db()
    assert (own_link.label, own_link.channel) == ("Flyer markt", "flyer")
    assert own_link.activity == world_a["activity"]


def test_remove_asks_first(client_a, own_link):
    url = f"/portaal/links/{own_link.pk}/verwijderen/"
    assert "Yes, remove it" in client_a.get(f"/en{url}").content.decode()
    client_a.post(url)  # without the confirmation
    assert TrackedLink.objects.filter(pk=own_link.pk).exists()
    assert client_a.post(url, {"confirm": "1"}).status_code == 302
    assert not TrackedLink.objects.filter(pk=own_link.pk).exists()
    assert client_a.get(f"/r/{own_link.code}").status_code == 404


# Links to a campaign page of the city and to a filtered agenda.


@pytest.fixture
def city_page(edition):
    from campaign.models import CampaignPage

    return CampaignPage.objects.create(
        edition=edition,
        slug="senioren",
        title="Voor senioren",
        title_en="For seniors",
        is_published=True,
    )


def test_a_link_to_a_published_campaign_page(client_a, world_a, city_page, edition):
    from campaign.models import CampaignPage

    CampaignPage.objects.create(edition=edition, slug="verborgen", title="Nog niet klaar")
    html = client_a.get(CREATE).content.decode()
    assert "Voor senioren" in html and "Nog niet klaar" not in html
    response = client_a.post(
        CREATE, {"target": "page", "campaign_page": city_page.pk, "channel": "flyer"}
    )
    assert response.status_code == 302
    link = TrackedLink.objects.get()
    assert (link.page, link.provider, link.activity) == (city_page, world_a["provider"], None)
    assert client_a.get(f"/r/{link.code}")["Location"] == "/campagne/senioren/"
    english = client_a.get(f"/en{reverse('campaign_portal:link_list')}").content.decode()
    assert '<span lang="en">For seniors</span>' in english


def test_a_page_must_be_chosen_and_an_unpublished_one_cannot(client_a, city_page, edition):
    from campaign.models import CampaignPage

    hidden = CampaignPage.objects.create(edition=edition, slug="verborgen", title="Verborgen")
    for chosen in ["", hidden.pk]:
        response = client_a.post(
            CREATE, {"target": "page", "campaign_page": chosen, "channel": "flyer"}
        )
        assert response.status_code == 200
        assert response.context["form"].errors["campaign_page"]
    assert not TrackedLink.objects.exists()


def test_no_published_page_no_page_choice(client_a):
    html = client_a.get(CREATE).content.decode()
    assert 'value="page"' not in html and 'name="campaign_page"' not in html


def test_a_pasted_agenda_address_becomes_the_agendas_filters(client_a):
    response = client_a.post(
        CREATE,
        {
            "target": "agenda",
            "agenda": "https://week3.example.org/en/agenda/?doelgroep=senioren#lijst",
            "channel": "newsletter",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    link = TrackedLink.objects.get()
    assert link.agenda_query == "doelgroep=senioren"
    assert client_a.get(f"/r/{link.code}")["Location"] == "/agenda/?doelgroep=senioren"
    html = client_a.get(reverse("campaign_portal:link_list")).content.decode()
    assert "(doelgroep=senioren)" in html


@pytest.mark.parametrize("prefix", ["", "/en", "/de"])
def test_an_unknown_filter_is_refused_in_plain_words_and_the_input_kept(client_a, prefix):
    typed = "/agenda/?smaak=zoet&doelgroep=senioren"
    response = client_a.post(
        prefix + CREATE, {"target": "agenda", "agenda": typed, "channel": "newsletter"}
    )
    assert response.status_code == 200
    assert not TrackedLink.objects.exists()
    html = response.content.decode()
    expected = {
        "": "De agenda heeft geen filter",
        "/en": "The agenda has no filter called",
        "/de": "Die Agenda hat keinen Filter",
    }[prefix]
    assert expected in html and "smaak" in html
    assert 'value="/agenda/?smaak=zoet&amp;doelgroep=senioren"' in html
