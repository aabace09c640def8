"""Reach: the figures per link, channel, provider and campaign page, and the provider's page in
the portal: its own links only, small counts hidden, beside the average provider."""

import pytest
from django.urls import reverse
from django.utils import translation

from campaign import reach
from campaign.services.links import tracked_link_create
from tests.factories import ProviderFactory
from tests.helpers import html_tables, link_visits

pytestmark = pytest.mark.django_db


def portal_url():
    """The portal's reach page in English (/en/portaal/bereik/): the tests read English."""
    with translation.override("en"):
        return reverse("campaign_portal:reach")


def figures(row):
    return (row.figures.visits, row.figures.reservations, row.figures.people, row.figures.came)


def by_key(rows):
    return {row.key: figures(row) for row in rows}


def tables(response):
    assert response.status_code == 200
    return html_tables(response.content.decode())


def row_of(table, first):
    return next(row for row in table if row[0].startswith(first))


# The figures themselves.


def test_each_link_counts_its_visits_the_reservations_that_followed_and_who_came(reach_world):
    rows = by_key(reach.link_rows(reach_world["edition"]))
    assert rows == {
        reach_world["a_poster"].code: (42, 6, 8, 3),
        reach_world["a_social"].code: (3, 1, 1, 0),
        reach_world["b_flyer"].code: (100, 5, 5, 0),
        reach_world["city_news"].code: (20, 2, 3, 0),
        reach_world["city_agenda"].code: (7, 0, 0, 0),
    }


def test_a_providers_rows_are_its_own_links_only(reach_world):
    rows = reach.link_rows(reach_world["edition"], reach_world["a"]["provider"])
    assert {row.key for row in rows} == {reach_world["a_poster"].code, reach_world["a_social"].code}


def test_links_add_up_by_channel_by_provider_and_by_campaign_page(reach_world):
    rows = reach.link_rows(reach_world["edition"])
    channels = by_key(reach.by_channel(rows))
    assert channels["poster"] == (49, 6, 8, 3)
    assert channels["flyer"] == (100, 5, 5, 0)
    assert channels["social"] == (3, 1, 1, 0)
    assert channels["newsletter"] == (20, 2, 3, 0)
    assert list(channels) == ["poster", "flyer", "social", "newsletter"]  # those with links
    providers = reach.by_provider(rows)
    assert [row.label for row in providers] == [
        "Aanbieder A",
        "Aanbieder B",
        "Campagne van de gemeente",
    ]
    assert [figures(row) for row in providers] == [(45, 7, 9, 3), (100, 5, 5, 0), (27, 2, 3, 0)]
    pages = reach.by_page(rows)
    assert [(row.label, figures(row)) for row in pages] == [
        ("Voor kinderen", (20, 2, 3, 0)),
        ("Links van de gemeente naar andere pagina's", (7, 0, 0, 0)),
    ]


def test_how_did_you_hear_counts_the_places_held_for_the_providers_activities(reach_world):
    rows = by_key(reach.heard_rows(reach_world["edition"], reach_world["a"]["provider"]))
    # Reservations, people: the cancelled one is left out.
    assert rows["sociale-media"][1:3] == (2, 3)
    assert rows["school"][1:3] == (1, 2)
    assert rows["poster-of-flyer"][1:3] == (1, 2)
    assert rows[""][1:3] == (4, 4)  # no answer
    assert sum(row[1] for row in rows.values()) == 8
    everyone = by_key(reach.heard_rows(reach_world["edition"]))
    assert everyone[""][1:3] == (10, 10)


def test_the_average_provider_is_over_the_providers_with_links(reach_world):
    totals, with_links = reach.provider_totals(reach_world["edition"])
    assert with_links == 2
    assert totals[reach_world["a"]["provider"].pk] == reach.Figures(45, 7, 9, 3)
    for name in ("C", "D", "E"):
        provider = ProviderFactory(name=f"Aanbieder {name}")
        link = tracked_link_create(
            edition=reach_world["edition"], channel="website", provider=provider
        )
        link_visits(link, 10)
    ProviderFactory(name="Zonder links")
    totals, with_links = reach.provider_totals(reach_world["edition"])
    assert with_links == 5
    # (45 + 100 + 30) / 5, (7 + 5) / 5, (9 + 5) / 5, 3 / 5, rounded.
    assert reach.average(totals, with_links) == reach.Figures(35, 2, 3, 1)


# The provider's page.


