"""Cached public pages are served from the cache, and never show stale content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from agenda.models import Audience, Session
from providers.models import Venue

pytestmark = pytest.mark.django_db


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_second_request_is_served_from_the_cache_with_one_query(client, agenda):
    url = agenda["choir"].get_absolute_url()
    first, cold = get(client, url)
    second, warm = get(client, url)
    assert second == first
    assert warm == 1 < cold


def test_every_kind_of_edit_reaches_the_agenda(client, agenda):
    choir = agenda["choir"]
    html, _ = get(client, "/agenda/")
    assert "Nog 8 plekken" in html

    # A booking changes only places_booked, through an UPDATE that skips auto_now.
    Session.objects.filter(activity=choir).update(places_booked=9)
    assert "Nog 1 plek" in get(client, "/agenda/")[0]

    venue = Venue.objects.get(name="Huis van de Wijk Blerick")
    venue.name = "Wijkhuis De Klingerberg"
    venue.save()
    assert "Wijkhuis De Klingerberg" in get(client, "/agenda/")[0]

    audience = Audience.objects.get(slug="kinderen")
    audience.name = "Kids"
    audience.save()
    assert "Kids" in get(client, "/agenda/")[0]

    choir.audiences.add(Audience.objects.get(slug="gezinnen"))
    assert "Gezinnen" in get(client, "/agenda/")[0]

    choir.delete()
    assert "Kinderkoor" not in get(client, "/agenda/")[0]


def test_languages_and_queries_are_cached_apart(client, agenda):
    dutch, _ = get(client, "/agenda/?doelgroep=kinderen")
    german, _ = get(client, "/de/agenda/?doelgroep=kinderen")
    everything, _ = get(client, "/agenda/")
    assert "1 gratis activiteit" in dutch
    assert "1 kostenlose Aktivität" in german
    assert "3 gratis activiteiten" in everything


def test_fingerprint_is_reused_for_a_moment_then_checked_again(client, agenda, settings):
    settings.CONTENT_FINGERPRINT_TTL = 1
    url = agenda["choir"].get_absolute_url()
    with freeze_time("2027-01-10 12:00:00") as clock:
        get(client, url)
        html, queries = get(client, url)
        assert queries == 0
        Session.objects.filter(activity=agenda["choir"]).update(places_booked=9)
        clock.tick(2)
        html, queries = get(client, url)
        assert "Nog 1 plek" in html
        assert queries >= 1
