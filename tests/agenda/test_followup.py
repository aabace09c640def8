"""The follow-up question: one e-mail after the session to who opted in, a one-time link that
expires, and answers that stay without personal data after the retention purge."""

import datetime
import re
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from agenda.models import FollowUp, Reservation
from agenda.services.attendance import reservation_mark_attendance
from agenda.services.followups import followups_send
from outbox.models import OutgoingMail
from tests.factories import UserFactory, reserve

pytestmark = pytest.mark.django_db

ANSWER = {"rating": "4", "wants_to_continue": "maybe", "signed_up": "no", "comment": "Leuk!"}


@pytest.fixture
def after(session, settings):
    """The moment the question is due: FOLLOWUP_AFTER_HOURS after the session ended."""
    settings.FOLLOWUP_AFTER_HOURS = 12
    return session.ends_at + datetime.timedelta(hours=12, minutes=5)


@pytest.fixture
def send(clock, django_capture_on_commit_callbacks):
    """Run the job at `moment`; the e-mails it sent (through the outbox)."""

    def run(moment):
        clock.move_to(moment)
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            followups_send()
        return list(mail.outbox)

    return run


def link_in(message) -> str:
    return re.search(r"https://week3\.example\.org(/\S*vraag/\S+/)", message.body).group(1)


def test_sent_once_after_the_session_only_to_who_opted_in_in_their_language(session, after, send):
    dutch = reserve(session, 1, consent_followup=True)
    english = reserve(session, 2, consent_followup=True, language="en")
    reserve(session, 3)  # did not opt in
    no_show = reserve(session, 4, consent_followup=True)
    cancelled = reserve(session, 5, consent_followup=True)
    Reservation.objects.filter(pk=cancelled.pk).update(state=Reservation.State.CANCELLED)

    assert send(session.ends_at + datetime.timedelta(hours=1)) == []  # too soon
    reservation_mark_attendance(reservation=no_show, attended=False)
    reservation_mark_attendance(reservation=dutch, attended=True)

    sent = send(after)
    assert sorted(m.to[0] for m in sent) == [dutch.email, english.email]
    by_address = {m.to[0]: m for m in sent}
    assert by_address[english.email].subject.startswith("How was it?")
    assert link_in(by_address[english.email]).startswith("/en/vraag/")
    assert "Hoe was het?" in by_address[dutch.email].subject
    assert link_in(by_address[dutch.email]).startswith("/vraag/")
    assert OutgoingMail.objects.filter(to=english.email, sent_at__isnull=False).count() == 1

    assert FollowUp.objects.filter(session=session).count() == 2
    assert {f.language for f in FollowUp.objects.all()} == {"nl", "en"}
    english.refresh_from_db()
    assert english.followup_sent_at is not None

    assert send(after + datetime.timedelta(hours=3)) == []  # once
    assert FollowUp.objects.count() == 2


def test_the_link_works_once_then_says_so(client, session, after, send):
    reserve(session, 1, consent_followup=True, language="en")
    url = link_in(send(after)[0])

    page = client.get(url)
    assert page.status_code == 200
    assert page["Cache-Control"].startswith("max-age=0")
    assert '<meta name="robots" content="noindex">' in page.content.decode()
    assert 'type="radio" name="rating" value="5"' in page.content.decode()
    # The activity has no English title: its Dutch one is marked as Dutch in the sentence.
    assert f'You tried “<span lang="nl">{session.activity.title}</span>”' in page.content.decode()

    response = client.post(url, ANSWER)
    assert response.status_code == 302
    thanks = client.get(response["Location"]).content.decode()
    assert "Your answer is saved" in thanks

    again = client.get(url)
    html = again.content.decode()
    assert again.status_code == 200
    assert "already been answered" in html and '<form method="post" class' not in html
    # A second answer changes nothing.
    client.post(url, {**ANSWER, "rating": "1"})
    answer = FollowUp.objects.get()
    assert (answer.rating, answer.wants_to_continue, answer.signed_up) == (4, "maybe", False)
    assert answer.comment == "Leuk!"


