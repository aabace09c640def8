"""The outbox: e-mails rendered in the reader's language, written later by a named writer, and
never sent twice or lost when sending fails."""

import pytest
from django.core import mail

from outbox.models import OutgoingMail
from outbox.services import WrittenMail, mail_enqueue, mail_enqueue_written_later, mail_send_due

pytestmark = pytest.mark.django_db


def write_a_greeting(params: dict) -> WrittenMail | None:
    """A writer for the tests: None (nothing to send any more) for "gone"."""
    if params["to"] == "gone":
        return None
    return WrittenMail(subject=f"Hallo {params['to']}", body="Tot ziens.")


@pytest.fixture
def writers(settings):
    settings.MAIL_SEND_IMMEDIATELY = False
    settings.OUTBOX_WRITERS = {
        **settings.OUTBOX_WRITERS,
        "test.greeting": f"{__name__}.write_a_greeting",
    }


def test_a_writer_named_in_the_settings_writes_the_mail_when_it_goes_out(writers):
    queued = mail_enqueue_written_later(
        to="anna@example.org", writer="test.greeting", params={"to": "Anna"}
    )
    assert queued.subject == ""  # nothing written in the request
    assert mail_send_due() == (1, 0)
    (message,) = mail.outbox
    assert message.subject == "Hallo Anna"
    queued.refresh_from_db()
    assert (queued.subject, queued.writer) == ("Hallo Anna", "")  # a retry sends the same text


def test_a_mail_its_writer_has_nothing_for_is_deleted_unsent(writers):
    mail_enqueue_written_later(to="weg@example.org", writer="test.greeting", params={"to": "gone"})
    assert mail_send_due() == (0, 0)
    assert mail.outbox == []
    assert not OutgoingMail.objects.exists()


def test_a_writer_missing_from_the_settings_keeps_the_mail_queued(writers):
    mail_enqueue_written_later(to="anna@example.org", writer="test.unknown", params={})
    assert mail_send_due() == (0, 1)
    (queued,) = OutgoingMail.objects.all()
    assert queued.sent_at is None and "test.unknown" in queued.last_error


def test_mail_enqueue_renders_in_the_given_language(db):
    with_subject = mail_enqueue(
        to="a@example.org",
        template="providers/email/approved",
        context={"provider": {"name": "Koor & Co"}, "site_url": "https://x.example"},
        language="en",
    )
    assert with_subject.subject == "Koor & Co is approved for Week 3"  # plain: nothing escaped
    assert "https://x.example/en/portaal/" in with_subject.body  # the English address


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
