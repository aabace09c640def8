"""The portal's side of reservations: the attendance list, walk-ins, cancelling, more places."""

import contextlib
import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import translation

from agenda.models import Reservation
from agenda.services.activities import activity_save
from agenda.services.drafts import activity_data
from outbox.models import OutgoingMail
from tests.factories import NOW, reserve
from tests.helpers import activity_post

pytestmark = pytest.mark.django_db

BEFORE = NOW  # the tests' clock: a week before the session's day


@pytest.fixture(autouse=True)
def english():
    """Pages in English (the msgids), whatever language an earlier test left active."""
    with translation.override("en"):
        yield


@pytest.fixture
def session(world_a):
    session = world_a["session"]
    session.capacity = 3
    session.save()
    return session


@pytest.fixture
def at(client, world_a):
    """Move the clock and log in as provider A's user then (a login made earlier expires)."""

    @contextlib.contextmanager
    def then(moment):
        with time_machine.travel(moment):
            client.force_login(world_a["user"])
            yield client

    return then


def on_the_day(session):
    return session.starts_at + datetime.timedelta(minutes=30)


def list_url(session):
    return reverse("portal:session_reservations", kwargs={"pk": session.pk})


def test_list_shows_names_party_sizes_and_e_mail_only_of_who_agreed(at, session):
    reserve(session, 1, party_size=2, consent_contact=True)
    reserve(session, 2)
    reserve(session, 3)  # does not fit: waits
    with at(BEFORE) as client_a:
        html = client_a.get(list_url(session)).content.decode()
    assert "Bewoner 1" in html and "Bewoner 2" in html and "Bewoner 3" in html
    assert "bewoner1@example.org" in html
    assert "bewoner2@example.org" not in html
    assert "bewoner3@example.org" not in html


def test_totals_count_confirmed_places_waiting_and_walk_ins(at, session):
    reserve(session, 1, party_size=2)
    reserve(session, 2, party_size=2)  # waits: only one place left
    reserve(session, 3)  # waits too: nobody jumps the queue
    session.refresh_from_db()
    session.walk_ins = 4
    session.save()
    with at(BEFORE) as client_a:
        response = client_a.get(list_url(session))
    assert response.context["session"].places_booked == 2
    assert response.context["session"].places_waiting == 3
    html = " ".join(response.content.decode().split())
    assert "<dd>2 of 3</dd>" in html
    assert "<dd>3</dd>" in html
    assert "<dd>4</dd>" in html


def test_marking_attended_and_no_show(at, session):
    came = reserve(session, 1)
    stayed_away = reserve(session, 2)
    with at(on_the_day(session)) as client_a:
        url = reverse("portal:reservation_attendance", kwargs={"pk": came.pk})
        assert client_a.post(url, {"attended": "1"}).status_code == 302
        url = reverse("portal:reservation_attendance", kwargs={"pk": stayed_away.pk})
        client_a.post(url, {"attended": "0"})
        html = " ".join(client_a.get(list_url(session)).content.decode().split())
    came.refresh_from_db()
    stayed_away.refresh_from_db()
    assert came.state == Reservation.State.ATTENDED
    assert stayed_away.state == Reservation.State.NO_SHOW
    assert "<dd>1</dd>" in html  # came: one marked, no walk-ins


def test_marking_is_refused_before_the_day_of_the_session(at, session):
    reservation = reserve(session, 1)
    url = reverse("portal:reservation_attendance", kwargs={"pk": reservation.pk})
    with at(BEFORE) as client_a:
        response = client_a.post(url, {"attended": "0"}, follow=True)
    reservation.refresh_from_db()
    assert reservation.state == Reservation.State.CONFIRMED
    assert "from the day of the session" in response.content.decode()


def test_attendance_is_post_only(at, session):
    reservation = reserve(session, 1)
    url = reverse("portal:reservation_attendance", kwargs={"pk": reservation.pk})
    with at(on_the_day(session)) as client_a:
        assert client_a.get(url).status_code == 404


