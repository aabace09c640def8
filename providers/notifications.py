"""The one place the portal and moderation send e-mail from: templates in the reader's language."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def send_templated_mail(*, to: list[str], template: str, context: dict, language: str = "") -> None:
    """Render `<template>/subject.txt` and `body.txt` and send them once the transaction commits.

    Sending after the commit means nobody gets a mail about something that was rolled back.
    """
    recipients = [address for address in to if address]
    if not recipients:
        return
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {"site_url": settings.SITE_URL, **context}
        subject = " ".join(render_to_string(f"{template}/subject.txt", context).split())
        body = render_to_string(f"{template}/body.txt", context)
    transaction.on_commit(lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients))
