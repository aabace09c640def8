"""The e-mails of a moderation decision: plain text, and saying when the activity is public."""

import pytest
from django.core import mail

from agenda.services.moderation import activity_approve, activity_submit
from providers.models import Provider
from tests.helpers import TRICKY_TITLE, submitted

pytestmark = pytest.mark.django_db


def test_decision_mails_show_ampersands_and_apostrophes(
    world_a, moderator, django_capture_on_commit_callbacks
):
    activity = world_a["activity"]
    activity.title = TRICKY_TITLE
    activity.save()
    activity_submit(activity=activity, by=world_a["user"])
    with django_capture_on_commit_callbacks(execute=True):
        activity_approve(activity=activity, by=moderator, message="Top & 'prima'!")
    message = mail.outbox[-1]
    assert TRICKY_TITLE in message.subject and TRICKY_TITLE in message.body
    assert "Top & 'prima'!" in message.body
    assert "&amp;" not in message.body + message.subject
    assert "&#x27;" not in message.body + message.subject


APPROVAL_SENTENCES = {
    "provider_pending": "It is on the agenda once your organisation is approved too.",
    "public": "It is on the agenda now.",
    "edition_unpublished": "It is on the agenda as soon as the agenda of Week 3 2027 is published.",
}


@pytest.mark.parametrize(
    ("provider_approved", "edition_published", "expected"),
    [
        (False, True, "provider_pending"),
        (True, True, "public"),
        (True, False, "edition_unpublished"),
    ],
)
def test_approval_mail_says_when_the_activity_is_on_the_agenda(
    world_a,
    moderator,
    edition,
    django_capture_on_commit_callbacks,
    provider_approved,
    edition_published,
    expected,
):
    world_a["user"].language = "en"
    world_a["user"].save()
    if not provider_approved:
        Provider.objects.filter(pk=world_a["provider"].pk).update(status=Provider.Status.PENDING)
    edition.is_published = edition_published
    edition.save()
    activity = submitted(world_a)
    with django_capture_on_commit_callbacks(execute=True):
        activity_approve(activity=activity, by=moderator)
    body = mail.outbox[-1].body
    assert [key for key, sentence in APPROVAL_SENTENCES.items() if sentence in body] == [expected]