def test_walk_ins_are_saved(at, session):
    url = reverse("portal:session_walk_ins", kwargs={"pk": session.pk})
    with at(on_the_day(session)) as client_a:
        response = client_a.post(url, {"walk_ins": "6"})
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.walk_ins == 6


def test_walk_ins_must_be_a_number_of_zero_or_more(at, session):
    url = reverse("portal:session_walk_ins", kwargs={"pk": session.pk})
    with at(on_the_day(session)) as client_a:
        response = client_a.post(url, {"walk_ins": "-2"})
    assert response.status_code == 200
    assert response.context["walk_ins_form"].errors["walk_ins"]
    session.refresh_from_db()
    assert session.walk_ins == 0


def test_walk_ins_wait_for_the_day_of_the_session(at, session):
    url = reverse("portal:session_walk_ins", kwargs={"pk": session.pk})
    with at(BEFORE) as client_a:
        client_a.post(url, {"walk_ins": "6"})
    session.refresh_from_db()
    assert session.walk_ins == 0


def test_dashboard_and_activity_page_link_to_the_list(at, world_a, session):
    with at(BEFORE) as client_a:
        dashboard = client_a.get(reverse("portal:dashboard")).content.decode()
        edit = client_a.get(reverse("portal:activity_edit", args=[world_a["activity"].pk]))
    assert list_url(session) in dashboard
    assert list_url(session) in edit.content.decode()


def test_cancelling_from_the_portal_tells_residents_with_a_place_or_waiting(
    at, session, django_capture_on_commit_callbacks
):
    reserve(session, 1, party_size=3)
    reserve(session, 2)  # waits
    mail.outbox.clear()
    url = reverse("portal:session_cancel", kwargs={"pk": session.pk})
    with at(BEFORE) as client_a, django_capture_on_commit_callbacks(execute=True):
        response = client_a.post(url, follow=True)
    assert "We sent an e-mail to 2 residents" in response.content.decode()
    assert sorted(m.to[0] for m in mail.outbox) == ["bewoner1@example.org", "bewoner2@example.org"]
    assert OutgoingMail.objects.filter(to="bewoner2@example.org", sent_at__isnull=False).exists()
    session.refresh_from_db()
    assert session.is_cancelled
    assert (session.places_booked, session.places_waiting) == (0, 0)
    assert not Reservation.objects.active().exists()


def test_removing_a_booked_time_from_a_draft_tells_the_residents(world_a, session):
    reserve(session, 1)
    data = activity_data(world_a["activity"])
    data["sessions"] = []
    activity_save(activity=world_a["activity"], data=data, by=world_a["user"])
    session.refresh_from_db()
    assert session.is_cancelled
    # The confirmation, then the cancellation.
    assert OutgoingMail.objects.filter(to="bewoner1@example.org").count() == 2


def test_raising_the_capacity_in_the_portal_promotes_the_waiting_list(at, world_a, session):
    reserve(session, 1, party_size=3)
    first = reserve(session, 2, party_size=2)
    second = reserve(session, 3)
    form = activity_post(
        world_a["venue"],
        **{
            "sessions-TOTAL_FORMS": "1",
            "sessions-INITIAL_FORMS": "1",
            "sessions-0-id": str(session.pk),
            "sessions-0-start": "19:30",
            "sessions-0-end": "21:00",
            "sessions-0-capacity": "5",
        },
    )
    with at(BEFORE) as client_a:
        url = reverse("portal:activity_edit", args=[world_a["activity"].pk])
        assert client_a.post(url, form).status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    session.refresh_from_db()
    assert first.state == Reservation.State.CONFIRMED
    assert second.state == Reservation.State.WAITING  # 5 places, all taken: still in line
    assert (session.capacity, session.places_booked, session.places_waiting) == (5, 5, 1)
    assert OutgoingMail.objects.filter(to=first.email).count() == 2  # waiting, then promoted
