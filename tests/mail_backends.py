"""A mail backend for tests that behaves like an unreachable SMTP server."""

from smtplib import SMTPException

from django.core.mail.backends.base import BaseEmailBackend


class DownBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise SMTPException("Connection refused (the test's mail server is down)")


class SlowFileBackend(BaseEmailBackend):
    """For worker processes in tests: notes "start <to>" in the file W3_TEST_MAIL_LOG, takes
    W3_TEST_MAIL_SECONDS to send, then notes "sent <to>" (a mail really gone out)."""

    def send_messages(self, email_messages):
        import os
        import time

        log = os.environ["W3_TEST_MAIL_LOG"]
        for message in email_messages:
            with open(log, "a") as output:
                output.write(f"start {message.to[0]}\n")
            time.sleep(float(os.environ.get("W3_TEST_MAIL_SECONDS", "1")))
            with open(log, "a") as output:
                output.write(f"sent {message.to[0]}\n")
        return len(email_messages)


class RefusingBackend(BaseEmailBackend):
    """A mail server that refuses the address (its error names the address, as SMTP's do)."""

    def send_messages(self, email_messages):
        from smtplib import SMTPRecipientsRefused

        raise SMTPRecipientsRefused({m.to[0]: (550, b"User unknown") for m in email_messages})
