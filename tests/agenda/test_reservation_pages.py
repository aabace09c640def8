"""The reservation form and the resident's own page: booking, the waiting list, cancelling."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from agenda.models import Channel, Reservation
from agenda.services.errors import ReservationError
from agenda.services.reservations import reservation_cancel
from agenda.services.sessions import session_save
from providers.models import District
from tests.factories import ActivityFactory, SessionFactory, reserve
from tests.helpers import assert_counters_match, form_data, form_url

pytestmark = pytest.mark.django_db

Confirmed = Reservation.State.CONFIRMED


def english(obj):
    """The English address of an activity, or of a reservation's own page."""
    with translation.override("en"):
        return obj.personal_path() if isinstance(obj, Reservation) else obj.get_absolute_url()


def test_activity_page_links_to_the_form_without_a_csrf_token(client, agenda):
    choir, dance, studio = agenda["choir"], agenda["dance"], agenda["studio"]
    html = client.get(english(choir)).content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert "Reserve for free" in html
    assert form_url(choir.sessions.get(), "en") in html
    html = client.get(english(dance)).content.decode()
    assert "Full – join the waiting list" in html
    assert "Full – waiting list" in html
    html = client.get(english(studio)).content.decode()
    assert "/reserveren/" not in html
    assert "Walk-in" in html


def test_reserving_from_the_form_confirms_and_mails_in_the_residents_language(
    client, session, django_capture_on_commit_callbacks
):
    channel = Channel.objects.get(slug="sociale-media")
    page = client.get(form_url(session, "en"))
    assert page.status_code == 200
    assert 'name="website"' in page.content.decode()
    assert reverse("agenda:privacy") in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            form_url(session, "en"),
            form_data(1, party_size="2", postcode="5911 ab", channel=channel.pk, age_bracket="65+"),
        )
    reservation = Reservation.objects.get()
    assert response.status_code == 302
    assert response["Location"].startswith(f"/en/reservering/{reservation.token}/")
    assert reservation.language == "en"
    assert reservation.party_size == 2
    assert reservation.postcode == "5911AB"
    assert reservation.district == District.objects.get(slug="venlo-centrum")
    assert reservation.channel == channel
    assert not reservation.consent_contact and not reservation.consent_followup

    (message,) = mail.outbox
    assert message.to == ["bewoner1@example.org"]
    assert message.subject.startswith("Your spot is reserved")
    assert f"https://week3.example.org/en/reservering/{reservation.token}/" in message.body
    _filename, content, mimetype = message.attachments[0]
    assert mimetype == "text/calendar"
    assert "BEGIN:VEVENT" in content  # Django decodes text/* attachments

    page = client.get(response["Location"]).content.decode()
    assert "Your spot is reserved!" in page
    assert "csrfmiddlewaretoken" in page  # the cancel button


def test_the_personal_link_shows_and_only_the_button_cancels(client, session):
    reservation = reserve(session, 1)
    url = reservation.personal_path()
    assert client.get(url).status_code == 200
    reservation.refresh_from_db()
    assert reservation.state == Confirmed
    response = client.post(url, {"action": "cancel", "confirm": "yes"})
    assert response.status_code == 302
    reservation.refresh_from_db()
    assert reservation.state == Reservation.State.CANCELLED
    assert client.get("/reservering/not-a-real-token/").status_code == 404


THANKS = "Thank you for letting us know. Someone on the waiting list now gets your spot."


def test_only_the_residents_own_cancellation_is_thanked(client, session):
    own, by_organiser = reserve(session, 1), reserve(session, 2)
    reservation_cancel(reservation=own)
    reservation_cancel(reservation=by_organiser, by_organiser=True)
    assert THANKS in client.get(english(own)).content.decode()
    html = client.get(english(by_organiser)).content.decode()
    assert THANKS not in html
    assert "This reservation was cancelled." in html


