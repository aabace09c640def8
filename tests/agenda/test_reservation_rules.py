"""Reservation rules from the review: capacity, started sessions, reminders, e-mail, privacy."""

import datetime
import importlib
import re
import sys

import icalendar
import pytest
import time_machine
from django.core import mail
from django.core.signals import got_request_exception
from django.db import IntegrityError, connection
from django.db.migrations.loader import MigrationLoader
from django.utils import translation
from django.views.debug import ExceptionReporter

from agenda.models import Edition, Reservation, Session
from agenda.services.errors import ReservationError
from agenda.services.reservations import (
    reservation_cancel,
    reservation_create,
    session_cancel,
    waiting_list_promote,
)
from agenda.services.scheduled import reminders_send
from agenda.services.sessions import session_save
from outbox.models import OutgoingMail
from outbox.services import mail_enqueue, mail_send_due
from providers.models import Provider
from tests.factories import ActivityFactory, SessionFactory, local, reserve
from tests.helpers import assert_counters_match, form_data, form_url

pytestmark = pytest.mark.django_db

Confirmed = Reservation.State.CONFIRMED
Waiting = Reservation.State.WAITING


@pytest.fixture
def session(reference_data):
    return SessionFactory(capacity=5, activity=ActivityFactory(max_party_size=4))


def english(obj):
    with translation.override("en"):
        return obj.get_absolute_url()


def event_of(ics) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(ics if isinstance(ics, bytes) else ics.encode())
    (event,) = calendar.walk("VEVENT")
    return event


def ics_attachment(message):
    (attachment,) = message.attachments
    return event_of(attachment[1])


# C1: a party larger than the session.


def test_a_party_larger_than_the_session_is_refused(reference_data):
    small = SessionFactory(capacity=3, activity=ActivityFactory(max_party_size=4))
    with pytest.raises(ReservationError) as error:
        reserve(small, 1, party_size=4)
    assert error.value.code == "over_capacity"
    with translation.override("en"):
        with pytest.raises(ReservationError) as error:
            reserve(small, 1, party_size=4)
        assert "room for 3 people in all" in str(error.value.message)
    assert not Reservation.objects.exists()
    assert reserve(small, 1, party_size=3).state == Confirmed


def test_the_form_offers_no_party_larger_than_the_session(client, reference_data):
    small = SessionFactory(capacity=2, activity=ActivityFactory(max_party_size=4))
    html = client.get(form_url(small, "en")).content.decode()
    select = re.search(r'<select name="party_size".*?</select>', html, re.S).group()
    assert re.findall(r'<option value="(\d+)"', select) == ["1", "2"]
    response = client.post(form_url(small, "en"), form_data(1, party_size="3"))
    assert response.status_code == 400
    assert not Reservation.objects.exists()


def test_a_capacity_cut_ends_the_wait_of_a_party_that_no_longer_fits(
    reference_data, django_capture_on_commit_callbacks
):
    room = SessionFactory(capacity=6, activity=ActivityFactory(max_party_size=4))
    first = reserve(room, 1, party_size=3)
    big = reserve(room, 2, party_size=4)  # 3 free: waits
    small = reserve(room, 3, party_size=1)  # behind the big party
    assert (big.state, small.state) == (Waiting, Waiting)
    mail.outbox.clear()

    # The provider makes the session smaller: the party of 4 could never come in now.
    room.capacity = 3
    with django_capture_on_commit_callbacks(execute=True):
        session_save(session=room)
    big.refresh_from_db()
    small.refresh_from_db()
    assert (big.state, small.state) == (Reservation.State.CANCELLED, Waiting)
    (message,) = mail.outbox
    assert message.to == ["bewoner2@example.org"]
    with translation.override("nl"):
        assert "ruimte voor 3 mensen" in message.body
    assert_counters_match(room)

    # Everyone still waiting can get in: the freed places go to them, in order.
    assert reservation_cancel(reservation=first) == [small]
    assert reserve(room, 4, party_size=2).state == Confirmed
    assert_counters_match(room)


def test_a_larger_capacity_goes_to_the_waiting_list(reference_data):
    room = SessionFactory(capacity=2, activity=ActivityFactory(max_party_size=2))
    reserve(room, 1, party_size=2)
    waiting = reserve(room, 2, party_size=2)
    room.capacity = 4
    session_save(session=room)
    waiting.refresh_from_db()
    assert waiting.state == Confirmed
    assert_counters_match(room)


# C4: once the session has started.


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


def test_no_promotion_once_the_session_has_started(session):
    for n in range(5):
        reserve(session, n)
    waiting = reserve(session, 9)
    Session.objects.filter(pk=session.pk).update(capacity=6)
    session.refresh_from_db()
    with time_machine.travel(session.starts_at + datetime.timedelta(minutes=1)):
        assert waiting_list_promote(session=session) == []
    waiting.refresh_from_db()
    assert waiting.state == Waiting
    assert waiting_list_promote(session=session) == [waiting]  # before the start it would


