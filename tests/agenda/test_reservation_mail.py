"""Reservation e-mails through the outbox: reminders, outages, crashes, a cancelled session."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection

from agenda.models import Edition, Reservation, Session
from agenda.services.reservations import reservation_cancel, session_cancel
from agenda.services.scheduled import reminders_send
from outbox.models import OutgoingMail
from outbox.services import mail_send_due
from providers.models import Provider
from tests.factories import ActivityFactory, SessionFactory, VenueFactory, local, reserve

pytestmark = pytest.mark.django_db


def test_reminder_job_run_twice_sends_each_reminder_once(
    session, clock, django_capture_on_commit_callbacks
):
    tomorrow_session = session
    other = SessionFactory(
        activity=session.activity,
        venue=VenueFactory(),
        starts_at=session.starts_at + datetime.timedelta(days=2),
        ends_at=session.ends_at + datetime.timedelta(days=2),
    )
    for n in range(3):
        reserve(tomorrow_session, n, language="en")
    reserve(other, 9)
    reservation_cancel(reservation=Reservation.objects.get(email="bewoner2@example.org"))
    mail.outbox.clear()
    clock.move_to(session.starts_at - datetime.timedelta(hours=20))  # the day before
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", stdout=StringIO())
        call_command("send_reminders", stdout=StringIO())
    assert sorted(m.to[0] for m in mail.outbox) == ["bewoner0@example.org", "bewoner1@example.org"]
    assert all(m.subject.startswith("See you tomorrow") for m in mail.outbox)  # their language


def test_mail_server_down_loses_nothing_and_sends_later(
    session, settings, clock, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.mail_backends.DownBackend"
    with django_capture_on_commit_callbacks(execute=True):
        reserve(session, 1)
        reserve(session, 2)
    assert mail.outbox == []
    queued = OutgoingMail.objects.filter(sent_at__isnull=True)
    assert queued.count() == 2
    assert all(m.attempts == 1 and "down" in m.last_error for m in queued)

    # The worker runs while the server is still down: still queued, retried later.
    call_command("send_queued_mail", stdout=StringIO())
    assert OutgoingMail.objects.filter(sent_at__isnull=True).count() == 2

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    clock.shift(datetime.timedelta(hours=2))
    call_command("send_queued_mail", stdout=StringIO())
    call_command("send_queued_mail", stdout=StringIO())
    assert sorted(m.to[0] for m in mail.outbox) == ["bewoner1@example.org", "bewoner2@example.org"]
    assert not OutgoingMail.objects.filter(sent_at__isnull=True).exists()
    assert mail.outbox[0].attachments  # the calendar file survived the queue


def test_reservation_e_mails_are_written_when_they_go_out(session, settings):
    settings.MAIL_SEND_IMMEDIATELY = False
    reserve(session, 1)
    (queued,) = OutgoingMail.objects.all()
    assert (queued.to, queued.subject, queued.body) == ("bewoner1@example.org", "", "")
    assert mail_send_due() == (1, 0)
    queued.refresh_from_db()
    (message,) = mail.outbox
    assert queued.subject == message.subject
    assert message.subject.startswith("Je plek is gereserveerd")
    assert "Bewoner 1" in message.body and message.attachments


def test_a_waiting_list_e_mail_is_not_sent_once_the_place_came(session, settings):
    settings.MAIL_SEND_IMMEDIATELY = False
    for n in range(5):
        reserve(session, n)
    reserve(session, 5)  # waits
    reservation_cancel(reservation=Reservation.objects.get(email="bewoner0@example.org"))
    mail_send_due()
    to_the_sixth = [m for m in mail.outbox if m.to == ["bewoner5@example.org"]]
    assert [m.subject.split(":")[0] for m in to_the_sixth] == ["Goed nieuws"]
    assert not OutgoingMail.objects.filter(sent_at__isnull=True).exists()


def test_an_e_mail_about_data_removed_since_is_dropped(session, settings):
    settings.MAIL_SEND_IMMEDIATELY = False
    reserve(session, 1)
    Reservation.objects.update(name="", email="", token="")  # as the retention purge does
    assert mail_send_due() == (0, 0)
    assert mail.outbox == []
    assert not OutgoingMail.objects.exists()


def test_an_e_mail_that_cannot_be_written_stays_queued(session, settings, monkeypatch, clock):
    settings.MAIL_SEND_IMMEDIATELY = False
    reserve(session, 1)

    def broken(*args, **kwargs):
        # A failing query, the worst a writer can do: it aborts the database transaction.
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 / 0")

    monkeypatch.setattr("agenda.services.reservation_mail.session_ics", broken)
    assert mail_send_due() == (0, 1)
    (queued,) = OutgoingMail.objects.all()
    assert queued.sent_at is None and queued.attempts == 1
    assert "division by zero" in queued.last_error
    monkeypatch.undo()
    clock.shift(datetime.timedelta(hours=2))
    assert mail_send_due() == (1, 0)
    assert mail.outbox[0].attachments


def test_no_reminder_goes_out_for_a_place_cancelled_after_it_was_queued(session, settings):
    settings.MAIL_SEND_IMMEDIATELY = False
    reservation = reserve(session, 1)
    mail_send_due()
    mail.outbox.clear()
    assert reminders_send(now=session.starts_at - datetime.timedelta(hours=20)) == 1
    reservation_cancel(reservation=reservation)
    mail_send_due()
    assert [m.subject.split(":")[0] for m in mail.outbox] == ["Geannuleerd"]


def test_cancelling_a_session_tells_everyone_with_a_place_or_waiting(
    session, django_capture_on_commit_callbacks
):
    for n in range(7):
        reserve(session, n)
    reservation_cancel(reservation=Reservation.objects.get(email="bewoner0@example.org"))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        told = session_cancel(session=session)
    assert told == 6
    assert len(mail.outbox) == 6
    # The places drop their event; the one still waiting never had one.
    events = {m.to[0]: [str(a[1]) for a in m.attachments] for m in mail.outbox}
    assert events.pop("bewoner6@example.org") == []
    assert all(len(e) == 1 and "STATUS:CANCELLED" in e[0] for e in events.values())
    session.refresh_from_db()
    assert session.is_cancelled
    assert (session.places_booked, session.places_waiting) == (0, 0)
    assert not Reservation.objects.active().exists()


def test_reminders_only_for_sessions_of_public_activities(reference_data):
    kinds = ["public", "withdrawn", "provider_suspended", "edition_hidden", "cancelled"]
    week = {"starts_on": datetime.date(2031, 1, 13), "ends_on": datetime.date(2031, 1, 19)}
    edition = Edition.objects.create(year=2031, is_published=True, **week)
    sessions = {}
    for kind in kinds:
        sessions[kind] = SessionFactory(
            activity=ActivityFactory(edition=edition),
            starts_at=local(datetime.date(2031, 1, 14), 19),
            ends_at=local(datetime.date(2031, 1, 14), 20),
        )
        reserve(sessions[kind], kinds.index(kind))
    sessions["withdrawn"].activity.state = "withdrawn"
    sessions["withdrawn"].activity.save()
    provider = sessions["provider_suspended"].activity.provider
    Provider.objects.filter(pk=provider.pk).update(status=Provider.Status.PENDING)
    hidden = ActivityFactory(edition=Edition.objects.create(year=2032, **week))  # unpublished
    Session.objects.filter(pk=sessions["edition_hidden"].pk).update(activity=hidden)
    Session.objects.filter(pk=sessions["cancelled"].pk).update(is_cancelled=True)

    assert reminders_send(now=local(datetime.date(2031, 1, 13), 18)) == 1
    reminded = Reservation.objects.filter(reminder_sent_at__isnull=False)
    assert [r.session_id for r in reminded] == [sessions["public"].pk]
