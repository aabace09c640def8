"""The open-data endpoint: shape, filters like the agenda, pagination, no personal data, CORS."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agenda.models import Activity
from providers.models import Provider
from tests.helpers import grow_agenda

pytestmark = pytest.mark.django_db

URL = "/api/v1/agenda.json"


def get(client, query="", **headers):
    response = client.get(f"{URL}?{query}", headers=headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def test_shape_of_an_activity(client, agenda):
    data = get(client)
    assert data["count"] == 3
    assert data["licence"] == "CC0-1.0"
    assert data["next"] is None and data["previous"] is None
    studio = next(item for item in data["results"] if item["slug"] == "open-atelier")
    assert studio["url"] == {
        "nl": "https://week3.example.org/activiteit/open-atelier/",
        "en": "https://week3.example.org/en/activiteit/open-atelier/",
        "de": "https://week3.example.org/de/activiteit/open-atelier/",
    }
    assert studio["provider"]["name"] == "Atelier Rood"
    assert studio["registration"] == "walk_in"
    assert studio["disciplines"][0]["slug"] == "beeldende-kunst"
    assert sorted(studio["languages"]) == ["de", "en"]
    assert [s["is_cancelled"] for s in studio["sessions"]] == [True, False]
    session = studio["sessions"][1]
    assert session["starts_at"].endswith("+01:00")
    assert session["ical"].startswith("https://week3.example.org/activiteit/open-atelier/")
    venue = session["venue"]
    assert venue["district"]["slug"] == "venlo-centrum"
    assert set(venue) >= {"street", "postcode", "city", "latitude", "longitude"}
    assert venue["wheelchair_accessible"] is True


def test_filters_like_the_agenda(client, agenda):
    for query in ("wijk=blerick", "doelgroep=kinderen&leeftijd=8", "plek=on", "q=atelier"):
        page = client.get(f"/agenda/?{query}")
        shown = [activity.slug for activity in page.context["page"].object_list]
        assert [item["slug"] for item in get(client, query)["results"]] == shown, query
    data = get(client, "wijk=nergens&leeftijd=oud")
    assert data["count"] == 3
    assert data["ignored_filters"] == ["leeftijd", "wijk"]


def test_pagination(client, agenda):
    first = get(client, "page_size=2")
    assert first["count"] == 3 and len(first["results"]) == 2
    assert first["next"] == "https://week3.example.org/api/v1/agenda.json?page_size=2&page=2"
    second = get(client, "page_size=2&page=2")
    assert len(second["results"]) == 1 and second["next"] is None
    assert second["previous"].endswith("page=1")
    assert get(client, "page_size=5000")["page_size"] == 100
    assert get(client, "page_size=zero&page=nonsense")["page_size"] == 50


def test_no_personal_data(client, agenda):
    Provider.objects.update(contact_name="Geheime Persoon", contact_email="geheim@example.org")
    body = client.get(URL).content.decode()
    assert "Geheime Persoon" not in body and "geheim@example.org" not in body
    assert "contact" not in body


def test_revalidation(client, agenda):
    first = client.get(URL)
    again = client.get(URL, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again["Access-Control-Allow-Origin"] == "*"
    Activity.objects.filter(pk=agenda["dance"].pk).update(title="Dansen!")
    agenda["dance"].save(update_fields=["updated_at"])
    changed = client.get(URL, headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200 and "Dansen!" in changed.content.decode()


def test_constant_number_of_queries_per_page(client, agenda):
    def count():
        from django.core.cache import cache

        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            get(client, "page_size=100")
        return len(queries)

    small = count()
    grow_agenda(60)
    assert count() == small <= 12
