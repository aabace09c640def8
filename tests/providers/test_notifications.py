"""Portal and moderation e-mails: through the outbox, in their user's language, in plain text."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from agenda.services.moderation import activity_approve, activity_submit
from outbox.models import OutgoingMail
from outbox.services import mail_send_due
from providers import notifications
from providers.models import User
from providers.services import provider_approve
from tests.helpers import TRICKY_TITLE, link_in

pytestmark = pytest.mark.django_db

SIGN_UP = {
    "organisation": "Harmonie Blerick",
    "kind": "association",
    "first_name": "Anna",
    "email": "anna@example.org",
    "password": "a-long-enough-secret-42",
}


def test_moderation_mail_survives_a_mail_server_outage(
    world_a, admin_user, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.mail_backends.DownBackend"
    activity = world_a["activity"]
    with django_capture_on_commit_callbacks(execute=True):
        provider_approve(provider=world_a["provider"])
        activity_submit(activity=activity, by=world_a["user"])
        activity_approve(activity=activity, by=admin_user)
    assert mail.outbox == []
    queued = OutgoingMail.objects.filter(to=world_a["user"].email, sent_at__isnull=True)
    assert queued.count() == 2  # organisation approved, activity approved
    assert all(row.attempts == 1 and "down" in row.last_error for row in queued)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert mail_send_due(pks=[row.pk for row in queued]) == (2, 0)
    assert [m.to for m in mail.outbox] == [[world_a["user"].email]] * 2


def test_mail_is_written_in_the_users_language(world_a, monkeypatch):
    languages = []
    real_enqueue = notifications.mail_enqueue

    def spy(**kwargs):
        languages.append((kwargs["to"], kwargs["language"]))
        return real_enqueue(**kwargs)

    monkeypatch.setattr(notifications, "mail_enqueue", spy)
    user = world_a["user"]
    user.language = "de"
    user.save()
    colleague = User.objects.create_user(
        email="en@example.org", provider=world_a["provider"], language="en"
    )
    with translation.override("nl"):
        provider_approve(provider=world_a["provider"])
    assert sorted(languages) == [(colleague.email, "en"), (user.email, "de")]


def test_provider_mails_show_ampersands_and_apostrophes(
    client, world_a, django_capture_on_commit_callbacks
):
    from providers.services import provider_approve, user_invite

    provider = world_a["provider"]
    provider.name = TRICKY_TITLE
    provider.save()
    with django_capture_on_commit_callbacks(execute=True):
        provider_approve(provider=provider)
        user_invite(provider=provider, email="collega@example.org", invited_by=world_a["user"])
    mail_send_due()
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert TRICKY_TITLE in message.subject and TRICKY_TITLE in message.body
        assert "&amp;" not in message.body + message.subject
        assert "&#x27;" not in message.body + message.subject


def test_sign_up_remembers_the_language_of_the_form(client, reference_data):
    # The request activates English for the thread: `override` restores it for later tests.
    with translation.override("en"):
        url = reverse("portal:sign_up")
        client.post(url, SIGN_UP)
    assert url.startswith("/en/")
    assert User.objects.get(email="anna@example.org").language == "en"
    assert OutgoingMail.objects.filter(to="anna@example.org").count() == 1


def test_accepting_an_invitation_remembers_its_language(client_a, world_a):
    with translation.override("nl"):
        client_a.post(reverse("portal:colleagues"), {"email": "bob@example.org"})
    mail_send_due()
    assert User.objects.get(email="bob@example.org").language == "nl"
    client_a.logout()
    password = "another-long-secret-7"
    with translation.override("de"):
        response = client_a.post(
            "/de" + link_in(mail.outbox[-1]), {"new_password1": password, "new_password2": password}
        )
    assert response.status_code == 302
    assert User.objects.get(email="bob@example.org").language == "de"