# C3: reminders only for what the public agenda shows.


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


# C9: a crash halfway through a batch of e-mails.


class Crash(BaseException):
    """Like a killed worker: not an error that mail_send_due catches."""


class CrashOnSecondBackend:
    sent: list[str] = []

    def __init__(self, **kwargs):
        pass

    def send_messages(self, messages):
        if len(type(self).sent) == 1:
            raise Crash
        type(self).sent.extend(message.to[0] for message in messages)
        return len(messages)


def test_a_crash_mid_batch_does_not_send_again_what_went_out(settings):
    settings.MAIL_SEND_IMMEDIATELY = False
    for n in range(3):
        mail_enqueue(
            to=f"bewoner{n}@example.org",
            template="providers/email/approved",
            context={"provider": {"name": "Koor"}, "site_url": "https://x.example"},
            language="nl",
        )
    CrashOnSecondBackend.sent = []
    settings.EMAIL_BACKEND = f"{__name__}.CrashOnSecondBackend"
    with pytest.raises(Crash):
        mail_send_due()
    assert CrashOnSecondBackend.sent == ["bewoner0@example.org"]
    sent = OutgoingMail.objects.filter(sent_at__isnull=False)
    assert [row.to for row in sent] == ["bewoner0@example.org"]

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert mail_send_due() == (2, 0)
    assert sorted(m.to[0] for m in mail.outbox) == ["bewoner1@example.org", "bewoner2@example.org"]


def test_email_timeout_is_set(settings):
    from django.core.mail import get_connection

    assert settings.EMAIL_TIMEOUT == 10
    smtp = get_connection("django.core.mail.backends.smtp.EmailBackend")
    assert smtp.timeout == 10


# Minor: cancelled calendar events.


