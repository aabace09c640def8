"""/r/<code>: the visitor lands on the link's page in their own language, an unknown code
gets a friendly page, and the answer is never kept by a cache."""

import pytest

from campaign.models import CampaignPage, TrackedLink
from campaign.services import visits
from campaign.services.links import tracked_link_create

pytestmark = pytest.mark.django_db


def make_link(agenda, **target):
    return tracked_link_create(
        edition=agenda["edition"], channel=TrackedLink.Channel.POSTER, **target
    )


@pytest.mark.parametrize(
    ("headers", "prefix"),
    [
        ({}, ""),
        ({"accept-language": "en-GB,en;q=0.9"}, "/en"),
        ({"accept-language": "de-DE,de;q=0.9,nl;q=0.5"}, "/de"),
        ({"accept-language": "nl-NL,nl;q=0.9,en;q=0.5"}, ""),
        ({"accept-language": "fr-FR"}, ""),
    ],
)
def test_activity_link_leads_to_the_activity_in_the_visitors_language(
    client, agenda, headers, prefix
):
    choir = agenda["choir"]
    link = make_link(agenda, activity=choir)
    response = client.get(f"/r/{link.code}", headers=headers)
    assert response.status_code == 302
    assert response["Location"] == f"{prefix}/activiteit/{choir.slug}/"


def test_the_language_cookie_wins_over_the_browsers_languages(client, agenda, settings):
    link = make_link(agenda, activity=agenda["choir"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    response = client.get(f"/r/{link.code}", headers={"accept-language": "en"})
    assert response["Location"].startswith("/de/activiteit/")


@pytest.mark.parametrize("prefix", ["", "/en", "/de"])
def test_provider_link_leads_to_the_provider_page(client, agenda, prefix):
    provider = agenda["choir"].provider
    link = make_link(agenda, provider=provider, target_provider=provider)
    language = prefix.strip("/") or "nl"
    response = client.get(f"/r/{link.code}", headers={"accept-language": language})
    assert response.status_code == 302
    assert response["Location"] == f"{prefix}/aanbieder/{provider.slug}/"
    # And the page is there.
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_agenda_link_keeps_its_selection(client, agenda, prefix):
    link = make_link(agenda, agenda_query="doelgroep=kinderen&wijk=blerick")
    response = client.get(f"/r/{link.code}", headers={"accept-language": prefix.strip("/") or "nl"})
    assert response.status_code == 302
    assert response["Location"] == f"{prefix}/agenda/?doelgroep=kinderen&wijk=blerick"


def test_whole_agenda_link(client, agenda):
    link = make_link(agenda)
    assert client.get(f"/r/{link.code}")["Location"] == "/agenda/"


def test_campaign_page_link_leads_to_the_page(client, agenda):
    page = CampaignPage.objects.create(
        edition=agenda["edition"], slug="kinderen", title="Kids", is_published=True
    )
    link = make_link(agenda, page=page)
    response = client.get(f"/r/{link.code}", headers={"accept-language": "en"})
    assert response["Location"] == "/en" + page.get_absolute_url()


def test_a_code_typed_in_capitals_works(client, agenda):
    link = make_link(agenda, activity=agenda["choir"])
    assert client.get(f"/r/{link.code.upper()}").status_code == 302


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "Deze link leidt nergens heen"),
        ("en", "This link does not lead anywhere"),
        ("de", "Dieser Link führt nirgendwohin"),
    ],
)
def test_unknown_code_gets_a_friendly_page_with_the_agenda(client, agenda, language, text):
    response = client.get("/r/zzzzzz", headers={"accept-language": language})
    assert response.status_code == 404
    html = response.content.decode()
    assert text in html
    prefix = "" if language == "nl" else f"/{language}"
    assert f'href="{prefix}/agenda/"' in html


def test_the_redirect_is_never_cached(client, agenda):
    link = make_link(agenda, activity=agenda["choir"])
    response = client.get(f"/r/{link.code}")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert {"cookie", "accept-language"} <= {
        part.strip().lower() for part in response["Vary"].split(",")
    }


def test_other_methods_are_refused(client, agenda):
    link = make_link(agenda, activity=agenda["choir"])
    assert client.post(f"/r/{link.code}").status_code == 405


def test_a_popular_link_asks_the_database_nothing_the_second_time(
    visitor, agenda, django_assert_num_queries, monkeypatch
):
    monkeypatch.setattr(visits, "FLUSH_SECONDS", 3600)  # no write of the counts in between
    link = make_link(agenda, activity=agenda["choir"])
    visitor.get(f"/r/{link.code}")
    with django_assert_num_queries(0):
        response = visitor.get(f"/r/{link.code}", headers={"accept-language": "en"})
    assert response["Location"] == f"/en/activiteit/{agenda['choir'].slug}/"


def test_a_link_changed_in_the_admin_leads_to_its_new_target_at_once(admin_client, agenda):
    link = make_link(agenda, activity=agenda["choir"])
    assert admin_client.get(f"/r/{link.code}")["Location"].startswith("/activiteit/")
    response = admin_client.post(
        f"/beheer/campaign/trackedlink/{link.pk}/change/",
        {"edition": agenda["edition"].pk, "channel": "poster", "agenda_query": "plek=on"},
    )
    assert response.status_code == 302
    assert admin_client.get(f"/r/{link.code}")["Location"] == "/agenda/?plek=on"