def test_leaving_the_waiting_list_promises_nobody_a_spot(client, session):
    """Who only waited had no spot to pass on: the people behind them move up instead."""
    for n in range(5):
        reserve(session, n)
    waiting = reserve(session, 9)
    assert waiting.state == Reservation.State.WAITING
    reservation_cancel(reservation=waiting)
    html = client.get(english(waiting)).content.decode()
    assert "You are off the waiting list" in html
    assert "The people behind you in line move up." in html
    assert "Someone on the waiting list now gets your spot" not in html


def test_a_wait_ended_by_a_smaller_session_says_so_and_is_not_thanked(
    client, reference_data, django_capture_on_commit_callbacks
):
    """Behind the link in the e-mail that says why (waiting_party_too_large): the resident
    cancelled nothing and had no spot to give."""
    room = SessionFactory(capacity=4, activity=ActivityFactory(max_party_size=4))
    reserve(room, 1, party_size=2)
    waiting = reserve(room, 2, party_size=4)
    assert waiting.state == Reservation.State.WAITING
    room.capacity = 3
    with django_capture_on_commit_callbacks(execute=True):
        session_save(session=room)
    waiting.refresh_from_db()
    assert waiting.state == Reservation.State.CANCELLED

    html = client.get(english(waiting)).content.decode()
    assert "Thank you for letting us know" not in html
    assert "Someone on the waiting list now gets your spot" not in html
    assert "The organiser has made this session smaller." in html


def test_a_full_session_offers_the_waiting_list_and_shows_the_position(client, session):
    for n in range(5):
        reserve(session, n)
    page = client.get(form_url(session, "en")).content.decode()
    assert "Full? Put yourself on the waiting list." in page
    response = client.post(form_url(session, "en"), form_data(9), follow=True)
    assert "You are number 1 in line." in response.content.decode()


def test_duplicate_gets_a_friendly_message_and_creates_nothing(client, session):
    reserve(session, 1)
    response = client.post(form_url(session, "en"), form_data(1, email="Bewoner1@Example.org"))
    assert response.status_code == 400
    assert "You already have a reservation for this session" in response.content.decode()
    assert Reservation.objects.count() == 1


def test_the_form_offers_no_party_larger_than_the_session(client, reference_data):
    small = SessionFactory(capacity=2, activity=ActivityFactory(max_party_size=4))
    html = client.get(form_url(small, "en")).content.decode()
    select = re.search(r'<select name="party_size".*?</select>', html, re.S).group()
    assert re.findall(r'<option value="(\d+)"', select) == ["1", "2"]
    response = client.post(form_url(small, "en"), form_data(1, party_size="3"))
    assert response.status_code == 400
    assert not Reservation.objects.exists()


def test_no_cancelling_once_the_session_has_started(client, session):
    reservation = reserve(session, 1)
    with time_machine.travel(session.starts_at + datetime.timedelta(minutes=5)):
        with pytest.raises(ReservationError) as error:
            reservation_cancel(reservation=reservation)
        assert error.value.code == "started"

        page = client.get(english(reservation)).content.decode()
        assert "This session has started, so you can no longer cancel." in page
        assert "Cancel my reservation" not in page
        response = client.post(english(reservation))
        assert response.status_code == 409
        assert "This session has already started, so it can no longer be cancelled." in (
            response.content.decode()
        )
    reservation.refresh_from_db()
    assert reservation.state == Confirmed
    assert_counters_match(session)


def test_form_page_query_budget(client, session, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        assert client.get(form_url(session)).status_code == 200


def test_a_reservation_post_takes_the_same_few_queries_however_long_the_line(client, session):
    def post_queries(n):
        with CaptureQueriesContext(connection) as queries:
            assert client.post(form_url(session), form_data(n)).status_code == 302
        return len(queries)

    first = post_queries(1)  # confirmed
    for n in range(2, 40):
        reserve(session, n)
    assert post_queries(40) == first  # waits, behind 34 others
    # Lookup, duplicate check, lock, INSERT, counters, outbox, and the test's savepoints.
    assert first <= 9