def test_an_incomplete_answer_keeps_what_was_filled_in(client, session, after, send):
    reserve(session, 1, consent_followup=True, language="en")
    url = link_in(send(after)[0])
    response = client.post(url, {"rating": "5", "comment": "Mooi"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Choose yes, maybe or no." in html
    assert re.search(r'value="5"[^>]*checked', html)
    assert "Mooi</textarea>" in html
    assert not FollowUp.objects.get().is_answered


def test_the_link_expires(client, session, after, send, clock, settings):
    settings.FOLLOWUP_VALID_DAYS = 14
    reserve(session, 1, consent_followup=True, language="en")
    url = link_in(send(after)[0])
    clock.move_to(after + datetime.timedelta(days=14, minutes=1))
    response = client.get(url)
    assert response.status_code == 410
    assert "has expired" in response.content.decode()
    assert client.post(url, ANSWER).status_code == 410
    assert not FollowUp.objects.get().is_answered


def test_an_unknown_link_is_a_friendly_404(client, reference_data):
    response = client.get("/en/vraag/verzonnen/")
    assert response.status_code == 404
    assert "We do not know this link" in response.content.decode()


def test_answers_are_rate_limited(client, session, after, send, settings):
    settings.FOLLOWUP_RATE_LIMIT = "2/h"
    reserve(session, 1, consent_followup=True, language="en")
    url = link_in(send(after)[0])
    for _ in range(2):
        client.post(url, {})
    response = client.post(url, ANSWER)
    assert response.status_code == 429
    assert not FollowUp.objects.get().is_answered


def test_answers_survive_the_retention_purge_without_personal_data(
    client, session, after, send, clock
):
    reserve(session, 1, consent_followup=True, language="en")
    reserve(session, 2, consent_followup=True)
    sent = send(after)
    answered_url = link_in(next(m for m in sent if m.to[0] == "bewoner1@example.org"))
    client.post(answered_url, ANSWER)

    clock.move_to(session.ends_at + datetime.timedelta(days=31))
    call_command("purge_personal_data", stdout=StringIO())

    assert FollowUp.objects.count() == 2  # both still count: one answered, one not
    answer = FollowUp.objects.get(answered_at__isnull=False)
    assert (answer.rating, answer.wants_to_continue, answer.comment) == (4, "maybe", "Leuk!")
    assert not FollowUp.objects.exclude(token="").exists()
    stored = " ".join(str(value) for row in FollowUp.objects.values() for value in row.values())
    for personal in ("Bewoner", "bewoner", "@example.org"):
        assert personal not in stored
    assert not Reservation.objects.exclude(email="").exists()
    assert not OutgoingMail.objects.exists()
    assert client.get(answered_url).status_code == 404  # the link leads nowhere any more


def test_staff_remove_a_comment_in_the_admin(client, session, after, send):
    reserve(session, 1, consent_followup=True)
    client.post(link_in(send(after)[0]), ANSWER)
    staff = UserFactory(email="redactie@example.org", is_staff=True)
    staff.groups.add(Group.objects.get(name="redactie"))
    client.force_login(staff)
    changelist = reverse("admin:agenda_followup_changelist")
    assert "Leuk!" in client.get(changelist).content.decode()
    answer = FollowUp.objects.get()
    response = client.post(
        changelist, {"action": "remove_comment", "_selected_action": [answer.pk]}, follow=True
    )
    assert response.status_code == 200
    answer.refresh_from_db()
    assert answer.comment == ""
    assert answer.rating == 4  # the rest of the answer stays


def test_the_privacy_page_explains_the_question_and_what_is_kept(client, reference_data):
    html = " ".join(client.get("/en/privacy/").content.decode().split())
    assert "The question afterwards" in html
    assert "The link works once, for 14 days" in html
    assert "without your name or e-mail address" in html


def test_contact_details_typed_into_the_comment_are_not_kept():
    from agenda.services.followups import without_contact_details

    text = "Leuk! Mail me op anna@example.org of bel 06-12345678. Tot 18-01-2027, jaar 2027."
    assert without_contact_details(text) == (
        "Leuk! Mail me op […] of bel […]. Tot 18-01-2027, jaar 2027."
    )
