"""Calendar feeds: valid iCalendar for two parsers, stable UIDs, DST, SEQUENCE, filters, 304."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agenda.ical import calendar_for_sessions, session_ics
from agenda.models import Session
from providers.models import Provider
from tests.factories import (
    NOW,
    TUESDAY,
    WEDNESDAY,
    ActivityFactory,
    EditionFactory,
    SessionFactory,
    VenueFactory,
    local,
)

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def feed_urls(agenda):
    choir = agenda["choir"]
    session = choir.sessions.get()
    return [
        "/agenda.ics",
        "/en/agenda.ics",
        "/de/agenda.ics?wijk=blerick&doelgroep=kinderen",
        f"/aanbieder/{choir.provider.slug}.ics",
        f"/activiteit/{agenda['studio'].slug}.ics",
        f"/activiteit/{choir.slug}/{session.pk}.ics",
    ]


def fetch(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response


def events(body: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(body)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def assert_valid_icalendar(body: bytes):
    # RFC 5545 3.1: lines of at most 75 octets, each ended by CRLF.
    assert body.endswith(b"\r\n")
    for line in body.split(b"\r\n")[:-1]:
        assert len(line) <= 75, line
        assert b"\n" not in line and b"\r" not in line

    calendar = icalendar.Calendar.from_ical(body)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    assert calendar["X-WR-CALNAME"] == calendar["NAME"]
    assert str(calendar["REFRESH-INTERVAL"].to_ical(), "ascii") == "PT1H"
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT1H" in body.decode()
    assert "X-PUBLISHED-TTL:PT1H" in body.decode()
    defined = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
    used = set()
    for event in calendar.walk("VEVENT"):
        for name in ("UID", "DTSTAMP", "SEQUENCE", "LAST-MODIFIED", "SUMMARY", "DESCRIPTION"):
            assert name in event, name
        for name in ("DTSTART", "DTEND"):
            used.add(event[name].params["TZID"])
        assert event["LOCATION"]
        assert str(event["URL"]).startswith("https://week3.example.org/")
        assert str(event["URL"]) in str(event["DESCRIPTION"])
    assert used == {"Europe/Amsterdam"}
    assert used <= defined

    # A second, independent parser must read the same events.
    parsed = vobject.readOne(body.decode())
    assert {str(e.uid.value) for e in parsed.vevent_list} == set(events(body))
    for event in parsed.vevent_list:
        assert event.dtstart.value.tzinfo is not None


def test_every_feed_is_valid_for_two_parsers(client, agenda):
    for url in feed_urls(agenda):
        body = fetch(client, url).content
        assert_valid_icalendar(body)
        assert events(body), url


def test_uids_are_stable_between_requests(client, agenda):
    for url in feed_urls(agenda):
        first = fetch(client, url).content
        cache.clear()  # build the feed again instead of serving the cached body
        second = fetch(client, url).content
        assert set(events(first)) == set(events(second))
        assert second == first


def test_whole_feed_holds_every_public_session_and_nothing_hidden(client, agenda):
    body = fetch(client, "/agenda.ics").content
    public = Session.objects.filter(activity__in=[agenda[k] for k in ("choir", "dance", "studio")])
    assert set(events(body)) == {f"session-{s.pk}@week3.example.org" for s in public}
    assert "Verborgen" not in body.decode()


def test_summer_and_winter_evenings_land_on_the_right_utc_instants(db, reference_data):
    summer = SessionFactory(
        activity=ActivityFactory(edition=EditionFactory(year=2027)),
        starts_at=datetime.datetime(2027, 7, 13, 19, 30, tzinfo=ZoneInfo("Europe/Amsterdam")),
        ends_at=datetime.datetime(2027, 7, 13, 21, 0, tzinfo=ZoneInfo("Europe/Amsterdam")),
    )
    winter = SessionFactory(
        activity=ActivityFactory(edition=EditionFactory(year=2028)),
        starts_at=datetime.datetime(2028, 1, 18, 19, 30, tzinfo=ZoneInfo("Europe/Amsterdam")),
        ends_at=datetime.datetime(2028, 1, 18, 21, 0, tzinfo=ZoneInfo("Europe/Amsterdam")),
    )
    sessions = Session.objects.select_related("activity__provider", "venue__district")
    body = calendar_for_sessions(sessions.order_by("starts_at"), name="DST").to_ical()
    assert_valid_icalendar(body)
    text = body.decode()
    assert "DTSTART;TZID=Europe/Amsterdam:20270713T193000" in text
    assert "DTSTART;TZID=Europe/Amsterdam:20280118T193000" in text

    expected = {
        summer.pk: datetime.datetime(2027, 7, 13, 17, 30, tzinfo=UTC),
        winter.pk: datetime.datetime(2028, 1, 18, 18, 30, tzinfo=UTC),
    }
    for uid, event in events(body).items():
        pk = int(uid.split("@")[0].removeprefix("session-"))
        assert event.decoded("DTSTART").astimezone(UTC) == expected[pk]
    # vobject resolves the TZID against the VTIMEZONE in the file, not against its own database.
    for event in vobject.readOne(text).vevent_list:
        pk = int(event.uid.value.split("@")[0].removeprefix("session-"))
        assert event.dtstart.value.astimezone(UTC) == expected[pk]


def test_editing_a_session_raises_its_sequence(client, agenda, clock):
    session = agenda["choir"].sessions.get()
    uid = f"session-{session.pk}@week3.example.org"
    before = int(events(fetch(client, "/agenda.ics").content)[uid]["SEQUENCE"])

    clock.shift(datetime.timedelta(minutes=5))
    session.starts_at += datetime.timedelta(minutes=30)
    session.ends_at += datetime.timedelta(minutes=30)
    session.save()
    after = events(fetch(client, "/agenda.ics").content)[uid]
    assert int(after["SEQUENCE"]) > before
    assert after.decoded("DTSTART") == local(TUESDAY, 15, 30)

    # Editing the activity (its title) raises the sequence of each of its sessions too.
    clock.shift(datetime.timedelta(minutes=5))
    agenda["choir"].title = "Kinderkoor De Merel"
    agenda["choir"].save()
    edited = events(fetch(client, "/agenda.ics").content)[uid]
    assert int(edited["SEQUENCE"]) > int(after["SEQUENCE"])
    assert str(edited["SUMMARY"]) == "Kinderkoor De Merel"
    assert edited["LAST-MODIFIED"].dt > after["LAST-MODIFIED"].dt


def test_cancelling_keeps_the_session_in_every_feed_marked_cancelled(client, agenda, clock):
    session = agenda["choir"].sessions.get()
    uid = f"session-{session.pk}@week3.example.org"
    urls = [
        "/agenda.ics",
        "/agenda.ics?wijk=blerick",
        f"/activiteit/{agenda['choir'].slug}.ics",
        f"/aanbieder/{agenda['choir'].provider.slug}.ics",
    ]
    before = {url: events(fetch(client, url).content)[uid] for url in urls}
    assert all(str(event["STATUS"]) == "CONFIRMED" for event in before.values())

    clock.shift(datetime.timedelta(minutes=5))
    session.is_cancelled = True
    session.save()
    for url in urls:
        event = events(fetch(client, url).content)[uid]
        assert str(event["STATUS"]) == "CANCELLED"
        assert int(event["SEQUENCE"]) > int(before[url]["SEQUENCE"])


def page_sessions(client, query: str) -> set[int]:
    """Every session the agenda page shows for this query, over all its pages."""
    shown, number = set(), 1
    while True:
        separator = "&" if query else ""
        response = client.get(f"/agenda/?{query}{separator}page={number}")
        page = response.context["page"]
        for activity in page.object_list:
            shown.update(session.pk for session in activity.matching_sessions)
        if not page.has_next():
            return shown
        number += 1


@pytest.mark.parametrize(
    "query",
    [
        "",
        "wijk=blerick",
        f"dag={WEDNESDAY.isoformat()}",
        f"dag={WEDNESDAY.isoformat()}&wijk=blerick",
        "doelgroep=kinderen&leeftijd=8",
        "rolstoel=on&plek=on",
        "q=atelier",
        "taal=en&zonder_nederlands=on",
        "inschrijving=walk_in&soort=artist",
        "wijk=nergens&dag=gisteren&leeftijd=oud&plek=misschien",
    ],
)
def test_a_filtered_feed_holds_exactly_the_sessions_of_the_filtered_page(
    client, agenda, settings, query
):
    settings.AGENDA_PAGE_SIZE = 1  # the feed holds every page, not only the first
    extra = SessionFactory(
        activity=agenda["studio"],
        venue=agenda["choir"].sessions.get().venue,
        starts_at=local(WEDNESDAY, 19),
        ends_at=local(WEDNESDAY, 20),
    )
    assert extra.pk
    body = fetch(client, f"/agenda.ics?{query}").content
    feed = events(body)
    active = {
        int(uid.split("@")[0].removeprefix("session-"))
        for uid, event in feed.items()
        if str(event["STATUS"]) != "CANCELLED"
    }
    assert active == page_sessions(client, query)
    cancelled = {uid for uid, event in feed.items() if str(event["STATUS"]) == "CANCELLED"}
    assert all(Session.objects.get(pk=uid[8:].split("@")[0]).is_cancelled for uid in cancelled)


def test_filtered_feed_keeps_a_matching_cancelled_session(client, agenda):
    cancelled = agenda["studio"].sessions.get(is_cancelled=True)
    feed = events(fetch(client, f"/agenda.ics?dag={WEDNESDAY.isoformat()}&wijk=blerick").content)
    assert str(feed[f"session-{cancelled.pk}@week3.example.org"]["STATUS"]) == "CANCELLED"
    other_day = events(fetch(client, f"/agenda.ics?dag={TUESDAY.isoformat()}").content)
    assert f"session-{cancelled.pk}@week3.example.org" not in other_day


def test_revalidation_answers_304_until_something_changes(client, agenda, clock):
    url = f"/activiteit/{agenda['choir'].slug}.ics"
    first = fetch(client, url)
    etag, modified = first["ETag"], first["Last-Modified"]

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert len(queries) <= 2  # the fingerprint, never the feed
    assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 304

    session = agenda["choir"].sessions.get()
    session.capacity = 30
    clock.shift(datetime.timedelta(minutes=5))
    session.save()
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 200
    assert again["ETag"] != etag
    assert again.content != first.content
    assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 200
    assert client.get(url, headers={"If-None-Match": again["ETag"]}).status_code == 304


def test_a_deleted_session_changes_the_validators(client, agenda):
    url = "/agenda.ics"
    first = fetch(client, url)
    agenda["studio"].sessions.filter(is_cancelled=True).delete()
    second = client.get(
        url, headers={"If-None-Match": first["ETag"], "If-Modified-Since": first["Last-Modified"]}
    )
    assert second.status_code == 200
    assert client.get(url, headers={"If-Modified-Since": first["Last-Modified"]}).status_code == 200


def test_languages_get_their_own_validators_and_links(client, agenda):
    dutch = fetch(client, "/agenda.ics")
    english = fetch(client, "/en/agenda.ics")
    assert dutch["ETag"] != english["ETag"]
    assert "https://week3.example.org/en/activiteit/" in english.content.decode()
    assert "https://week3.example.org/activiteit/" in dutch.content.decode()


def test_session_download_is_an_attachment(client, agenda):
    session = agenda["choir"].sessions.get()
    response = fetch(client, f"/activiteit/{agenda['choir'].slug}/{session.pk}.ics")
    assert response["Content-Disposition"] == (
        f'attachment; filename="week3-{agenda["choir"].slug}-{session.pk}.ics"'
    )
    assert len(events(response.content)) == 1
    # And from the body cache, still an attachment.
    assert fetch(client, f"/activiteit/{agenda['choir'].slug}/{session.pk}.ics")[
        "Content-Disposition"
    ].startswith("attachment;")


def test_session_ics_for_mail_attachments(agenda):
    session = Session.objects.select_related("activity__provider", "venue__district").get(
        activity=agenda["choir"]
    )
    body = session_ics(session)
    assert_valid_icalendar(body)
    event = events(body)[f"session-{session.pk}@week3.example.org"]
    assert str(event["SUMMARY"]) == "Kinderkoor De Merel zingt"
    assert "Kloosterstraat 1, 5921 AA Venlo" in str(event["LOCATION"])
    assert [str(c) for c in event["CATEGORIES"].cats] == ["Zang en koor"]


def test_geo_only_when_the_venue_has_coordinates(agenda):
    session = agenda["choir"].sessions.get()
    session.venue.latitude, session.venue.longitude = 51.3703, 6.1724
    session.venue.save()
    session = Session.objects.select_related("activity__provider", "venue__district").get(
        pk=session.pk
    )
    event = events(session_ics(session))[f"session-{session.pk}@week3.example.org"]
    assert (event["GEO"].latitude, event["GEO"].longitude) == (51.3703, 6.1724)
    other = Session.objects.select_related("activity__provider", "venue__district").get(
        activity=agenda["dance"]
    )
    assert "GEO" not in events(session_ics(other))[f"session-{other.pk}@week3.example.org"]


@pytest.mark.parametrize(
    "url",
    [
        "/aanbieder/bestaat-niet.ics",
        "/activiteit/bestaat-niet.ics",
        "/activiteit/verborgen-draft.ics",
        "/activiteit/verborgen-nieuwe-aanbieder.ics",
        "/aanbieder/nog-niet-goedgekeurd.ics",
    ],
)
def test_unknown_or_hidden_things_are_404(client, agenda, url):
    assert client.get(url).status_code == 404


def test_a_session_of_another_activity_is_404(client, agenda):
    other = agenda["dance"].sessions.get()
    assert client.get(f"/activiteit/{agenda['choir'].slug}/{other.pk}.ics").status_code == 404
    assert client.get(f"/activiteit/{agenda['choir'].slug}/999999.ics").status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "dag=2027-02-30",
        "leeftijd=-4",
        "leeftijd=99999999999999999999",
        "q=" + "x" * 500,
        "doelgroep=kinderen&doelgroep=%27%3B--",
        "page=abc",
        "inschrijving=alles&rolstoel=ja&taal=xx",
    ],
)
def test_nonsense_filters_never_break_the_feed(client, agenda, query):
    assert_valid_icalendar(fetch(client, f"/agenda.ics?{query}").content)


def test_no_personal_data_in_any_feed(client, agenda):
    Provider.objects.update(contact_name="Geheime Persoon", contact_email="geheim@example.org")
    for url in feed_urls(agenda):
        body = fetch(client, url).content.decode()
        assert "Geheime Persoon" not in body
        assert "geheim@example.org" not in body


def test_the_full_feed_costs_the_same_queries_at_any_size(client, agenda):
    def queries():
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            fetch(client, "/agenda.ics")
        return len(captured)

    small = queries()
    venue = VenueFactory()
    for _ in range(20):
        SessionFactory(activity=ActivityFactory(edition=agenda["edition"]), venue=venue)
    assert queries() == small


def test_last_modified_is_an_http_date(client, agenda, clock):
    clock.move_to(NOW, tick=False)  # 10:00 in Venlo is 9:00 GMT
    assert fetch(client, "/agenda.ics")["Last-Modified"] == "Mon, 11 Jan 2027 09:00:00 GMT"
