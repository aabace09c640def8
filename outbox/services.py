"""The outbox: e-mails are stored in the transaction that causes them, then sent.

The one way the site sends mail. An e-mail is either written at once (`mail_enqueue`), or
queued as a note of what to write (`mail_enqueue_written_later`): a writer named in the
OUTBOX_WRITERS setting writes it just before it goes out, so a request that causes one pays for
a small INSERT only. Every e-mail is two templates, `<template>/subject.txt` and
`<template>/body.txt`, rendered in the reader's language.
"""

import base64
import datetime
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.module_loading import import_string

from outbox.models import OutgoingMail

logger = logging.getLogger(__name__)

# Retry after 1, 2, 4 … minutes, never waiting longer than this between attempts.
MAX_BACKOFF = datetime.timedelta(hours=1)


@dataclass(frozen=True)
class WrittenMail:
    subject: str
    body: str
    html: str = ""
    # (filename, content, mimetype)
    attachments: tuple[tuple[str, bytes, str], ...] = ()


Writer = Callable[[dict], WrittenMail | None]


def _writer(name: str) -> Writer:
    """The function that writes e-mails queued under `name` (OUTBOX_WRITERS: name → dotted
    path), giving the e-mail, or None when there is nothing to send any more."""
    return _imported(settings.OUTBOX_WRITERS[name])


@cache
def _imported(path: str):
    return import_string(path)


def mail_render(
    *,
    template: str,
    context: dict,
    language: str,
    attachments: Iterable[tuple[str, bytes, str]] = (),
) -> WrittenMail:
    """An e-mail from `<template>/subject.txt` and `body.txt`, in `language`; the subject on
    one line. `attachments` are (filename, content, mimetype)."""
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}/subject.txt", context).split())
        body = render_to_string(f"{template}/body.txt", context)
    return WrittenMail(subject[:200], body, "", tuple(attachments))


def _encode(attachments: Iterable[tuple[str, bytes, str]]) -> list[dict]:
    return [
        {
            "filename": filename,
            "mimetype": mimetype,
            "content": base64.b64encode(content).decode("ascii"),
        }
        for filename, content, mimetype in attachments
    ]


def _send_after_commit(mail: OutgoingMail, send_now: bool) -> None:
    if send_now and settings.MAIL_SEND_IMMEDIATELY:
        transaction.on_commit(lambda: mail_send_due(pks=[mail.pk]))


def mail_enqueue(
    *,
    to: str,
    template: str,
    context: dict,
    language: str,
    attachments: Iterable[tuple[str, bytes, str]] = (),
    send_now: bool = True,
) -> OutgoingMail:
    """Render an e-mail in `language` now (see `mail_render`) and queue it; it goes out once
    the transaction commits.

    With MAIL_SEND_IMMEDIATELY the send is tried right after commit; if that fails, the row
    stays queued for send_queued_mail. `send_now=False` always leaves it to send_queued_mail:
    for e-mails whose sending time must not tell anything to whoever made the request (an
    account's e-mails: whether an address has an account).
    """
    written = mail_render(
        template=template, context=context, language=language, attachments=attachments
    )
    mail = OutgoingMail.objects.create(
        to=to,
        subject=written.subject,
        body=written.body,
        html=written.html,
        attachments=_encode(written.attachments),
    )
    _send_after_commit(mail, send_now)
    return mail


def mail_enqueue_written_later(
    *, to: str, writer: str, params: dict, send_now: bool = True
) -> OutgoingMail:
    """Queue an e-mail that the writer named `writer` in OUTBOX_WRITERS writes from `params`
    (JSON) when it is sent; like `mail_enqueue` otherwise. The address is stored now, for the
    retention purge and for the outbox list.
    """
    mail = OutgoingMail.objects.create(to=to, writer=writer, params=params)
    _send_after_commit(mail, send_now)
    return mail


