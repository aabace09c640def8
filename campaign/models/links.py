"""Tracked links (/r/<code>) and the visits they brought, counted per day without people."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from agenda.models import Activity, Edition
from campaign.models.pages import CampaignPage
from providers.models import Provider

# Short codes that read well on a poster: no 0/o, 1/l/i look-alikes.
CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
CODE_LENGTH = 6


class LinkChannel(models.TextChoices):
    """Where a tracked link is put: the campaign's channels."""

    POSTER = "poster", _("Poster")
    FLYER = "flyer", _("Flyer")
    SOCIAL = "social", _("Social media")
    NEWSLETTER = "newsletter", _("Newsletter")
    WEBSITE = "website", _("Website")
    PRESS = "press", _("Radio or newspaper")
    OTHER = "other", _("Other")


class TrackedLinkQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Staff see every link; a provider's user only the links of its own provider."""
        if user.is_staff:
            return self
        if not getattr(user, "provider_id", None):
            return self.none()
        return self.filter(provider_id=user.provider_id)


class TrackedLink(models.Model):
    """A short link to an activity, a provider, a campaign page or a filtered agenda.

    Made by a provider (`provider` set) in the portal or by staff (`provider` empty) in the
    admin. Exactly one target: activity, provider page (`target_provider`), campaign page, or
    the agenda with `agenda_query` (possibly empty: the whole agenda).
    """

    Channel = LinkChannel

    code = models.CharField(_("code"), max_length=16, unique=True)
    edition = models.ForeignKey(
        Edition, verbose_name=_("edition"), on_delete=models.CASCADE, related_name="tracked_links"
    )
    provider = models.ForeignKey(
        Provider,
        verbose_name=_("made by provider"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="tracked_links",
        help_text=_("Empty for the city's own campaign links."),
    )
    channel = models.CharField(_("channel"), max_length=12, choices=LinkChannel.choices)
    label = models.CharField(
        _("name"),
        max_length=120,
        blank=True,
        help_text=_("For yourself, e.g. “poster at the library”."),
    )
    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="tracked_links",
    )
    target_provider = models.ForeignKey(
        Provider,
        verbose_name=_("provider page"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    page = models.ForeignKey(
        CampaignPage,
        verbose_name=_("campaign page"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="tracked_links",
    )
    agenda_query = models.CharField(_("agenda selection"), max_length=500, blank=True)
    # Made by the promotion kit or a widget, not by hand: one per maker, channel and target,
    # never renamed or removed in the portal (it may be on a printed poster).
    standing = models.BooleanField(_("made by the promotion kit"), default=False, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = TrackedLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("tracked link")
        verbose_name_plural = _("tracked links")
        constraints = [
            models.CheckConstraint(
                condition=Q(channel__in=LinkChannel.values), name="tracked_link_channel_valid"
            ),
            # At most one of the object targets; none of them means the (filtered) agenda.
            models.CheckConstraint(
                condition=Q(activity__isnull=True, target_provider__isnull=True)
                | Q(activity__isnull=True, page__isnull=True)
                | Q(target_provider__isnull=True, page__isnull=True),
                name="tracked_link_one_target",
            ),
            models.UniqueConstraint(
                fields=[
                    "edition",
                    "provider",
                    "channel",
                    "activity",
                    "target_provider",
                    "page",
                    "agenda_query",
                ],
                condition=Q(standing=True),
                nulls_distinct=False,
                name="tracked_link_standing_once",
            ),
        ]

    def __str__(self):
        return self.code

    def get_absolute_url(self):
        return reverse("campaign_redirect", kwargs={"code": self.code})

    def target_url(self) -> str:
        """The path the link leads to, in the active language (reverse adds its prefix)."""
        if self.activity_id:
            return self.activity.get_absolute_url()
        if self.target_provider_id:
            return self.target_provider.get_absolute_url()
        if self.page_id:
            return self.page.get_absolute_url()
        url = reverse("agenda:activity_list")
        return f"{url}?{self.agenda_query}" if self.agenda_query else url

    def can_be_edited_by(self, user) -> bool:
        if user.is_staff:
            return True
        return bool(self.provider_id) and self.provider_id == getattr(user, "provider_id", None)


class LinkVisitDay(models.Model):
    """Visits through one link on one day: a count, never who (campaign.services.visits)."""

    link = models.ForeignKey(TrackedLink, on_delete=models.CASCADE, related_name="visit_days")
    day = models.DateField(_("day"))
    visits = models.PositiveIntegerField(_("visits"), default=0)

    class Meta:
        ordering = ["day"]
        verbose_name = _("visits on a day")
        verbose_name_plural = _("visits per day")
        constraints = [
            models.UniqueConstraint(fields=["link", "day"], name="link_visit_day_unique")
        ]

    def __str__(self):
        return f"{self.link_id} {self.day}: {self.visits}"
