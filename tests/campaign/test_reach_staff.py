"""Reach for staff in the admin: every link, by provider, campaign page and channel, the CSV
exports with the same small counts hidden, who may see it, and a constant number of queries."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from campaign import reach
from campaign.admin_reach import csv_rows
from campaign.services.links import tracked_link_create
from tests.factories import SessionFactory, UserFactory
from tests.helpers import html_tables, link_visits, reservation_through

pytestmark = pytest.mark.django_db


def portal_url():
    with translation.override("en"):
        return reverse("campaign_portal:reach")


def tables(response):
    assert response.status_code == 200
    return html_tables(response.content.decode())


def row_of(table, first):
    return next(row for row in table if row[0].startswith(first))


def test_staff_see_every_link_by_provider_page_and_channel(reach_staff, reach_world):
    # The admin speaks Dutch (it has no language prefix).
    found = tables(reach_staff.get(reverse("admin:campaign_reach")))
    links = found["reach-links"]
    assert {row[0].split()[-1] for row in links[1:-1]} == {
        f"/r/{reach_world[name].code}"
        for name in ("a_poster", "a_social", "b_flyer", "city_news", "city_agenda")
    }
    flyer = row_of(links, "Flyer op school")
    # B's 5 reservations (5 people) are hidden too: the other hidden cells (1, 2 and 0
    # reservations; 1, 3 and 0 people) hold fewer than 5 together, which the total would give.
    assert flyer[1:] == [
        *("Aanbieder B", "Flyer", "Activiteit: Activiteit Aanbieder B"),
        *("100", "≥ 5", "≥ 5", "< 5"),
    ]
    assert links[-1] == ["Totaal", "172", "14", "17", "< 5"]
    providers = found["reach-providers"]
    assert row_of(providers, "Aanbieder A")[1:] == ["45", "7", "9", "< 5"]
    # B's 5 is hidden beside the city's 2 reservations, or the total would give it away.
    assert row_of(providers, "Aanbieder B")[1:] == ["100", "≥ 5", "≥ 5", "< 5"]
    assert row_of(providers, "Gemiddelde aanbieder")[1:] == ["73", "6", "7", "< 5"]
    pages = found["reach-pages"]
    assert row_of(pages, "Voor kinderen")[1:] == ["20", "< 5", "< 5", "< 5"]
    channels = found["reach-channels"]
    assert row_of(channels, "Nieuwsbrief")[1:] == ["≥ 5", "< 5", "< 5", "< 5"]


def csv_of(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_staff_export_each_table_as_csv_with_the_same_suppression(reach_staff, reach_world):
    url = reverse("admin:campaign_reach_csv", args=["links"])
    rows = csv_of(reach_staff.get(url))
    assert rows[0] == [
        "code",
        "naam",
        "gemaakt door",
        "kanaal",
        "soort bestemming",
        "gaat naar",
        "Bezoeken",
        "Reserveringen",
        "Personen",
        "Gekomen",
    ]
    by_code = {row[0]: row for row in rows[1:]}
    assert by_code[reach_world["a_poster"].code][1:] == [
        "Poster bij de bibliotheek",
        "Aanbieder A",
        "poster",
        "activity",
        "Activiteit Aanbieder A",
        "42",
        "6",
        "8",
        "< 5",
    ]
    # 3 visits hidden, and the smallest other (7) with it; the formula is made harmless.
    assert by_code[reach_world["a_social"].code][6] == "< 5"
    assert by_code[reach_world["city_agenda"].code][1:7] == [
        "'=1+1 kinderen",
        "",
        "poster",
        "agenda",
        "doelgroep=kinderen",
        "≥ 5",
    ]
    assert rows[-1] == ["totaal", "", "", "", "", "", "172", "14", "17", "< 5"]
    for table, first in {
        "providers": "aanbieder",
        "pages": "campagnepagina",
        "channels": "kanaal",
    }.items():
        rows = csv_of(reach_staff.get(reverse("admin:campaign_reach_csv", args=[table])))
        assert rows[0] == [first, "Bezoeken", "Reserveringen", "Personen", "Gekomen"]
    rows = csv_of(reach_staff.get(reverse("admin:campaign_reach_csv", args=["heard"])))
    assert rows[0] == ["over Week 3 gehoord via", "Reserveringen", "Personen"]
    assert rows[-1] == ["totaal", "14", "17"]
    assert reach_staff.get(reverse("admin:campaign_reach_csv", args=["other"])).status_code == 404


def test_the_csv_is_in_german_for_german_staff(reach_world):
    """The admin speaks Dutch; the same export in German has German headings and titles."""
    reach_world["a_poster"].activity.title_de = "Aktivität Anbieter A"
    reach_world["a_poster"].activity.save()
    with translation.override("de"):
        rows = list(csv_rows("links", reach.staff_reach(reach_world["edition"])["links"]))
    assert rows[0][:6] == ["Code", "Name", "erstellt von", "Kanal", "Art des Ziels", "führt zu"]
    assert rows[0][6:] == ["Besuche", "Reservierungen", "Personen", "Gekommen"]
    assert rows[-1][0] == "Gesamt"
    by_code = {row[0]: row for row in rows[1:]}
    assert by_code[reach_world["a_poster"].code][5] == "Aktivität Anbieter A"


def test_only_staff_with_the_right_see_the_reach_pages(client, reach_world):
    urls = [reverse("admin:campaign_reach"), reverse("admin:campaign_reach_csv", args=["links"])]
    for url in urls:
        assert client.get(url).status_code == 302  # anonymous: to the admin's login
    client.force_login(reach_world["a"]["user"])
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    staff = UserFactory(email="zonder-recht@example.org", is_staff=True)
    client.force_login(staff)
    for url in urls:
        assert client.get(url).status_code == 403
    staff.user_permissions.add(Permission.objects.get(codename="view_linkvisitday"))
    client.force_login(staff)
    for url in urls:
        assert client.get(url).status_code == 200


def test_the_admin_index_links_to_reach_for_staff_with_the_right(reach_staff):
    response = reach_staff.get(reverse("admin:index"))
    assert reverse("admin:campaign_reach") in response.content.decode()


# A constant number of queries.


def grow(world, count):
    """`count` more links for providers A and B, each with visits and a reservation."""
    session = SessionFactory(
        activity=world["a"]["activity"], venue=world["a"]["venue"], capacity=500
    )
    for number in range(count):
        provider = world["a" if number % 2 else "b"]["provider"]
        link = tracked_link_create(edition=world["edition"], channel="website", provider=provider)
        link_visits(link, number + 1, 2)
        reservation_through(link, session)


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_reach_pages_take_as_many_queries_for_many_links(client, reach_staff, reach_world):
    staff_url = reverse("admin:campaign_reach")
    provider_client = Client()
    provider_client.force_login(reach_world["a"]["user"])
    own_url = portal_url()
    before = queries(provider_client, own_url), queries(reach_staff, staff_url)
    grow(reach_world, 12)
    after = queries(provider_client, own_url), queries(reach_staff, staff_url)
    assert after == before
    assert before[0] <= 14
    assert before[1] <= 14
    for table in reach.TABLES:
        url = reverse("admin:campaign_reach_csv", args=[table])
        response = reach_staff.get(url)
        with CaptureQueriesContext(connection) as captured:
            b"".join(response.streaming_content)
        assert len(captured) <= 10
