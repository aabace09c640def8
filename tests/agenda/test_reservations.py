"""Reservations: capacity, the waiting list in order, cancelling, e-mails, abuse and retention."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from agenda.models import Activity, Channel, Reservation, Session
from agenda.services.attendance import session_attendance_list
from agenda.services.errors import ReservationError
from agenda.services.reservations import reservation_cancel, session_cancel
from agenda.services.scheduled import reminders_send
from agenda.templatetags.agenda import spots_status
from outbox.models import OutgoingMail
from outbox.services import mail_enqueue, mail_send_due
from providers.models import District
from tests.factories import ActivityFactory, SessionFactory, VenueFactory, local, reserve
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


# Capacity and the waiting list.


def test_confirms_until_full_then_waits_in_order(session):
    results = [reserve(session, n) for n in range(8)]
    assert [r.state for r in results] == [Confirmed] * 5 + [Waiting] * 3
    assert [r.position_in_line() for r in results[5:]] == [1, 2, 3]
    assert_counters_match(session)
    assert session.is_full


def test_nobody_jumps_the_queue(session):
    reserve(session, 1, party_size=4)
    big = reserve(session, 2, party_size=3)  # does not fit in the 1 place left
    assert big.state == Waiting
    small = reserve(session, 3, party_size=1)  # would fit, but someone is waiting
    assert small.state == Waiting
    assert small.position_in_line() == 2
    session.refresh_from_db()
    assert session.spots_left == 0
    with translation.override("en"):
        assert spots_status(session)["label"] == "Full – waiting list"
    assert not Session.objects.with_free_spots().filter(pk=session.pk).exists()


def test_cancel_promotes_the_first_waiting_and_emails_them(
    session, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = [reserve(session, n) for n in range(5)]
        waiting = [reserve(session, n) for n in range(5, 7)]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = reservation_cancel(reservation=first[0])
    assert promoted == [waiting[0]]
    waiting[0].refresh_from_db()
    waiting[1].refresh_from_db()
    assert waiting[0].state == Confirmed
    assert waiting[1].position_in_line() == 1
    assert_counters_match(session)
    to = {message.to[0]: message for message in mail.outbox}
    assert set(to) == {first[0].email, waiting[0].email}
    promotion = to[waiting[0].email]
    assert promotion.subject.startswith("Goed nieuws")  # reserved in Dutch
    assert promotion.attachments[0][0] == "week3.ics"
    assert waiting[0].token in promotion.body
    # Cancelling again changes nothing.
    assert reservation_cancel(reservation=first[0]) == []
    assert_counters_match(session)


def test_freed_places_go_strictly_in_order_whatever_the_party_size(session):
    a = reserve(session, 1, party_size=3)
    b = reserve(session, 2, party_size=2)
    c = reserve(session, 3, party_size=3)
    d = reserve(session, 4, party_size=1)
    assert (c.state, d.state) == (Waiting, Waiting)

    # Two places free up: the first in line needs three, so nobody moves, not even d.
    assert reservation_cancel(reservation=b) == []
    c.refresh_from_db()
    d.refresh_from_db()
    assert (c.state, d.state) == (Waiting, Waiting)
    session.refresh_from_db()
    assert session.places_booked == 3
    assert session.spots_left == 0  # the two free places are kept for the waiting list

    # Three more free up: c (3) and then d (1) fit in the five.
    assert reservation_cancel(reservation=a) == [c, d]
    assert_counters_match(session)
    session.refresh_from_db()
    assert session.places_booked == 4
    assert session.places_waiting == 0
    assert session.spots_left == 1


def test_cancelling_a_waiting_reservation_moves_the_line_up(session):
    for n in range(5):
        reserve(session, n)
    w1, w2 = reserve(session, 10), reserve(session, 11)
    reservation_cancel(reservation=w1)
    assert w2.position_in_line() == 1
    assert_counters_match(session)


def test_no_limit_confirms_everyone(reference_data):
    session = SessionFactory(capacity=None)
    assert all(reserve(session, n, party_size=4).state == Confirmed for n in range(20))
    assert_counters_match(session)


def test_walk_in_cancelled_past_and_too_large_are_refused(session, reference_data):
    walk_in = SessionFactory(activity=ActivityFactory(registration=Activity.Registration.WALK_IN))
    with pytest.raises(ReservationError) as error:
        reserve(walk_in, 1)
    assert error.value.code == "walk_in"
    with pytest.raises(ReservationError) as error:
        reserve(session, 1, party_size=5)
    assert error.value.code == "party_size"
    past = SessionFactory(
        starts_at=local(datetime.date(2020, 1, 1), 10), ends_at=local(datetime.date(2020, 1, 1), 11)
    )
    with pytest.raises(ReservationError) as error:
        reserve(past, 1)
    assert error.value.code == "past"
    session_cancel(session=session)
    with pytest.raises(ReservationError) as error:
        reserve(session, 1)
    assert error.value.code == "cancelled"
    assert not Reservation.objects.exists()


# Database constraints.


def test_one_active_reservation_per_email_is_a_database_constraint(session):
    reserve(session, 1)
    # Rows written past the service on purpose, as a bug would: the database refuses them.
    with pytest.raises(IntegrityError), transaction.atomic():
        Reservation.objects.create(session=session, name="x", email="BEWONER1@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        Reservation.objects.create(session=session, name="x", email="y@example.org", party_size=0)
    # Once cancelled, the same address may reserve again.
    reservation_cancel(reservation=Reservation.objects.get())
    assert reserve(session, 1).state == Confirmed


def test_duplicate_gets_a_friendly_message_and_creates_nothing(client, session):
    reserve(session, 1)
    response = client.post(form_url(session, "en"), form_data(1, email="Bewoner1@Example.org"))
    assert response.status_code == 400
    assert "You already have a reservation for this session" in response.content.decode()
    assert Reservation.objects.count() == 1


# The pages.


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
    url = reservation.get_absolute_url()
    assert client.get(url).status_code == 200
    reservation.refresh_from_db()
    assert reservation.state == Confirmed
    response = client.post(url)
    assert response.status_code == 302
    reservation.refresh_from_db()
    assert reservation.state == Reservation.State.CANCELLED
    assert client.get("/reservering/not-a-real-token/").status_code == 404


def test_a_full_session_offers_the_waiting_list_and_shows_the_position(client, session):
    for n in range(5):
        reserve(session, n)
    page = client.get(form_url(session, "en")).content.decode()
    assert "Full? Put yourself on the waiting list." in page
    response = client.post(form_url(session, "en"), form_data(9), follow=True)
    assert "You are number 1 in line." in response.content.decode()


def test_form_page_query_budget(client, session, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        assert client.get(form_url(session)).status_code == 200


def test_privacy_page(client, reference_data):
    html = client.get("/en/privacy/").content.decode()
    assert "When we delete it" in html
    assert "30 days after your session" in html


# Abuse.


def test_honeypot_gives_a_message_and_creates_nothing(client, session):
    response = client.post(form_url(session, "en"), form_data(1, website="http://spam.example"))
    assert response.status_code == 400
    assert "Leave this field empty" in response.content.decode()
    assert not Reservation.objects.exists()
    assert not OutgoingMail.objects.exists()


def test_rate_limit_per_ip_address(client, session, settings):
    settings.RESERVATION_RATE_LIMIT = "2/m"
    for n in range(2):
        assert client.post(form_url(session, "en"), form_data(n)).status_code == 302
    response = client.post(form_url(session, "en"), form_data(3))
    assert response.status_code == 429
    assert "Wait a minute, then try again" in response.content.decode()
    assert Reservation.objects.count() == 2


def test_rate_limit_per_email_address_across_ip_addresses(client, session, settings):
    settings.RESERVATION_RATE_LIMIT = "2/m"
    data = form_data(1, website="filled in")  # rejected attempts count too
    for n in range(2):
        client.post(form_url(session, "en"), data, REMOTE_ADDR=f"10.0.0.{n}")
    response = client.post(form_url(session, "en"), form_data(1), REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 429
    assert not Reservation.objects.exists()


def test_forwarded_for_counts_only_behind_a_trusted_proxy(client, session, settings):
    settings.RESERVATION_RATE_LIMIT = "1/m"
    settings.TRUST_X_FORWARDED_FOR = True
    for n in range(2):
        # The proxy appended the address it saw (the last entry); the first is the client's.
        response = client.post(
            form_url(session, "en"), form_data(n), HTTP_X_FORWARDED_FOR=f"10.9.9.9, 192.0.2.{n}"
        )
        assert response.status_code == 302
    settings.TRUST_X_FORWARDED_FOR = False
    client.post(form_url(session, "en"), form_data(5), HTTP_X_FORWARDED_FOR="192.0.2.50")
    response = client.post(form_url(session, "en"), form_data(6), HTTP_X_FORWARDED_FOR="192.0.2.60")
    assert response.status_code == 429


def test_a_made_up_first_forwarded_for_entry_does_not_dodge_the_limit(client, session, settings):
    settings.RESERVATION_RATE_LIMIT = "2/m"
    settings.TRUST_X_FORWARDED_FOR = True
    settings.TRUSTED_PROXY_COUNT = 1
    statuses = [
        client.post(
            form_url(session, "en"),
            form_data(n),
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 192.0.2.7",  # a new "client" every time
        ).status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert Reservation.objects.count() == 2


def test_rate_limit_off(client, session, settings):
    settings.RESERVATION_RATE_LIMIT = "off"
    for n in range(8):
        assert client.post(form_url(session, "en"), form_data(n)).status_code == 302


# E-mail: reminders, outages, a cancelled session.


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


def test_mail_enqueue_renders_in_the_given_language(db):
    with_subject = mail_enqueue(
        to="a@example.org",
        template="providers/email/approved",
        context={"provider": {"name": "Koor & Co"}, "site_url": "https://x.example"},
        language="en",
    )
    assert with_subject.subject == "Koor & Co is approved for Week 3"  # plain: nothing escaped
    assert "https://x.example/en/portaal/" in with_subject.body  # the English address


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
    assert all("STATUS:CANCELLED" in str(m.attachments[0][1]) for m in mail.outbox)
    session.refresh_from_db()
    assert session.is_cancelled
    assert (session.places_booked, session.places_waiting) == (0, 0)
    assert not Reservation.objects.active().exists()


def test_attendance_list_shows_e_mail_only_of_who_agreed(session):
    reserve(session, 1, consent_contact=True)
    reserve(session, 2)
    rows = {r.name: r.contact_email for r in session_attendance_list(session)}
    assert rows == {"Bewoner 1": "bewoner1@example.org", "Bewoner 2": ""}


# Retention.


def test_retention_removes_personal_data_after_31_days_and_keeps_counts(
    session, clock, django_capture_on_commit_callbacks
):
    centrum = District.objects.get(slug="venlo-centrum")
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(7):
            reserve(session, n, postcode="5911AB", consent_followup=n % 2 == 0)
    later = SessionFactory(
        starts_at=session.starts_at + datetime.timedelta(days=10),
        ends_at=session.ends_at + datetime.timedelta(days=10),
    )
    reserve(later, 99)

    clock.move_to(session.ends_at + datetime.timedelta(days=29))
    call_command("purge_personal_data", stdout=StringIO())
    assert Reservation.objects.filter(anonymised_at__isnull=False).count() == 0

    clock.move_to(session.ends_at + datetime.timedelta(days=31))
    call_command("purge_personal_data", stdout=StringIO())
    call_command("purge_personal_data", stdout=StringIO())  # safe to repeat
    gone = Reservation.objects.filter(session=session)
    assert gone.count() == 7
    assert not gone.exclude(name="", email="", postcode="", token="").exists()
    assert gone.filter(state=Confirmed).count() == 5
    assert gone.filter(district=centrum).count() == 7
    assert gone.filter(consent_followup=True).count() == 4
    assert gone.aggregate(s=Sum("party_size"))["s"] == 7
    assert Reservation.objects.get(session=later).email == "bewoner99@example.org"
    assert not OutgoingMail.objects.exists()  # the sent e-mails held names too
