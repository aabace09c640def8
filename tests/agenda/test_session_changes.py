"""Changing sessions that residents booked: staff in the admin, approved changes, e-mails."""

import datetime

import pytest
from django.core import mail
from django.forms import MultiWidget
from django.urls import reverse
from django.utils import timezone

from agenda.models import Audience, Reservation, Session
from agenda.services.activities import activity_save
from agenda.services.drafts import activity_data
from agenda.services.moderation import activity_approve
from agenda.services.sessions import session_change_notify, session_save
from providers.models import Discipline
from tests.factories import (
    WEDNESDAY,
    ActivityFactory,
    SessionFactory,
    UserFactory,
    VenueFactory,
    local,
    reserve,
)

pytestmark = pytest.mark.django_db

Confirmed = Reservation.State.CONFIRMED
Waiting = Reservation.State.WAITING


@pytest.fixture
def session(reference_data):
    activity = ActivityFactory(
        max_party_size=4,
        audiences=[Audience.objects.get(slug="kinderen")],
        disciplines=[Discipline.objects.get(slug="zang")],
    )
    return SessionFactory(capacity=2, activity=activity)


def booked(session):
    """Two confirmed places (one resident reads English) and one on the waiting list."""
    return [reserve(session, 1, language="en"), reserve(session, 2), reserve(session, 3)]


# --- the admin ------------------------------------------------------------------------