def test_the_portal_shows_the_providers_links_with_small_counts_hidden(client, reach_world):
    client.force_login(reach_world["a"]["user"])
    found = tables(client.get(portal_url()))
    links = found["reach-links"]
    assert links[0] == ["Link", "Channel", "Leads to", "Visits", "Reservations", "People", "Came"]
    poster = row_of(links, "Poster bij de bibliotheek")
    # 42 visits beside 3: the 3 is hidden, and the 42 too, or the total would give it away.
    assert poster[1:] == [
        "Poster",
        "Activity: Activiteit Aanbieder A",
        "≥ 5",
        "≥ 5",
        "≥ 5",
        "< 5",
    ]
    instagram = row_of(links, "Instagram")
    assert instagram[3:] == ["< 5", "< 5", "< 5", "< 5"]
    assert links[-1] == ["Total", "45", "7", "9", "< 5"]
    channels = found["reach-channels"]
    # Beside one hidden count, the smallest other is hidden with it: as in the links table.
    assert [row[0] for row in channels[1:-1]] == ["Poster", "Social media"]
    assert row_of(channels, "Poster")[1:] == ["≥ 5", "≥ 5", "≥ 5", "< 5"]
    assert row_of(channels, "Social media")[1:] == ["< 5", "< 5", "< 5", "< 5"]
    assert channels[-1] == ["Total", "45", "7", "9", "< 5"]


def test_the_portal_shows_how_residents_heard_of_week3(client, reach_world):
    client.force_login(reach_world["a"]["user"])
    heard = tables(client.get(portal_url()))["reach-heard"]
    assert heard[0] == ["Answer", "Reservations", "People"]
    assert row_of(heard, "Social media") == ["Social media", "< 5", "< 5"]
    assert row_of(heard, "No answer") == ["No answer", "< 5", "< 5"]
    assert heard[-1] == ["Total", "8", "11"]


def test_a_provider_never_sees_another_providers_links(client, reach_world):
    client.force_login(reach_world["a"]["user"])
    html = client.get(portal_url()).content.decode()
    for other in ("b_flyer", "city_news", "city_agenda"):
        assert reach_world[other].code not in html
    for label in ("Flyer op school", "Nieuwsbrief gemeente", "=1+1"):
        assert label not in html
    client.force_login(reach_world["b"]["user"])
    html = client.get(portal_url()).content.decode()
    assert "Flyer op school" in html
    assert "Poster bij de bibliotheek" not in html
    assert reach_world["a_poster"].code not in html


def test_the_portal_compares_with_the_average_provider_once_there_are_five(client, reach_world):
    client.force_login(reach_world["a"]["user"])
    compare = tables(client.get(portal_url()))["reach-compare"]
    assert row_of(compare, "Visits through your links")[1:] == ["45", "– not shown yet"]
    for name in ("C", "D", "E"):
        provider = ProviderFactory(name=f"Aanbieder {name}")
        link_visits(
            tracked_link_create(edition=reach_world["edition"], channel="flyer", provider=provider),
            10,
        )
    compare = tables(client.get(portal_url()))["reach-compare"]
    assert compare[1:] == [
        ["Visits through your links", "45", "35"],
        ["Reservations that followed", "7", "< 5"],
        ["People in those reservations", "9", "< 5"],
        ["People who came", "< 5", "< 5"],
    ]


def test_the_portal_dashboard_links_to_reach(client, reach_world):
    client.force_login(reach_world["a"]["user"])
    response = client.get(reverse("portal:dashboard"))
    assert 'href="/portaal/bereik/"' in response.content.decode()


def test_the_portal_page_speaks_dutch_english_and_german(client, reach_world):
    client.force_login(reach_world["a"]["user"])
    for url, title, heard in (
        ("/portaal/bereik/", "Bereik van je promotie", "Geen antwoord"),
        ("/en/portaal/bereik/", "Reach of your promotion", "No answer"),
        ("/de/portaal/bereik/", "Reichweite deiner Werbung", "Keine Antwort"),
    ):
        html = client.get(url).content.decode()
        assert f"<h1>{title}</h1>" in html
        assert heard in html


def test_a_provider_without_links_is_told_how_reach_starts(client, world_a):
    client.force_login(world_a["user"])
    found = tables(client.get(portal_url()))
    assert "reach-links" not in found
    assert "reach-channels" not in found
    assert found["reach-heard"][-1] == ["Total", "< 5", "< 5"]
    html = client.get(portal_url()).content.decode()
    assert "You have no tracked links yet." in html
