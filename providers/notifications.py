"""E-mail to the people who act for a provider, each in their own language (via the outbox)."""

from collections.abc import Iterable

from django.conf import settings

from outbox.services import mail_enqueue
from providers.models import User


def send_templated_mail(
    *,
    to: Iterable[str | User],
    template: str,
    context: dict,
    language: str = "",
    send_now: bool = True,
) -> None:
    """Render `<template>/subject.txt` and `body.txt` and queue one e-mail per recipient.

    The outbox row is written in the caller's transaction and sent after the commit, so nobody
    gets a mail about something that was rolled back, and a mail-server outage only delays it.
    A recipient given as a `User` reads it in their own language; a plain address in
    `language` (or the site's default). `send_now=False`: never sent in the request (see
    `outbox.services.mail_enqueue`).
    """
    context = {"site_url": settings.SITE_URL, **context}
    for recipient in to:
        if isinstance(recipient, User):
            address, reader_language = recipient.email, recipient.language
        else:
            address, reader_language = recipient, language
        if not address:
            continue
        mail_enqueue(
            to=address,
            template=template,
            context=context,
            language=reader_language or language or settings.LANGUAGE_CODE,
            send_now=send_now,
        )
