"""A session made smaller or larger: waits that can no longer fit end, freed places go in order."""

import importlib

import pytest
from django.core import mail
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import translation

from agenda.models import Reservation, Session
from agenda.services.reservations import reservation_cancel
from agenda.services.sessions import session_save
from outbox.models import OutgoingMail
from outbox.services import mail_send_due
from tests.factories import ActivityFactory, SessionFactory, reserve
from tests.helpers import assert_counters_match

pytestmark = pytest.mark.django_db

Confirmed = Reservation.State.CONFIRMED
Waiting = Reservation.State.WAITING


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