def _change_form_data(response) -> dict:
    """What the browser would post back from the admin change page, unchanged."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        data.update(
            {
                inline.formset.management_form.add_prefix(name): value
                for name, value in inline.formset.management_form.initial.items()
            }
        )
        forms.extend(inline.formset.forms)
    for form in forms:
        for field in form:
            value = field.value()
            if value is None or value is False:
                continue
            widget = field.field.widget
            if isinstance(widget, MultiWidget):
                for index, part in enumerate(widget.decompress(value)):
                    data[f"{field.html_name}_{index}"] = widget.widgets[index].format_value(part)
            elif isinstance(value, list | tuple):
                data[field.html_name] = [str(item) for item in value]
            elif value is True:
                data[field.html_name] = "on"
            else:
                data[field.html_name] = str(value)
    return data


def _change_page(client, activity):
    url = reverse("admin:agenda_activity_change", args=[activity.pk])
    response = client.get(url)
    assert response.status_code == 200
    return url, _change_form_data(response)


def test_admin_inline_never_writes_counters_or_cancelled(client, session, moderator):
    booked(session)
    client.force_login(moderator)
    url, data = _change_page(client, session.activity)
    # Tampering with the read-only columns, as a stale or hand-made form would.
    data.update(
        {
            "sessions-0-places_booked": "0",
            "sessions-0-places_waiting": "0",
            "sessions-0-is_cancelled": "on",
        }
    )
    # A reservation arrives while staff have the page open.
    reserve(session, 4)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    session.refresh_from_db()
    assert (session.places_booked, session.places_waiting) == (2, 2)
    assert not session.is_cancelled


def test_a_stale_session_saved_by_staff_keeps_the_counters(session):
    stale = Session.objects.get(pk=session.pk)
    booked(session)
    stale.capacity = 3
    session_save(session=stale)
    session.refresh_from_db()
    # The capacity rose by one: the first in line got the place; nothing was overwritten.
    assert (session.capacity, session.places_booked, session.places_waiting) == (3, 3, 0)
    assert set(session.reservations.values_list("state", flat=True)) == {Confirmed}


def test_admin_capacity_increase_promotes_the_waiting_list(
    client, session, moderator, django_capture_on_commit_callbacks
):
    *_confirmed, waiting = booked(session)
    client.force_login(moderator)
    url, data = _change_page(client, session.activity)
    data["sessions-0-capacity"] = "5"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    waiting.refresh_from_db()
    assert waiting.state == Confirmed
    assert [message.to for message in mail.outbox] == [[waiting.email]]


def test_admin_time_change_tells_residents(
    client, session, moderator, django_capture_on_commit_callbacks
):
    reservations = booked(session)
    client.force_login(moderator)
    url, data = _change_page(client, session.activity)
    data["sessions-0-starts_at_1"] = "20:00:00"
    data["sessions-0-ends_at_1"] = "21:30:00"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    session.refresh_from_db()
    assert timezone.localtime(session.starts_at).hour == 20
    assert sorted(message.to[0] for message in mail.outbox) == sorted(r.email for r in reservations)


def test_admin_cancel_button_cancels_through_the_service_and_tells_residents(
    client, session, moderator, django_capture_on_commit_callbacks
):
    reservations = booked(session)
    client.force_login(moderator)
    change = client.get(reverse("admin:agenda_activity_change", args=[session.activity.pk]))
    cancel_url = reverse(
        "admin:agenda_activity_session_cancel", args=[session.activity.pk, session.pk]
    )
    assert cancel_url in change.content.decode()
    confirm = client.get(cancel_url)
    assert confirm.status_code == 200 and confirm.context["affected"] == 3
    session.refresh_from_db()
    assert not session.is_cancelled  # asking is not cancelling
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cancel_url)
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.is_cancelled and (session.places_booked, session.places_waiting) == (0, 0)
    assert set(session.reservations.values_list("state", flat=True)) == {
        Reservation.State.CANCELLED
    }
    assert sorted(message.to[0] for message in mail.outbox) == sorted(r.email for r in reservations)
    english = next(m for m in mail.outbox if m.to == [reservations[0].email])
    assert "STATUS:CANCELLED" in str(english.attachments[0][1])
    assert session.activity.decisions.count() == 0  # no moderation step, just the admin log


def test_admin_cancel_needs_the_change_permission(client, session, reference_data):
    viewer = UserFactory(is_staff=True)
    client.force_login(viewer)
    url = reverse("admin:agenda_activity_session_cancel", args=[session.activity.pk, session.pk])
    assert client.post(url).status_code == 403
    session.refresh_from_db()
    assert not session.is_cancelled


def test_admin_deleting_a_booked_session_cancels_it_instead(
    client, session, django_capture_on_commit_callbacks
):
    booked(session)
    admin_user = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin_user)
    url, data = _change_page(client, session.activity)
    data["sessions-0-DELETE"] = "on"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    session.refresh_from_db()
    assert session.is_cancelled
    assert len(mail.outbox) == 3


# --- approved changes ------------------------------------------------------------------


def test_approved_new_time_and_venue_reach_everyone_booked(
    session, moderator, django_capture_on_commit_callbacks
):
    activity = session.activity
    first, second, waiting = booked(session)
    untouched = SessionFactory(activity=activity, starts_at=local(WEDNESDAY, 10))
    reserve(untouched, 9)
    hall = VenueFactory(name="Grote Zaal & Co", street="Markt 1")
    data = activity_data(activity)
    row = next(row for row in data["sessions"] if row["id"] == session.pk)
    row["starts_at"] = local(WEDNESDAY, 14).isoformat()
    row["ends_at"] = local(WEDNESDAY, 15, 30).isoformat()
    row["venue"] = hall.pk
    assert activity_save(activity=activity, data=data, by=None) is True
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        activity_approve(activity=activity, by=moderator)

    told = {message.to[0]: message for message in mail.outbox if message.to[0] != ""}
    provider_mail = [m for m in mail.outbox if "bewoner" not in m.to[0]]
    assert set(told) - {m.to[0] for m in provider_mail} == {
        first.email,
        second.email,
        waiting.email,
    }
    english = told[first.email]
    assert english.subject == f"New time or place: {activity.title}"
    assert "Wednesday 20 January, 14:00–15:30" in english.body
    assert "Grote Zaal & Co" in english.body and "&amp;" not in english.body
    assert "Before the change: Tuesday 19 January, 19:30–21:00" in english.body
    assert first.token in english.body
    filename, ics, mimetype = english.attachments[0]
    assert (filename, mimetype) == ("week3.ics", "text/calendar")
    assert "DTSTART;TZID=Europe/Amsterdam:20270120T140000" in str(ics)
    assert "Markt 1" in str(ics).replace("\r\n ", "")
    dutch = told[second.email]
    assert dutch.body != english.body and "Markt 1" in dutch.body
    assert "1" in told[waiting.email].body  # their place in line
    # Nobody booked on the unchanged session hears anything.
    assert "bewoner9@example.org" not in told


def test_capacity_only_change_sends_no_changed_mail(session, django_capture_on_commit_callbacks):
    booked(session)
    mail.outbox.clear()
    data = activity_data(session.activity)
    data["sessions"][0]["capacity"] = 2
    session.activity.state = "draft"
    session.activity.save()
    with django_capture_on_commit_callbacks(execute=True):
        activity_save(activity=session.activity, data=data, by=None)
    assert mail.outbox == []


def test_change_notice_skips_cancelled_reservations(session, django_capture_on_commit_callbacks):
    from agenda.services.reservations import reservation_cancel

    first, second, waiting = booked(session)
    reservation_cancel(reservation=second)  # the waiting one moves up
    previous = Session(
        starts_at=session.starts_at - datetime.timedelta(hours=1),
        ends_at=session.ends_at - datetime.timedelta(hours=1),
        venue=session.venue,
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        told = session_change_notify(session=session, previous=previous)
    assert told == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([first.email, waiting.email])


def test_a_moved_session_is_reminded_of_again(session, moderator):
    booked(session)
    Reservation.objects.filter(session=session).update(reminder_sent_at=timezone.now())
    activity = session.activity
    data = activity_data(activity)
    row = next(row for row in data["sessions"] if row["id"] == session.pk)
    row["starts_at"] = local(WEDNESDAY, 14).isoformat()
    row["ends_at"] = local(WEDNESDAY, 15, 30).isoformat()
    activity_save(activity=activity, data=data, by=None)
    activity_approve(activity=activity, by=moderator)
    assert not Reservation.objects.filter(session=session, reminder_sent_at__isnull=False).exists()
