"""A mail backend for tests that behaves like an unreachable SMTP server."""

from smtplib import SMTPException

from django.core.mail.backends.base import BaseEmailBackend


class DownBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise SMTPException("Connection refused (the test's mail server is down)")
