"""Public listings show sessions that have not ended; feeds and open data keep the history."""

import datetime

import icalendar
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from agenda.services.reservations import reservation_cancel
from tests.factories import (
    THURSDAY,
    TUESDAY,
    WEDNESDAY,
    ReservationFactory,
    SessionFactory,
    local,
)

pytestmark = pytest.mark.django_db

# The agenda fixture: choir Tuesday 15–16, dance Wednesday 10–11, studio Thursday 14–17.
WEDNESDAY_NOON = local(WEDNESDAY, 12)
FRIDAY = THURSDAY + datetime.timedelta(days=1)


def english(obj):
    with translation.override("en"):
        return obj.get_absolute_url()


def titles(client, query=""):
    response = client.get(f"/agenda/?{query}")
    assert response.status_code == 200
    return [activity.title for activity in response.context["page"].object_list]


def test_the_agenda_leaves_out_sessions_that_have_ended(client, agenda):
    with time_machine.travel(WEDNESDAY_NOON):
        assert titles(client) == ["Open atelier"]
        assert titles(client, f"dag={TUESDAY}") == []


def test_a_session_under_way_is_still_listed(client, agenda):
    with time_machine.travel(local(TUESDAY, 15, 30)):
        assert "Kinderkoor De Merel zingt" in titles(client)


def test_cards_and_order_follow_the_next_session(client, agenda):
    choir = agenda["choir"]
    friday = SessionFactory(
        activity=choir,
        venue=choir.sessions.get().venue,
        starts_at=local(FRIDAY, 10),
        ends_at=local(FRIDAY, 11),
    )
    with time_machine.travel(WEDNESDAY_NOON):
        response = client.get("/agenda/")
    activities = list(response.context["page"].object_list)
    # Ordered by the first session still to come: the studio (Thursday) before the choir.
    assert [a.title for a in activities] == ["Open atelier", "Kinderkoor De Merel zingt"]
    assert [s.pk for s in activities[1].matching_sessions] == [friday.pk]


def test_the_provider_page_lists_only_activities_still_to_come(client, agenda):
    url = agenda["dance"].provider.get_absolute_url()
    assert "Dansen voor senioren" in client.get(url).content.decode()
    with time_machine.travel(WEDNESDAY_NOON):
        assert "Dansen voor senioren" not in client.get(url).content.decode()


def test_the_activity_page_greys_ended_sessions_without_a_reserve_link(client, agenda):
    choir = agenda["choir"]
    session = choir.sessions.get()
    later = SessionFactory(
        activity=choir, venue=session.venue, starts_at=local(FRIDAY, 10), ends_at=local(FRIDAY, 11)
    )
    with time_machine.travel(WEDNESDAY_NOON):
        html = client.get(english(choir)).content.decode()
    assert "session-past" in html
    assert "Over" in html
    assert f"/reserveren/{session.pk}/" not in html
    assert f"/reserveren/{later.pk}/" in html


def test_no_reserve_link_once_a_session_has_started(client, agenda):
    choir = agenda["choir"]
    session = choir.sessions.get()
    with time_machine.travel(local(TUESDAY, 15, 5)):
        html = client.get(english(choir)).content.decode()
    assert f"/reserveren/{session.pk}/" not in html
    assert "Under way" in html


def test_a_page_cached_before_a_session_ended_is_not_served_after(client, agenda, clock):
    clock.move_to(local(TUESDAY, 15, 50))
    assert "Kinderkoor" in client.get("/agenda/").content.decode()
    clock.move_to(local(TUESDAY, 16, 5))  # the choir has ended; no data changed
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/agenda/").content.decode()
    assert "Kinderkoor" not in html
    assert len(queries) > 1  # rendered again, not served from the cache
    # Within the same quarter hour the cached page is served (the fingerprint and the places).
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/agenda/").content.decode() == html
    assert len(queries) == 2


def test_calendar_feeds_keep_ended_sessions(client, agenda):
    choir_session = agenda["choir"].sessions.get()
    with time_machine.travel(WEDNESDAY_NOON):
        for url in ("/agenda.ics", "/agenda.ics?doelgroep=kinderen"):
            calendar = icalendar.Calendar.from_ical(client.get(url).content)
            uids = {str(event["UID"]) for event in calendar.walk("VEVENT")}
            assert f"session-{choir_session.pk}@week3.example.org" in uids, url


def test_open_data_keeps_ended_sessions(client, agenda):
    with time_machine.travel(WEDNESDAY_NOON):
        data = client.get("/api/v1/agenda.json").json()
    assert "kinderkoor-de-merel-zingt" in {item["slug"] for item in data["results"]}


# C2: "spots still free" means what the spots label says.


def test_spots_free_filter_leaves_out_places_kept_for_the_waiting_list(client, agenda):
    session = agenda["choir"].sessions.get()
    (first,) = session.reservations.all()  # the fixture's party of 2
    ReservationFactory(session=session, party_size=4)
    ReservationFactory(session=session, party_size=4)
    waiting = ReservationFactory(session=session, party_size=3)
    # Two places freed up, but a party of three waits for more: not free for a newcomer.
    reservation_cancel(reservation=first)
    session.refresh_from_db()
    assert (session.capacity, session.places_booked, session.places_waiting) == (10, 8, 3)
    assert titles(client, "plek=on") == ["Open atelier"]
    reservation_cancel(reservation=waiting)
    assert "Kinderkoor De Merel zingt" in titles(client, "plek=on")
