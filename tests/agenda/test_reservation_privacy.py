"""Residents' personal data: the privacy page, consent, deleted after 31 days, not in reports."""

import datetime
import sys
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.signals import got_request_exception
from django.db.models import Sum
from django.utils import translation
from django.views.debug import ExceptionReporter

from agenda.models import Reservation
from agenda.services.attendance import session_attendance_list
from agenda.services.followups import followups_send
from agenda.services.reservations import reservation_create
from agenda.services.retention import personal_data_purge
from agenda.services.scheduled import reservations_purge
from outbox.models import OutgoingMail
from providers.models import District
from tests.factories import SessionFactory, reserve
from tests.helpers import form_data, form_url

pytestmark = pytest.mark.django_db

Confirmed = Reservation.State.CONFIRMED

PERSONAL = ["bewoner1@example.org", "Bewoner 1", "5912 CD", "5912CD"]


def test_privacy_page(client, reference_data):
    html = client.get("/en/privacy/").content.decode()
    assert "When we delete it" in html
    assert "30 days after your session" in html


def test_attendance_list_shows_e_mail_only_of_who_agreed(session):
    reserve(session, 1, consent_contact=True)
    reserve(session, 2)
    rows = {r.name: r.contact_email for r in session_attendance_list(session)}
    assert rows == {"Bewoner 1": "bewoner1@example.org", "Bewoner 2": ""}


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


def test_the_follow_up_e_mail_goes_with_the_rest_of_the_personal_data(
    session, clock, settings, django_capture_on_commit_callbacks
):
    """The question is queued after the session, so it is younger than the retention term when
    the reservation's data goes; the purge takes it along."""
    settings.FOLLOWUP_AFTER_HOURS = 12
    reservation = reserve(session, 1, consent_followup=True)
    clock.move_to(session.ends_at + datetime.timedelta(hours=12, minutes=5))
    with django_capture_on_commit_callbacks(execute=True):
        assert followups_send() == 1

    clock.move_to(session.ends_at + datetime.timedelta(days=30, hours=1))
    personal_data_purge()
    reservation.refresh_from_db()
    assert reservation.email == reservation.name == ""
    kept = OutgoingMail.objects.filter(to="bewoner1@example.org")
    assert not kept.exists(), [(m.subject, m.created_at) for m in kept]


def test_the_purge_keeps_the_unsent_e_mails_about_a_newer_reservation(
    session, clock, reference_data
):
    reserve(session, 1)
    later = SessionFactory(
        starts_at=session.starts_at + datetime.timedelta(days=40),
        ends_at=session.ends_at + datetime.timedelta(days=40),
    )
    clock.move_to(session.ends_at + datetime.timedelta(days=30, hours=1))
    newer = reserve(later, 1)  # its confirmation queued, to be written when it goes out
    # Another one written already, but the mail server was down: it still goes out.
    waiting = OutgoingMail.objects.create(
        to="bewoner1@example.org", subject="Je plek", body="Hallo", attempts=2
    )
    personal_data_purge()
    kept = OutgoingMail.objects.filter(to="bewoner1@example.org")
    assert {mail.pk for mail in kept} == {waiting.pk, kept.get(writer__gt="").pk}
    assert kept.get(writer__gt="").params["reservation"] == newer.pk


def test_an_anonymised_reservation_is_named_in_the_staffs_language(session, clock):
    """ "(anonymous)" is in the catalogs: the Dutch and German admin (change page, breadcrumbs,
    the log) name a reservation without its name in their own language."""
    reservation = reserve(session, 1)
    clock.move_to(session.ends_at + datetime.timedelta(days=31))
    reservations_purge()
    reservation.refresh_from_db()
    for code in ("nl", "de"):
        with translation.override(code):
            assert "(anonymous)" not in str(reservation), code


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
