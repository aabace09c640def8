"""Cached public pages are served from the cache, and never show stale content."""

import threading
import time
import types

import pytest
from django.db import connection, transaction
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from agenda import fingerprint, rooms
from agenda.caching import normalised_query
from agenda.models import Activity, Audience
from providers.models import Venue
from tests.factories import ReservationFactory

pytestmark = pytest.mark.django_db

# A cached page that shows sessions costs the content fingerprint and the free places: two
# small queries, when (as in the tests) neither is reused for CONTENT_FINGERPRINT_TTL.
CACHED_PAGE_QUERIES = 2


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_second_request_is_served_from_the_cache(client, agenda):
    url = agenda["choir"].get_absolute_url()
    first, cold = get(client, url)
    second, warm = get(client, url)
    assert second == first
    assert warm == CACHED_PAGE_QUERIES < cold
    # A page without sessions (the home page) needs the fingerprint only.
    get(client, "/")
    assert get(client, "/")[1] == 1


def test_every_kind_of_edit_reaches_the_agenda(client, agenda):
    choir = agenda["choir"]
    html, _ = get(client, "/agenda/")
    assert "Nog 8 plekken" in html

    # A booking changes only the session's counters, through an UPDATE that skips auto_now.
    for party_size in (4, 3):
        ReservationFactory(session=choir.sessions.get(), party_size=party_size)
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


@pytest.fixture
def seconds(settings, monkeypatch):
    """CONTENT_FINGERPRINT_TTL of 1 s on a monotonic clock the test moves on (the tests' own
    clock leaves the monotonic one alone)."""
    settings.CONTENT_FINGERPRINT_TTL = 1
    now = [time.monotonic()]
    for module in (fingerprint, rooms):
        monkeypatch.setattr(module, "time", types.SimpleNamespace(monotonic=lambda: now[0]))
    monkeypatch.setattr(rooms, "_current", None)
    return now


def test_fingerprint_is_reused_for_a_moment_then_checked_again(client, agenda, seconds):
    url = agenda["choir"].get_absolute_url()
    get(client, url)
    html, queries = get(client, url)
    assert queries == 0
    for party_size in (4, 3):
        ReservationFactory(session=agenda["choir"].sessions.get(), party_size=party_size)
    assert "Nog 8 plekken" in get(client, url)[0]  # within the second: as it was
    seconds[0] += 2
    html, queries = get(client, url)
    assert "Nog 1 plek" in html
    assert queries >= 1


def test_unknown_query_parameters_share_the_cache_entry_and_leave_no_trace(client, agenda):
    html, cold = get(client, "/agenda/?doelgroep=kinderen")
    for junk in ("utm_source=poster", "x=1&y=2", "doelgroep=kinderen&nonsense=abc"):
        query = f"{junk}&doelgroep=kinderen" if "doelgroep" not in junk else junk
        cached, queries = get(client, f"/agenda/?{query}")
        assert queries == CACHED_PAGE_QUERIES < cold, query  # no new entry
        assert cached == html
    assert "utm_source" not in html and "nonsense" not in html
    # Parameters the page does read, in any order, with empty ones left out.
    first, _ = get(client, "/agenda/?wijk=blerick&doelgroep=kinderen&q=")
    second, queries = get(client, "/agenda/?q=&doelgroep=kinderen&wijk=blerick")
    assert (second, queries) == (first, CACHED_PAGE_QUERIES)


def test_the_page_renders_from_the_parameters_it_knows_only(client, agenda):
    """A page cached for one address is right for every address with the same key."""
    html, _ = get(client, "/agenda/?utm_source=poster&doelgroep=kinderen")
    assert "utm_source" not in html  # language links, share links, filter chips
    assert "doelgroep=kinderen" in html
    activity, _ = get(client, f"{agenda['choir'].get_absolute_url()}?fbclid=abc")
    assert "fbclid" not in activity
    cached, queries = get(client, agenda["choir"].get_absolute_url())
    assert (cached, queries) == (activity, CACHED_PAGE_QUERIES)


def test_repeated_values_are_sorted_once_each():
    query = QueryDict("wijk=b&x=1&doelgroep=z&wijk=a&page=2&doelgroep=&wijk=b&wijk=%20a%20")
    assert normalised_query(query, ["page", "wijk", "doelgroep"]).urlencode() == (
        "doelgroep=z&page=2&wijk=a&wijk=b"
    )


@pytest.mark.django_db(transaction=True)
def test_an_edit_committed_after_a_later_one_still_reaches_the_agenda(client, agenda):
    """`updated_at` is set when a row is saved, not when it is committed: an edit saved first
    and committed after another (a provider's form with photos, a moderator's batch) brings an
    older `updated_at` than the table already shows. The page must follow it all the same."""
    assert "Kinderkoor De Merel zingt" in get(client, "/agenda/")[0]
    saved, release = threading.Event(), threading.Event()

    def slow_edit():
        try:
            with transaction.atomic():
                choir = Activity.objects.get(pk=agenda["choir"].pk)
                choir.title = "Jeugdkoor De Merel zingt"
                choir.save()  # not committed yet
                saved.set()
                release.wait(10)
        finally:
            connection.close()

    thread = threading.Thread(target=slow_edit)
    thread.start()
    assert saved.wait(10)
    dance = Activity.objects.get(pk=agenda["dance"].pk)
    dance.title = "Dansen voor 60-plussers"
    dance.save()  # saved later, committed first
    assert "Dansen voor 60-plussers" in get(client, "/agenda/")[0]
    release.set()
    thread.join(10)
    assert "Jeugdkoor De Merel zingt" in get(client, "/agenda/")[0]
