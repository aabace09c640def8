"""Mijn Week 3: all of an address's reservations behind one e-mailed link (issue 14, item 4)."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from agenda.models import Reservation
from outbox.models import OutgoingMail
from outbox.services import mail_send_due
from tests.factories import ReservationFactory, SessionFactory, reserve
from tests.helpers import link_in
from week3.access_log import clean_path

pytestmark = pytest.mark.django_db

REQUEST = "/mijn-week3/"


@pytest.fixture
def sessions(agenda):
    choir = agenda["choir"].sessions.get()
    other = SessionFactory(activity=agenda["choir"], venue=choir.venue, capacity=10)
    return choir, other, agenda["dance"].sessions.get()


def _ask(client, email):
    return client.post(REQUEST, {"email": email})


def _page(client, url):
    """The page without its CSRF token, which differs per response."""
    html = client.get(url).content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def _link(email):
    (message,) = [m for m in mail.outbox if m.to == [email] and "Mijn Week 3" in m.subject]
    return link_in(message)


def test_known_and_unknown_addresses_get_the_same_answer_and_nothing_is_sent_yet(client, sessions):
    reserve(sessions[0], 1)
    mail.outbox.clear()
    known, unknown = _ask(client, "bewoner1@example.org"), _ask(client, "nobody@example.org")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert _page(client, known["Location"]) == _page(client, unknown["Location"])
    # Both queued the same way; nothing went out during the request.
    assert OutgoingMail.objects.filter(writer="agenda.my_week3").count() == 2
    assert mail.outbox == []
    mail_send_due()
    links = [m.to for m in mail.outbox if "Mijn Week 3" in m.subject]
    assert links == [["bewoner1@example.org"]]


def test_the_link_lists_exactly_that_addresss_reservations_and_its_calendar_has_them(
    client, sessions
):
    choir, other, dance = sessions
    mine = [
        reserve(choir, 1, party_size=2),
        ReservationFactory(session=other, email="Bewoner1@Example.org"),
    ]
    in_line = reserve(dance, 1)  # the dance class is full
    assert in_line.state == Reservation.State.WAITING
    not_mine = reserve(other, 2)
    mail.outbox.clear()
    _ask(client, "BEWONER1@example.org")
    mail_send_due()
    link = _link("BEWONER1@example.org")
    assert "/mijn/" in link
    html = client.get(link).content.decode()
    for reservation in [*mine, in_line]:
        assert reservation.personal_path() in html
    assert not_mine.personal_path() not in html
    assert "Bewoner 2" not in html
    assert "nummer 1" in html  # the place in line
    assert html.count('name="action" value="cancel"') == 3

    assert f"webcal://week3.example.org{link}agenda.ics" in html
    calendar = Calendar.from_ical(client.get(link + "agenda.ics").content)
    starts = sorted(event.decoded("dtstart") for event in calendar.walk("VEVENT"))
    assert starts == sorted([choir.starts_at, other.starts_at])  # spots; the line joins later


def test_a_cancel_button_asks_first(client, sessions):
    reservation = reserve(sessions[0], 1)
    mail.outbox.clear()
    _ask(client, "bewoner1@example.org")
    mail_send_due()
    html = client.get(_link("bewoner1@example.org")).content.decode()
    action = re.search(r'<form method="post" action="([^"]+)"', html).group(1)
    answer = client.post(action, {"action": "cancel"}).content.decode()
    assert "Weet je het zeker?" in answer
    reservation.refresh_from_db()
    assert reservation.is_active


def test_a_forged_or_expired_link_shows_the_form_again(client, sessions, clock):
    reserve(sessions[0], 1)
    mail.outbox.clear()
    _ask(client, "bewoner1@example.org")
    mail_send_due()
    link = _link("bewoner1@example.org")
    assert client.get(link[:-3] + "xx/").status_code == 404
    clock.shift(datetime.timedelta(days=15))
    response = client.get(link)
    assert response.status_code == 404
    assert "werkt niet meer" in response.content.decode()


def test_asking_is_throttled(client, settings, sessions):
    settings.MY_WEEK3_RATE_LIMIT = "2/h"
    assert _ask(client, "a@example.org").status_code == 302
    assert _ask(client, "b@example.org").status_code == 302
    response = _ask(client, "c@example.org")
    assert response.status_code == 429
    assert OutgoingMail.objects.filter(writer="agenda.my_week3").count() == 2


def test_the_link_stays_out_of_the_access_log(client, sessions):
    reserve(sessions[0], 1)
    mail.outbox.clear()
    _ask(client, "bewoner1@example.org")
    mail_send_due()
    path = _link("bewoner1@example.org")
    token = path.split("/mijn/", 1)[1].strip("/")
    assert token not in clean_path(path)
    assert token not in clean_path(path + "agenda.ics")
    assert clean_path(reverse("agenda:my_week3_request")) == "/mijn-week3/"
