"""Conditional GET of feeds and open data (agenda.revalidation): gzip only to clients that take
it, validators that tell the two bodies apart (RFC 9110), and a Last-Modified that never hides a
change."""

import datetime

import icalendar
import pytest

from agenda import revalidation
from agenda.models import Session
from agenda.services.sessions import session_remove, session_save
from tests.factories import EDITION_START, TUESDAY, local

pytestmark = pytest.mark.django_db

URLS = ["/agenda.ics", "/api/v1/agenda.json"]


def uids(body: bytes) -> set[str]:
    return {str(event["UID"]) for event in icalendar.Calendar.from_ical(body).walk("VEVENT")}


@pytest.mark.parametrize("url", [*URLS, "/agenda/"])
@pytest.mark.parametrize("refusal", ["gzip;q=0", "gzip;q=0, identity", "br, gzip;q=0.0", "*;q=0"])
def test_a_client_that_refuses_gzip_gets_no_gzip(client, agenda, url, refusal):
    # A weight of 0 means "not acceptable" (RFC 9110, 12.5.3).
    response = client.get(url, headers={"Accept-Encoding": refusal})
    assert response.status_code == 200
    assert "Content-Encoding" not in response, refusal


@pytest.mark.parametrize("accepted", ["gzip", "GZIP", "br;q=1, gzip;q=0.5", "*", "identity, *"])
def test_a_client_that_takes_gzip_gets_gzip(client, agenda, accepted):
    response = client.get("/agenda.ics", headers={"Accept-Encoding": accepted})
    assert response["Content-Encoding"] == "gzip", accepted


@pytest.mark.parametrize("url", URLS)
def test_gzip_and_plain_bodies_have_etags_of_their_own(client, agenda, url):
    # "A strong entity tag for a content-encoded representation has to be distinct from the
    # entity tag of an unencoded representation" (RFC 9110, 8.8.3).
    plain = client.get(url)
    packed = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert packed["Content-Encoding"] == "gzip" and "Content-Encoding" not in plain
    assert plain["ETag"] != packed["ETag"]
    # Each ETag revalidates its own representation only.
    assert client.get(url, headers={"If-None-Match": plain["ETag"]}).status_code == 304
    mixed = client.get(url, headers={"If-None-Match": packed["ETag"]})
    assert mixed.status_code == 200 and "Content-Encoding" not in mixed


@pytest.mark.parametrize("url", URLS)
def test_a_304_names_the_vary_of_its_200(client, agenda, url):
    # A 304 carries the Vary a 200 to the same request would have (RFC 9110, 15.4.5).
    first = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert "Accept-Encoding" in first["Vary"]
    again = client.get(url, headers={"Accept-Encoding": "gzip", "If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert "Accept-Encoding" in again.get("Vary", "")


def test_a_session_added_and_removed_again_is_not_hidden_by_if_modified_since(
    client, agenda, clock
):
    """Staff add a session by mistake and remove it a few minutes later: a calendar that
    fetched the feed in between, revalidating with If-Modified-Since, learns it is gone."""
    url = "/agenda.ics"
    client.get(url)
    choir = agenda["choir"]
    clock.shift(datetime.timedelta(minutes=2))
    extra = session_save(
        session=Session(
            activity=choir,
            venue=choir.sessions.get().venue,
            starts_at=local(TUESDAY, 18),
            ends_at=local(TUESDAY, 19),
            capacity=10,
        )
    )
    with_extra = client.get(url)
    assert f"session-{extra.pk}@week3.example.org" in uids(with_extra.content)

    clock.shift(datetime.timedelta(minutes=2))
    session_remove(session=extra)
    now = client.get(url)
    assert f"session-{extra.pk}@week3.example.org" not in uids(now.content)
    assert now["Last-Modified"] != with_extra["Last-Modified"]

    again = client.get(url, headers={"If-Modified-Since": with_extra["Last-Modified"]})
    assert again.status_code == 200


def test_a_process_behind_by_its_fingerprint_ttl_does_not_move_the_date(monkeypatch, clock):
    """A process may use the fingerprint it read before a change for up to its TTL: asking for
    that older version then is no return of it, and must not date it (and then the newer one)
    anew on every request."""
    fingerprint = {"value": "before"}
    monkeypatch.setattr(revalidation, "content_fingerprint", lambda: fingerprint["value"])
    before = revalidation.content_born()
    clock.shift(datetime.timedelta(minutes=2))
    fingerprint["value"] = "after"
    after = revalidation.content_born()
    assert after > before

    fingerprint["value"] = "before"  # a process that has not read the fingerprint again yet
    assert revalidation.content_born() == before
    fingerprint["value"] = "after"
    assert revalidation.content_born() == after

    clock.shift(datetime.timedelta(seconds=5))
    fingerprint["value"] = "before"  # read again after the TTL: the change was undone
    assert revalidation.content_born() > after


def test_a_feed_for_tomorrow_is_not_304_the_next_day(client, agenda, clock):
    """`q=morgen` ("tomorrow") is the day after today: past midnight the same address holds
    other sessions, so If-Modified-Since gets them."""
    url = "/agenda.ics?q=morgen"
    clock.move_to(local(EDITION_START, 23, 50))  # Monday night: tomorrow is Tuesday
    monday = client.get(url)
    clock.move_to(local(TUESDAY, 0, 10))  # twenty minutes later: tomorrow is Wednesday
    tuesday = client.get(url)
    assert uids(tuesday.content) != uids(monday.content)

    again = client.get(url, headers={"If-Modified-Since": monday["Last-Modified"]})
    assert again.status_code == 200
    # The rest of the day, nothing changed: 304.
    later = client.get(url, headers={"If-Modified-Since": tuesday["Last-Modified"]})
    assert later.status_code == 304


def test_open_data_revalidates_by_etag_and_sends_no_last_modified(client, agenda):
    # As docs/open-data.md says: a booking changes the places, not the agenda's date.
    first = client.get("/api/v1/agenda.json")
    assert "Last-Modified" not in first
    again = client.get("/api/v1/agenda.json", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
