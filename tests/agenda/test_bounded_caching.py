"""Junk in an address costs no build and no cache entry (abuse resistance).

Feeds and open data key their bodies on the parameters they read, spelt one way; a value that
is no filter makes no entry of its own; a body or page not in the cache is built once, however
many ask for it at the same moment.
"""

import json
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache

from agenda import feed_views, feeds
from agenda.compression import JUNK_TIMEOUT

pytestmark = pytest.mark.django_db


@pytest.fixture
def builds(monkeypatch):
    """Counts the calls of a module's function from now on: builds("feeds.provider_calendar")."""
    counts = {}

    def count(module, name):
        original = getattr(module, name)

        def counted(*args, **kwargs):
            counts[name] = counts.get(name, 0) + 1
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)
        return lambda: counts.get(name, 0)

    return count


def entries() -> int:
    """How many entries the (local memory) cache of the tests holds for longer than a junk
    page's few seconds (JUNK_TIMEOUT)."""
    lasting = time.time() + JUNK_TIMEOUT + 1
    return sum(1 for key in cache._cache if cache._expire_info.get(key, lasting) > lasting)


def test_junk_parameters_on_the_agenda_feed_cost_one_build(client, agenda, builds):
    built = builds(feeds, "selection_calendar")
    bodies = {client.get(f"/agenda.ics?x={n}").content for n in range(200)}
    assert built() == 1
    assert len(bodies) == 1


def test_values_that_are_no_filter_share_the_unfiltered_feed(client, agenda, builds):
    built = builds(feeds, "selection_calendar")
    plain = client.get("/agenda.ics")
    for n in range(20):
        junk = client.get(f"/agenda.ics?wijk=nergens-{n}&leeftijd=oud{n}&dag=gisteren")
        assert junk.content == plain.content
    assert built() == 1


def test_a_filter_spelt_another_way_is_the_same_feed(client, agenda, builds):
    built = builds(feeds, "selection_calendar")
    one = client.get("/agenda.ics?wijk=blerick&leeftijd=8")
    for query in (
        "leeftijd=08&wijk=blerick",
        "wijk=blerick&wijk=blerick&leeftijd=+8+",
        "x=1&leeftijd=8&wijk=blerick",
    ):
        assert client.get(f"/agenda.ics?{query}").content == one.content
    assert built() == 1


def test_junk_parameters_on_provider_and_activity_feeds_cost_one_build(client, agenda, builds):
    provider_built = builds(feeds, "provider_calendar")
    activity_built = builds(feeds, "activity_calendar")
    provider_url = f"/aanbieder/{agenda['choir'].provider.slug}.ics"
    activity_url = f"/activiteit/{agenda['choir'].slug}.ics"
    for n in range(50):
        assert client.get(f"{provider_url}?x={n}").status_code == 200
        assert client.get(f"{activity_url}?utm_source={n}").status_code == 200
    assert (provider_built(), activity_built()) == (1, 1)


def test_junk_parameters_on_open_data_cost_one_build(client, agenda, builds):
    built = builds(feed_views, "agenda_page")
    for n in range(100):
        answer = client.get(f"/api/v1/agenda.json?x={n}&page_size=50&page=1&wijk=nergens{n}")
        assert json.loads(answer.content)["ignored_filters"] == ["wijk"]
    assert built() == 1


def test_open_data_pages_beyond_the_last_make_no_lasting_entry(client, agenda, builds):
    built = builds(feed_views, "agenda_page")
    client.get("/api/v1/agenda.json?page=99999")
    before = entries()
    for n in range(10):
        answer = json.loads(client.get(f"/api/v1/agenda.json?page={100000 + n}").content)
        assert answer["page"] == 1
    assert entries() == before
    assert built() == 11


def test_agenda_pages_with_values_that_are_no_filter_make_no_lasting_entry(client, agenda):
    client.get("/agenda/?wijk=nergens")
    before = entries()
    for n in range(10):
        page = client.get(f"/agenda/?wijk=nergens{n}&page=abc{n}&leeftijd=0{n}")
        assert page.status_code == 200
        assert "We konden een deel van je zoekopdracht niet gebruiken" in page.content.decode()
    for n in range(10):
        assert client.get(f"/agenda/?page={99999 + n}").status_code == 200
    assert entries() == before


def test_an_agenda_page_in_its_one_spelling_is_kept(client, agenda):
    client.get("/agenda/?leeftijd=8")
    before = entries()
    client.get("/agenda/?leeftijd=9")
    assert entries() > before


def test_an_unfilled_page_shows_the_places_not_their_markers(client, agenda):
    junk = client.get("/agenda/?wijk=nergens").content.decode()
    kept = client.get("/agenda/").content.decode()
    assert "<!--w3a" not in junk
    spots = [part.split("</span>")[0] for part in junk.split('<span class="spots')[1:]]
    assert spots
    assert spots == [part.split("</span>")[0] for part in kept.split('<span class="spots')[1:]]


@pytest.mark.django_db(transaction=True)
def test_many_asking_at_once_for_a_feed_not_in_the_cache_cost_one_build(
    live_server, agenda, builds
):
    built = builds(feeds, "selection_calendar")

    def fetch(n):
        url = f"{live_server.url}/agenda.ics?junk={n}"
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read()

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(fetch, range(8)))
    assert {status for status, _ in answers} == {200}
    assert len({body for _, body in answers}) == 1
    assert built() == 1


@pytest.mark.django_db(transaction=True)
def test_many_asking_at_once_for_a_junk_page_cost_one_rendering(live_server, agenda, caplog):
    caplog.set_level("DEBUG", logger="agenda.caching")
    url = f"{live_server.url}/agenda/?page=99999"

    def fetch(_):
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read()

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(fetch, range(8)))
    assert {status for status, _ in answers} == {200}
    rendered = [r.getMessage() for r in caplog.records if r.name == "agenda.caching"]
    assert rendered == ["rendered /agenda/ (not kept)"]
