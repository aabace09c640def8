"""Rate-limit counters kept in the database, for sites without a shared cache (agenda.ratelimit)."""

from django.db import models


class RateCount(models.Model):
    """Attempts of one client (a hashed address or e-mail) in one window of one limit.

    Every app process and server sees the same row, so a limit counts across them all even
    without Redis. Rows outlive their window by a moment only: the nightly job deletes them.
    """

    key = models.CharField(max_length=100, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "rate-limit count"
        verbose_name_plural = "rate-limit counts"

    def __str__(self):
        return f"{self.key}: {self.count}"
