"""Changes an approved provider proposes to its public profile, waiting for the moderators."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from providers.models.core import Provider

# What residents see of a provider (its page, the activity pages, feeds, open data, JSON-LD):
# once the provider is approved, changes to these wait for the moderators. The logo goes along
# as the name of its stored file ("logo"); the contact person and address apply at once.
PROFILE_FIELDS = [
    "name",
    "kind",
    "description",
    "website",
    "facebook",
    "instagram",
    "other_link",
    "public_email",
    "public_phone",
    "home_district",
    "disciplines",
]


class ProviderRevisionQuerySet(models.QuerySet):
    def open(self):
        """Proposed changes the moderators have not decided on yet."""
        return self.filter(state=ProviderRevision.State.SUBMITTED)


class ProviderRevision(models.Model):
    """Changes proposed to an approved provider's public profile; the approved version stays
    public until staff approve them.

    `data` holds every field of PROFILE_FIELDS and "logo" as JSON (keys for the district and
    the disciplines). A provider who edits again replaces the open revision with a new one, so
    what a moderator approves is exactly what they were shown.
    """

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Replaced or withdrawn")

    provider = models.ForeignKey(
        Provider, verbose_name=_("provider"), on_delete=models.CASCADE, related_name="revisions"
    )
    data = models.JSONField(_("proposed values"))
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.SUBMITTED
    )
    message = models.TextField(_("message to the provider"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProviderRevisionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("proposed profile change")
        verbose_name_plural = _("proposed profile changes")
        constraints = [
            models.UniqueConstraint(
                fields=["provider"],
                condition=Q(state="submitted"),
                name="provider_one_open_revision",
            ),
        ]

    def __str__(self):
        return f"{self.provider} – {self.get_state_display()}"

    @property
    def is_open(self) -> bool:
        return self.state == self.State.SUBMITTED
