"""The moderation state machine: submit, approve, request changes, reject, withdraw."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone, translation

from agenda.models import Activity, ActivityDecision, ActivityState, Decision, Reservation
from agenda.services.activities import activity_save
from agenda.services.drafts import activity_data
from agenda.services.errors import ModerationError
from agenda.services.moderation import (
    activity_approve,
    activity_reject,
    activity_request_changes,
    activity_submit,
    activity_withdraw,
)
from tests.factories import ReservationFactory, SessionFactory
from tests.helpers import approved, submitted

pytestmark = pytest.mark.django_db


def test_submit_then_approve(world_a, moderator, django_capture_on_commit_callbacks):
    activity = submitted(world_a)
    assert activity.state == "submitted"
    with django_capture_on_commit_callbacks(execute=True):
        activity_approve(activity=activity, by=moderator)
    activity.refresh_from_db()
    assert activity.state == "approved"
    assert [d.action for d in activity.decisions.all()] == ["approve", "submit"]
    assert mail.outbox[-1].to == [world_a["user"].email]


@pytest.mark.parametrize("service", [activity_approve, activity_request_changes, activity_reject])
def test_a_draft_cannot_be_decided(world_a, moderator, service):
    with pytest.raises(ModerationError):
        service(activity=world_a["activity"], by=moderator, message="waarom")
    world_a["activity"].refresh_from_db()
    assert world_a["activity"].state == "draft"
    assert not ActivityDecision.objects.exists()


def test_rejected_cannot_be_submitted_again(world_a, moderator):
    activity = submitted(world_a)
    activity_reject(activity=activity, by=moderator, message="Geen cultuur.")
    with pytest.raises(ModerationError):
        activity_submit(activity=activity, by=world_a["user"])


def test_request_changes_needs_a_message(world_a, moderator):
    activity = submitted(world_a)
    with pytest.raises(ModerationError):
        activity_request_changes(activity=activity, by=moderator, message=" ")


def test_submission_window_is_enforced(world_a, edition):
    edition.submissions_open_until = timezone.now() - datetime.timedelta(days=1)
    edition.submissions_open_from = timezone.now() - datetime.timedelta(days=10)
    edition.save()
    # The message is lazy: read it in English, whatever the Dutch catalog says.
    with translation.override("en"), pytest.raises(ModerationError, match="closed"):
        activity_submit(activity=world_a["activity"], by=world_a["user"])


def test_submit_needs_a_session(world_a):
    world_a["session"].delete()
    with pytest.raises(ModerationError):
        activity_submit(activity=world_a["activity"], by=world_a["user"])


def test_withdraw_takes_an_approved_activity_off_the_agenda(world_a, moderator):
    activity = submitted(world_a)
    activity_approve(activity=activity, by=moderator)
    activity_withdraw(activity=activity, by=world_a["user"])
    activity.refresh_from_db()
    assert activity.state == "withdrawn"
    assert not Activity.objects.public().filter(pk=activity.pk).exists()


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_refused_step_names_state_and_step_as_labelled(world_a, moderator, language):
    with translation.override(language):
        with pytest.raises(ModerationError) as refused:
            activity_approve(activity=world_a["activity"], by=moderator)
        message = str(refused.value.message)
        # Labels as they are (German nouns keep their capital), quoted as the language quotes.
        assert str(ActivityState.DRAFT.label) in message
        assert str(Decision.APPROVE.label) in message
    if language == "en":
        assert message == "An activity with the state “Draft” cannot become “Approved”."


def test_changing_a_submitted_activity_takes_it_back_to_draft(world_a, moderator):
    activity = submitted(world_a)
    data = activity_data(activity)
    assert activity_save(activity=activity, data=data, by=world_a["user"]) is False
    activity.refresh_from_db()
    assert activity.state == "submitted"  # saved unchanged: still in the queue

    data["description"] = "Iets anders dan wat de redactie las."
    activity_save(activity=activity, data=data, by=world_a["user"])
    activity.refresh_from_db()
    assert activity.state == "draft"
    assert activity.description == "Iets anders dan wat de redactie las."
    assert not Activity.objects.awaiting_moderation().filter(pk=activity.pk).exists()
    assert [d.action for d in activity.decisions.all()] == ["retract", "submit"]
    assert activity.decisions.first().decided_by == world_a["user"]
    # The moderator who opened it before the change cannot approve the changed version.
    with pytest.raises(ModerationError):
        activity_approve(activity=activity, by=moderator)
    activity_submit(activity=activity, by=world_a["user"])
    activity_approve(activity=activity, by=moderator)
    activity.refresh_from_db()
    assert activity.state == "approved"


def test_a_submitted_activity_stays_as_sent_once_submissions_closed(world_a, edition):
    activity = submitted(world_a)
    edition.submissions_open_until = timezone.now() - datetime.timedelta(hours=1)
    edition.save()
    data = activity_data(activity)
    data["title"] = "Te laat"
    with pytest.raises(ModerationError):
        activity_save(activity=activity, data=data, by=world_a["user"])
    activity.refresh_from_db()
    assert (activity.state, activity.title) == ("submitted", "Activiteit Aanbieder A")


def test_withdrawing_an_approved_activity_cancels_its_sessions_and_tells_residents(
    world_a, moderator, django_capture_on_commit_callbacks
):
    activity = approved(world_a, moderator)
    session = world_a["session"]
    reservation = ReservationFactory(session=session, email="bewoner@example.org", party_size=2)
    past = SessionFactory(
        activity=activity,
        venue=world_a["venue"],
        starts_at=timezone.now() - datetime.timedelta(days=2),
        ends_at=timezone.now() - datetime.timedelta(days=2) + datetime.timedelta(hours=1),
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        activity_withdraw(activity=activity, by=world_a["user"])
    session.refresh_from_db()
    reservation.refresh_from_db()
    past.refresh_from_db()
    assert session.is_cancelled and session.places_booked == 0
    assert reservation.state == Reservation.State.CANCELLED
    assert not past.is_cancelled  # what already happened stays as it was
    assert [message.to for message in mail.outbox] == [["bewoner@example.org"]]
    assert "STATUS:CANCELLED" in str(mail.outbox[0].attachments[0][1])


def test_withdrawing_a_draft_leaves_its_sessions_alone(world_a):
    activity_withdraw(activity=world_a["activity"], by=world_a["user"])
    world_a["session"].refresh_from_db()
    assert not world_a["session"].is_cancelled
