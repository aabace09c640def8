"""A booking changes only what it must, and what the cache keeps goes out gzipped.

No page is rendered again for a booking, free places show within the fingerprint's time, and no
feed is rebuilt.
"""

import datetime
import gzip
import json
import logging
import time
import types
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from agenda import fingerprint, revalidation, rooms
from tests.factories import TUESDAY, ReservationFactory, local

pytestmark = pytest.mark.django_db


@pytest.fixture
def rendered(caplog):
    """The paths of the pages rendered (not served from the cache) from now on."""
    caplog.set_level(logging.DEBUG, logger="agenda.caching")

    def paths():
        return [r.getMessage() for r in caplog.records if r.name == "agenda.caching"]

    caplog.clear()
    return paths


@pytest.fixture
def seconds(settings, monkeypatch):
    """CONTENT_FINGERPRINT_TTL of 1 s, on a monotonic clock the test moves on."""
    settings.CONTENT_FINGERPRINT_TTL = 1
    now = [time.monotonic()]
    for module in (fingerprint, rooms):
        monkeypatch.setattr(module, "time", types.SimpleNamespace(monotonic=lambda: now[0]))
    monkeypatch.setattr(rooms, "_current", None)
    return now


def text(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_reservation_renders_no_page_again(client, agenda, rendered):
    choir = agenda["choir"]
    pages = [
        "/agenda/",
        "/de/agenda/?doelgroep=kinderen",
        choir.get_absolute_url(),
        agenda["dance"].get_absolute_url(),
        choir.provider.get_absolute_url(),
        "/",
    ]
    before = {page: text(client, page) for page in pages}
    assert len(rendered()) == len(pages)

    ReservationFactory(session=choir.sessions.get(), party_size=3)
    rendered_before = len(rendered())
    after = {page: text(client, page) for page in pages}
    assert rendered()[rendered_before:] == []  # every page came from the cache
    # Yet the pages that show the choir's session show its new places, and only those changed.
    assert "Nog 8 plekken" in before["/agenda/"]
    assert "Nog 5 plekken" in after["/agenda/"]
    assert "Noch 5 Plätze" in after["/de/agenda/?doelgroep=kinderen"]
    assert "Nog 5 plekken" in after[choir.get_absolute_url()]
    assert "Nog 5 plekken" in after[choir.provider.get_absolute_url()]
    assert after[agenda["dance"].get_absolute_url()] == before[agenda["dance"].get_absolute_url()]
    assert after["/"] == before["/"]


def test_a_session_that_fills_up_shows_full_within_the_fingerprints_time(client, agenda, seconds):
    choir = agenda["choir"]
    session = choir.sessions.get()
    assert "Nog 8 plekken" in text(client, "/agenda/")
    assert "Gratis reserveren" in text(client, choir.get_absolute_url())
    for party_size in (4, 4):
        ReservationFactory(session=session, party_size=party_size)
    seconds[0] += 1.1
    agenda_page, activity_page = text(client, "/agenda/"), text(client, choir.get_absolute_url())
    assert "Vol – wachtlijst" in agenda_page
    assert "Nog 8 plekken" not in agenda_page
    assert "Vol – wachtlijst" in activity_page
    assert "Vol – zet je op de wachtlijst" in activity_page  # the button says so too
    structured = activity_page.split('type="application/ld+json">')[1].split("</script>")[0]
    (event,) = json.loads(structured)
    assert event["offers"]["availability"] == "https://schema.org/SoldOut"


def test_the_free_spots_filter_follows_a_session_that_fills_up(client, agenda, seconds):
    assert "Kinderkoor" in text(client, "/agenda/?plek=on")
    for party_size in (4, 4):
        ReservationFactory(session=agenda["choir"].sessions.get(), party_size=party_size)
    seconds[0] += 1.1
    assert "Kinderkoor" not in text(client, "/agenda/?plek=on")


def test_a_booking_rebuilds_no_calendar_feed(client, agenda):
    first = client.get("/agenda.ics")
    ReservationFactory(session=agenda["choir"].sessions.get(), party_size=3)
    again = client.get("/agenda.ics", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304


def test_open_data_shows_the_places_as_they_are(client, agenda):
    first = client.get("/api/v1/agenda.json")
    ReservationFactory(session=agenda["choir"].sessions.get(), party_size=3)
    again = client.get("/api/v1/agenda.json", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 200
    (choir,) = [a for a in json.loads(again.content)["results"] if "Kinderkoor" in a["title"]]
    assert choir["sessions"][0]["spots_left"] == 5


@pytest.mark.parametrize("url", ["/agenda/", "/", "/agenda.ics", "/api/v1/agenda.json"])
def test_answers_leave_gzipped_when_the_client_takes_it(client, agenda, url):
    plain = client.get(url)
    packed = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content)


def test_forms_with_a_secret_are_not_compressed(client, agenda):
    session = agenda["choir"].sessions.get()
    url = f"{agenda['choir'].get_absolute_url()}reserveren/{session.pk}/"
    response = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "Content-Encoding" not in response


@pytest.mark.django_db(transaction=True)
def test_many_asking_at_once_for_a_page_not_in_the_cache_cost_one_rendering(
    live_server, agenda, rendered
):
    url = f"{live_server.url}/agenda/?doelgroep=kinderen"

    def fetch(_):
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read()

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(fetch, range(8)))
    assert {status for status, _ in answers} == {200}
    assert len({body for _, body in answers}) == 1
    assert rendered() == ["rendered /agenda/"]


def test_time_passing_renders_nothing_again_until_a_session_ends(client, agenda, rendered, clock):
    text(client, "/agenda/")
    # Past any quarter hour, within the hour the cache keeps a page; nothing ends a week before.
    clock.shift(datetime.timedelta(minutes=40))
    text(client, "/agenda/")
    assert rendered() == ["rendered /agenda/"]


def test_open_data_rebuilds_for_bookings_at_most_every_few_seconds(
    client, agenda, settings, monkeypatch
):
    settings.OPEN_DATA_PLACES_TTL = 30
    seconds = [time.monotonic()]
    monkeypatch.setattr(revalidation, "time", types.SimpleNamespace(monotonic=lambda: seconds[0]))
    monkeypatch.setitem(revalidation._places, "expires", 0.0)
    first = client.get("/api/v1/agenda.json")
    ReservationFactory(session=agenda["choir"].sessions.get(), party_size=3)
    assert (
        client.get("/api/v1/agenda.json", headers={"If-None-Match": first["ETag"]}).status_code
        == 304
    )
    seconds[0] += 31
    assert (
        client.get("/api/v1/agenda.json", headers={"If-None-Match": first["ETag"]}).status_code
        == 200
    )


def test_a_free_spots_calendar_feed_drops_a_session_that_fills_up(client, agenda, seconds):
    """`/agenda.ics?plek=on` is the subscribe link of a "free spots" agenda: which sessions it
    holds follows the places, as the page does (a booking that leaves room changes nothing)."""
    session = agenda["choir"].sessions.get()
    first = client.get("/agenda.ics?plek=on")
    assert b"Kinderkoor" in first.content
    assert "Last-Modified" not in first  # the content's date says nothing about places
    ReservationFactory(session=session, party_size=4)  # 6 of 10 booked: still room
    seconds[0] += 1.1
    same = client.get("/agenda.ics?plek=on", headers={"If-None-Match": first["ETag"]})
    assert same.status_code == 304
    ReservationFactory(session=session, party_size=4)  # 10 of 10: full
    seconds[0] += 1.1
    again = client.get("/agenda.ics?plek=on", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 200
    assert b"Kinderkoor" not in again.content
    # The plain feed keeps its session (and its date), places or not.
    assert b"Kinderkoor" in client.get("/agenda.ics").content
    assert "Last-Modified" in client.get("/agenda.ics")


def test_a_moved_session_shows_its_new_time_in_the_reserve_button(client, agenda, seconds):
    """A thread may read the new fingerprint before its process reads the places map again:
    the page is rendered anew, but its "Reserve" button (which names the session's time) is
    filled from the old map. Once the map is read again, that filled copy must not be served."""
    url = agenda["choir"].get_absolute_url()

    def button():
        return text(client, url).split('reserve-link"')[1].split("</a>")[0]

    assert "15:00–16:00" in button()
    session = agenda["choir"].sessions.get()
    session.starts_at, session.ends_at = local(TUESDAY, 18), local(TUESDAY, 19)
    session.save()
    fingerprint._recent.expires = 0  # this thread sees the edit; the process's map is older
    assert "18:00–19:00" in text(client, url)
    seconds[0] += 60
    assert "18:00–19:00" in button()
