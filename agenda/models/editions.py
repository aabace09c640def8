"""Editions of Week 3: everything else hangs under one."""

import datetime

from django.db import models
from django.db.models import F, Q
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class EditionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def newest_published_first(self):
        return self.published().order_by("-starts_on")

    def current(self):
        """The edition the public site shows: the latest published one."""
        return self.newest_published_first().first()

    def current_or_404(self):
        """The current edition; a 404 for public pages while none is published."""
        edition = self.current()
        if edition is None:
            raise Http404("No published edition")
        return edition

    def for_portal(self):
        """The edition providers work on now: the latest one, published or not yet."""
        return self.order_by("-starts_on").first()


class Edition(models.Model):
    """One Week 3: everything else hangs under an edition."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    submissions_open_from = models.DateTimeField(_("submissions open from"), null=True, blank=True)
    submissions_open_until = models.DateTimeField(
        _("submissions open until"), null=True, blank=True
    )
    is_published = models.BooleanField(_("published"), default=False)
    results_from = models.DateField(
        _("results asked from"),
        null=True,
        blank=True,
        help_text=_(
            "From this day providers are asked how many participants went on. "
            "Empty: the day after the last day."
        ),
    )
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("A few sentences for the home page.")
    )
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    intro_de = models.TextField(_("introduction (German)"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EditionQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="edition_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(submissions_open_from__isnull=True)
                | Q(submissions_open_until__isnull=True)
                | Q(submissions_open_until__gt=F("submissions_open_from")),
                name="edition_submission_window_order",
            ),
        ]

    def __str__(self):
        return f"Week 3 {self.year}"

    @property
    def localized_intro(self) -> str:
        """The introduction in the visitor's language; empty when staff wrote none for it."""
        language = (get_language() or "nl")[:2]
        return self.intro if language == "nl" else getattr(self, f"intro_{language}", "")

    def accepts_submissions(self, when: datetime.datetime) -> bool:
        """Inside the submission window; an open end means no limit on that side."""
        if self.submissions_open_from and when < self.submissions_open_from:
            return False
        return not (self.submissions_open_until and when >= self.submissions_open_until)

    @property
    def results_open_on(self) -> datetime.date:
        """The day providers are first asked for their conversions."""
        return self.results_from or self.ends_on + datetime.timedelta(days=1)

    @property
    def days(self) -> list[datetime.date]:
        count = (self.ends_on - self.starts_on).days + 1
        return [self.starts_on + datetime.timedelta(days=offset) for offset in range(count)]