def test_the_residents_own_cancel_carries_a_cancelled_event(
    client, session, clock, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reservation = reserve(session, 1)
    confirmed = ics_attachment(mail.outbox[0])
    assert confirmed["STATUS"] == "CONFIRMED"
    mail.outbox.clear()
    clock.shift(60)
    with django_capture_on_commit_callbacks(execute=True):
        reservation_cancel(reservation=reservation)
    cancelled = ics_attachment(mail.outbox[0])
    assert cancelled["STATUS"] == "CANCELLED"
    assert cancelled["UID"] == confirmed["UID"]
    assert cancelled["SEQUENCE"] > confirmed["SEQUENCE"]
    assert cancelled["DTSTAMP"].dt > confirmed["DTSTAMP"].dt

    # The personal link's calendar download says cancelled too.
    download = client.get(f"{reservation.get_absolute_url()}agenda.ics").content
    assert event_of(download)["STATUS"] == "CANCELLED"


def test_leaving_the_waiting_list_sends_no_calendar_event(
    session, django_capture_on_commit_callbacks
):
    for n in range(5):
        reserve(session, n)
    waiting = reserve(session, 9)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reservation_cancel(reservation=waiting)
    (message,) = mail.outbox
    assert message.attachments == []  # they never had the event in their calendar


def test_a_cancelled_session_sends_a_newer_cancelled_event(
    session, clock, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reserve(session, 1)
    confirmed = ics_attachment(mail.outbox[0])
    mail.outbox.clear()
    clock.shift(60)
    with django_capture_on_commit_callbacks(execute=True):
        session_cancel(session=session)
    cancelled = ics_attachment(mail.outbox[0])
    assert cancelled["STATUS"] == "CANCELLED"
    assert cancelled["UID"] == confirmed["UID"]
    assert cancelled["SEQUENCE"] > confirmed["SEQUENCE"]


# S3: error reports carry no resident data.

PERSONAL = ["bewoner1@example.org", "Bewoner 1", "5912 CD", "5912CD"]


def _fail(*args, **kwargs):
    raise RuntimeError("the outbox broke")


def shown_in_report(reporter) -> str:
    """What an error report (e-mail to ADMINS, Sentry …) shows: POST data, and the variables of
    every frame of the site's and Django's code (the test's own frames aside)."""
    frames = [f for f in reporter.get_traceback_frames() if "/tests/" not in f["filename"]]
    assert any(f["function"] == "reservation_create" for f in frames)
    shown = [repr(value) for frame in frames for _name, value in frame["vars"]]
    if reporter.request is not None:
        shown.append(repr(reporter.filter.get_post_parameters(reporter.request)))
    return "\n".join(shown)


def test_an_error_report_of_the_form_carries_no_resident_data(client, session, monkeypatch):
    monkeypatch.setattr("agenda.services.reservation_mail.mail_enqueue_written_later", _fail)
    reports = []

    def report(sender, request, **kwargs):
        reports.append(shown_in_report(ExceptionReporter(request, *sys.exc_info())))

    got_request_exception.connect(report)
    try:
        with pytest.raises(RuntimeError):
            client.post(form_url(session, "en"), form_data(1, postcode="5912 CD"))
    finally:
        got_request_exception.disconnect(report)
    (text,) = reports
    assert "'email': ['********************']" in text
    for value in PERSONAL:
        assert value not in text, value


def test_the_reservation_service_hides_its_personal_variables(session, monkeypatch):
    monkeypatch.setattr("agenda.services.reservation_mail.mail_enqueue_written_later", _fail)
    with pytest.raises(RuntimeError) as error:
        # Called directly: factory_boy's frames in between would show the data themselves.
        reservation_create(
            session=session,
            name="Bewoner 1",
            email="bewoner1@example.org",
            party_size=1,
            language="nl",
            postcode="5912 CD",
        )
    text = shown_in_report(ExceptionReporter(None, error.type, error.value, error.tb))
    for value in PERSONAL:
        assert value not in text, value


def test_the_migration_ends_old_waits_that_cannot_fit(reference_data, settings):
    settings.MAIL_SEND_IMMEDIATELY = False
    room = SessionFactory(capacity=4, activity=ActivityFactory(max_party_size=4))
    reserve(room, 1, party_size=2)  # 2 free
    big = reserve(room, 2, party_size=4)  # waits
    small = reserve(room, 3, party_size=1)  # behind the big party
    OutgoingMail.objects.all().delete()
    # As earlier versions left a capacity cut: the party of 4 still on the list.
    Session.objects.filter(pk=room.pk).update(capacity=3)

    name = "0013_end_waits_that_cannot_fit"
    migration = importlib.import_module(f"agenda.migrations.{name}")
    # The models as the migration knows them (the outbox was providers.OutgoingMail then).
    migration.forwards(MigrationLoader(connection).project_state(("agenda", name)).apps, None)

    big.refresh_from_db()
    small.refresh_from_db()
    assert (big.state, small.state) == (Reservation.State.CANCELLED, Confirmed)
    assert_counters_match(room)
    assert mail_send_due() == (2, 0)
    told = {message.to[0]: message for message in mail.outbox}
    with translation.override("nl"):
        assert "ruimte voor 3 mensen" in told["bewoner2@example.org"].body
        assert told["bewoner3@example.org"].subject.startswith("Goed nieuws")


def test_the_capacity_cut_e_mail_tells_the_capacity_of_the_cut(reference_data, settings):
    settings.MAIL_SEND_IMMEDIATELY = False
    room = SessionFactory(capacity=4, activity=ActivityFactory(max_party_size=4))
    reserve(room, 1, party_size=2)
    reserve(room, 2, party_size=4)  # waits
    room.capacity = 3
    session_save(session=room)
    room.capacity = None  # no limit any more, before the e-mail goes out
    session_save(session=room)
    mail_send_due()
    (told,) = [m for m in mail.outbox if m.to == ["bewoner2@example.org"]][-1:]
    with translation.override("nl"):
        assert "ruimte voor 3 mensen" in told.body


def test_a_capacity_cut_also_ends_the_wait_of_a_party_behind_one_that_does_not_fit_yet(
    reference_data,
):
    room = SessionFactory(capacity=10, activity=ActivityFactory(max_party_size=8))
    reserve(room, 1, party_size=6)  # 4 free
    five = reserve(room, 2, party_size=5)  # waits
    seven = reserve(room, 3, party_size=7)  # waits behind
    room.capacity = 6  # full now; the five can still come one day, the seven never
    session_save(session=room)
    five.refresh_from_db()
    seven.refresh_from_db()
    assert (five.state, seven.state) == (Waiting, Reservation.State.CANCELLED)
    assert_counters_match(room)


def test_a_double_submit_that_passes_the_first_look_is_stopped_by_the_database(
    session, monkeypatch
):
    reserve(session, 1)
    # As when both requests of one resident look before either has saved.
    monkeypatch.setattr("agenda.services.reservations._holds_a_place", lambda session, email: False)
    with pytest.raises(ReservationError) as error:
        reserve(session, 1)
    assert error.value.code == "duplicate"
    assert Reservation.objects.count() == 1
    assert_counters_match(session)


def test_another_database_error_is_not_reported_as_a_double_reservation(session, monkeypatch):
    monkeypatch.setattr(
        "agenda.services.reservations.secrets.token_urlsafe", lambda n: "the-same-token"
    )
    reserve(session, 1)
    with pytest.raises(IntegrityError):
        reserve(session, 2)  # reservation_token_unique, not the e-mail constraint
