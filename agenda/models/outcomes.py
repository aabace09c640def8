"""What came of the trials: providers' conversion counts and participants' follow-up answers."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agenda.models.activities import Activity
from agenda.models.editions import Edition
from agenda.models.sessions import Session
from providers.models import Provider


class ActivityOutcome(models.Model):
    """How many participants of an activity went on, as its provider counted after the week."""

    activity = models.OneToOneField(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="outcome"
    )
    joined = models.PositiveIntegerField(
        _("joined as member or student"),
        help_text=_("Participants who became a member, pupil or student."),
    )
    course_signups = models.PositiveIntegerField(
        _("signed up for a course"),
        default=0,
        help_text=_("Participants who signed up for a course or series of lessons."),
    )
    still_there_after_three_months = models.PositiveIntegerField(
        _("still there after three months"),
        null=True,
        blank=True,
        help_text=_("Optional: of those who went on, how many are still there."),
    )
    entered_at = models.DateTimeField(_("entered"), auto_now=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("conversion")
        verbose_name_plural = _("conversions")

    def __str__(self):
        return str(self.activity)

    @property
    def conversions(self) -> int:
        return self.joined + self.course_signups


class OutcomeReminder(models.Model):
    """When a provider was last reminded to enter its conversions for an edition: at most one
    reminder a week (agenda.services.outcomes.outcome_reminders_send)."""

    provider = models.ForeignKey(
        Provider, verbose_name=_("provider"), on_delete=models.CASCADE, related_name="+"
    )
    edition = models.ForeignKey(
        Edition, verbose_name=_("edition"), on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(_("last reminder sent"))
    count = models.PositiveSmallIntegerField(_("reminders sent"), default=0)

    class Meta:
        verbose_name = _("conversions reminder")
        verbose_name_plural = _("conversions reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "edition"], name="outcome_reminder_one_per_edition"
            )
        ]

    def __str__(self):
        return f"{self.provider} – {self.edition}"


class FollowUpContinue(models.TextChoices):
    YES = "yes", _("Yes")
    MAYBE = "maybe", _("Maybe")
    NO = "no", _("No")


class FollowUp(models.Model):
    """The one question after a session, to a participant who opted in.

    Holds no personal data by design: it points at the session, not at the reservation, so the
    answers stay as anonymous counts when the reservation's personal data is removed. The
    one-time `token` is blanked once answered or expired.
    """

    Continue = FollowUpContinue

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="followups"
    )
    token = models.CharField(_("link code"), max_length=64, blank=True)
    language = models.CharField(_("language"), max_length=10, default="nl")
    sent_at = models.DateTimeField(_("sent"))
    expires_at = models.DateTimeField(_("link expires"))
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    rating = models.PositiveSmallIntegerField(_("how was it (1–5)"), null=True, blank=True)
    wants_to_continue = models.CharField(
        _("wants to continue"), max_length=5, choices=FollowUpContinue.choices, blank=True
    )
    signed_up = models.BooleanField(_("already signed up"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["-sent_at", "pk"]
        verbose_name = _("follow-up answer")
        verbose_name_plural = _("follow-up answers")
        constraints = [
            models.UniqueConstraint(
                fields=["token"], condition=~Q(token=""), name="followup_token_unique"
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="followup_rating_range",
            ),
        ]

    def __str__(self):
        return f"{self.session} – {self.sent_at:%Y-%m-%d}"

    def personal_path(self) -> str:
        """The resident's own link, for the e-mail. Not `get_absolute_url`: that would give the
        admin a "view on site" to a personal page, and an answered one has no token left."""
        return reverse("agenda:followup", kwargs={"token": self.token})

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()
