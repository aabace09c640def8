"""Moderation: the queue, the decision log and proposed changes to approved activities."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from agenda.models.activities import Activity
from agenda.models.states import OPEN_REVISION_STATES, ActivityState, Decision


class SubmittedActivity(Activity):
    """The moderators' queue in the admin: activities (or their changes) waiting for a decision."""

    class Meta:
        proxy = True
        verbose_name = _("submitted activity")
        verbose_name_plural = _("submitted activities")


class ActivityDecision(models.Model):
    """One step in an activity's moderation: who did what, when, and what they wrote."""

    Action = Decision

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="decisions"
    )
    action = models.CharField(_("action"), max_length=20, choices=Decision.choices)
    message = models.TextField(_("message"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    about_changes = models.BooleanField(
        _("about changes"),
        default=False,
        help_text=_("About proposed changes to an activity that is already public."),
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("moderation decision")
        verbose_name_plural = _("moderation decisions")

    def __str__(self):
        return f"{self.activity} – {self.get_action_display()}"


class ActivityRevisionQuerySet(models.QuerySet):
    def open(self):
        """Proposed changes still under way: sent, or sent back for changes."""
        return self.filter(state__in=OPEN_REVISION_STATES)


class ActivityRevision(models.Model):
    """Changes proposed to an approved activity; the approved version stays public meanwhile.

    `data` holds the proposed public-facing values in the same shape the portal saves a draft
    with (agenda.services.drafts), so approving applies it with the same code.
    """

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="revisions"
    )
    data = models.JSONField(_("proposed values"))
    state = models.CharField(
        _("state"), max_length=20, choices=ActivityState.choices, default=ActivityState.SUBMITTED
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ActivityRevisionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("proposed change")
        verbose_name_plural = _("proposed changes")
        constraints = [
            models.UniqueConstraint(
                fields=["activity"],
                condition=Q(state__in=list(OPEN_REVISION_STATES)),
                name="activity_one_open_revision",
            ),
        ]

    def __str__(self):
        return f"{self.activity} – {self.get_state_display()}"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_REVISION_STATES
