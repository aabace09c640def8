"""The outbox: e-mails waiting to go out, and those gone, until the retention purge."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingMail(models.Model):
    """An e-mail waiting to go out, or gone: the outbox that survives a mail-server outage.

    Written by outbox.services; the send_queued_mail command (and an immediate attempt after
    commit) sends it. Attachments are a JSON list of {filename, mimetype, content (base64)}.
    While `writer` is set, subject and text are still to be written, from `params`.
    """

    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    body = models.TextField(_("text"), blank=True)
    html = models.TextField(_("HTML"), blank=True)
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    writer = models.CharField(_("written by"), max_length=100, blank=True)
    params = models.JSONField(_("what to write"), default=dict, blank=True)

    class Meta:
        # The table of the days when the outbox lived in the providers app: kept, not moved.
        db_table = "providers_outgoingmail"
        ordering = ["created_at", "pk"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(sent_at__isnull=True),
                name="outgoingmail_due",
            ),
        ]

    def __str__(self):
        return f"{self.to}: {self.subject}"


class JobRun(models.Model):
    """One run of a scheduled job (WORKER_JOBS) for one period: the worker that holds the job's
    advisory lock writes it, so each job runs once per period however many workers there are.
    `finished_at` stays empty while it runs, and after a failure (the job is tried again)."""

    job = models.CharField(_("job"), max_length=100)
    period_start = models.DateTimeField(_("period"))
    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    worker = models.CharField(_("worker"), max_length=200, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-period_start", "job"]
        verbose_name = _("job run")
        verbose_name_plural = _("job runs")
        constraints = [
            models.UniqueConstraint(fields=["job", "period_start"], name="jobrun_once_per_period")
        ]

    def __str__(self):
        return f"{self.job} {self.period_start:%Y-%m-%d %H:%M}"


class WorkerHeartbeat(models.Model):
    """The last sign of life of each worker process (readiness reads the newest)."""

    worker = models.CharField(_("worker"), max_length=200, primary_key=True)
    beat_at = models.DateTimeField(_("last heartbeat"))

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self):
        return self.worker