def _write(mail: OutgoingMail) -> bool:
    """Fill in a written-later e-mail from its writer; False when there is nothing to send."""
    # A savepoint: a writer's failed query must not break the transaction that records the
    # failure on the row.
    with transaction.atomic():
        written = _writer(mail.writer)(mail.params)
    if written is None:
        return False
    mail.subject = written.subject
    mail.body = written.body
    mail.html = written.html
    mail.attachments = _encode(written.attachments)
    mail.writer = ""  # written: a retry sends this same text
    return True


def _message(mail: OutgoingMail, connection) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=mail.subject, body=mail.body, to=[mail.to], connection=connection
    )
    if mail.html:
        message.attach_alternative(mail.html, "text/html")
    for attachment in mail.attachments:
        message.attach(
            attachment["filename"], base64.b64decode(attachment["content"]), attachment["mimetype"]
        )
    return message


def backoff(attempts: int) -> datetime.timedelta:
    return min(datetime.timedelta(minutes=2 ** max(attempts - 1, 0)), MAX_BACKOFF)


def mail_send_due(
    *,
    pks: Iterable[int] | None = None,
    limit: int = 100,
    stop: Callable[[], bool] | None = None,
) -> tuple[int, int]:
    """Send queued e-mails that are due (or the given ones); returns (sent, failed).

    Each e-mail is sent in its own short transaction, with its row locked (SKIP LOCKED, so
    several workers and the immediate sends never send one e-mail twice) and marked sent in
    the same transaction: a crash halfway through a batch loses no record of what already
    went out, so nothing is sent again. A written-later e-mail is written first, and deleted
    unsent when its writer finds nothing to send. A failure records the error and schedules the
    next attempt. EMAIL_TIMEOUT bounds how long one send (and its lock) can take.

    `stop` is asked before each e-mail (the worker's SIGTERM): the one being sent is finished
    and marked, the rest stay queued for the next run.
    """
    sent = failed = 0
    now = timezone.now()
    tried: list[int] = []
    connection = get_connection()
    for _ in range(limit):
        if stop is not None and stop():
            break
        with transaction.atomic():
            due = OutgoingMail.objects.select_for_update(skip_locked=True).filter(
                sent_at__isnull=True
            )
            if pks is not None:
                due = due.filter(pk__in=pks)
            else:
                due = due.filter(next_attempt_at__lte=now)
            # Once per run: a failed e-mail waits for its next attempt.
            mail = due.exclude(pk__in=tried).order_by("next_attempt_at", "pk").first()
            if mail is None:
                break
            tried.append(mail.pk)
            mail.attempts += 1
            try:
                if mail.writer and not _write(mail):
                    mail.delete()
                    continue
                _message(mail, connection).send()
            except Exception as error:  # any failure (writer, SMTP, network, DNS) keeps it queued
                logger.warning("Sending e-mail %s failed: %s", mail.pk, error)
                mail.last_error = f"{type(error).__name__}: {error}"[:2000]
                mail.next_attempt_at = timezone.now() + backoff(mail.attempts)
                failed += 1
            else:
                mail.sent_at = timezone.now()
                mail.last_error = ""
                sent += 1
            mail.save()
    return sent, failed


def mail_purge(*, before: datetime.datetime, to: Iterable[str] = ()) -> int:
    """Delete e-mails queued before `before`, and the e-mails sent to an address in `to`
    (whose personal data is being removed): they hold names and addresses too.

    One still unsent by then has failed for the whole retention period and is of no use. An
    unsent e-mail to `to` stays until then: it may be about what is still kept (a newer
    reservation's confirmation waiting for the mail server, say), and one still to be written
    is written from the data as it is when it goes out, so one about removed data is dropped.
    """
    sent_to = Q(to__in=list(to), sent_at__isnull=False)
    deleted, _ = OutgoingMail.objects.filter(Q(created_at__lt=before) | sent_to).delete()
    return deleted
