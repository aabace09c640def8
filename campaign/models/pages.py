"""Campaign landing pages: one per segment or theme, run by staff in the admin."""

import datetime

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from agenda.models import Activity, Edition


class CampaignPageQuerySet(models.QuerySet):
    def published(self, when: datetime.datetime):
        """Pages inside their publish window at `when`; an open end means no limit."""
        return self.filter(
            Q(publish_from__isnull=True) | Q(publish_from__lte=when),
            Q(publish_until__isnull=True) | Q(publish_until__gt=when),
            is_published=True,
        )


class CampaignPage(models.Model):
    """A landing page for a segment (children, seniors, newcomers, a neighbourhood) or a theme.

    What it lists: the activities staff picked, in their order, then those of the stored agenda
    selection (`agenda_query`, the agenda's own filters as a query string, e.g.
    `doelgroep=kinderen&wijk=venlo-oost`).
    """

    edition = models.ForeignKey(
        Edition, verbose_name=_("edition"), on_delete=models.CASCADE, related_name="campaign_pages"
    )
    slug = models.SlugField(_("slug"), max_length=80)
    title = models.CharField(_("title"), max_length=120)
    title_en = models.CharField(_("title (English)"), max_length=120, blank=True)
    title_de = models.CharField(_("title (German)"), max_length=120, blank=True)
    intro = models.TextField(_("introduction"), blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    intro_de = models.TextField(_("introduction (German)"), blank=True)
    hero_image = models.ImageField(_("hero image"), upload_to="campaign/", blank=True)
    hero_alt = models.CharField(
        _("hero image description"),
        max_length=200,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    hero_alt_en = models.CharField(
        _("hero image description (English)"), max_length=200, blank=True
    )
    hero_alt_de = models.CharField(_("hero image description (German)"), max_length=200, blank=True)
    agenda_query = models.CharField(
        _("agenda selection"),
        max_length=500,
        blank=True,
        help_text=_(
            "The agenda's filters as they appear in its address after the question mark, "
            "for example doelgroep=kinderen&wijk=venlo-oost. Empty: only the picked activities."
        ),
    )
    activities = models.ManyToManyField(
        Activity,
        verbose_name=_("picked activities"),
        through="CampaignPick",
        related_name="campaign_pages",
        blank=True,
    )
    is_published = models.BooleanField(_("published"), default=False)
    publish_from = models.DateTimeField(_("visible from"), null=True, blank=True)
    publish_until = models.DateTimeField(_("visible until"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("position on the home page"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CampaignPageQuerySet.as_manager()

    class Meta:
        ordering = ["position", "title"]
        verbose_name = _("campaign page")
        verbose_name_plural = _("campaign pages")
        constraints = [
            models.UniqueConstraint(fields=["edition", "slug"], name="campaign_page_slug_unique"),
            models.CheckConstraint(
                condition=Q(publish_from__isnull=True)
                | Q(publish_until__isnull=True)
                | Q(publish_until__gt=F("publish_from")),
                name="campaign_page_window_order",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("campaign:page_detail", kwargs={"slug": self.slug})

    def _localized(self, field: str) -> str:
        language = (get_language() or "nl")[:2]
        if language != "nl":
            return getattr(self, f"{field}_{language}", "") or getattr(self, field)
        return getattr(self, field)

    @property
    def localized_title(self) -> str:
        return self._localized("title")

    @property
    def localized_intro(self) -> str:
        return self._localized("intro")

    @property
    def localized_hero_alt(self) -> str:
        return self._localized("hero_alt")

    # The language each localized text is written in: "nl" when it falls back to the Dutch
    # text, so a page in English or German can mark that part lang="nl" (WCAG 3.1.2).
    def _localized_lang(self, field: str) -> str:
        language = (get_language() or "nl")[:2]
        if language != "nl" and getattr(self, f"{field}_{language}", ""):
            return language
        return "nl"

    @property
    def localized_title_lang(self) -> str:
        return self._localized_lang("title")

    @property
    def localized_intro_lang(self) -> str:
        return self._localized_lang("intro")

    @property
    def localized_hero_alt_lang(self) -> str:
        return self._localized_lang("hero_alt")


class CampaignPick(models.Model):
    """An activity staff picked for a campaign page, in their order."""

    page = models.ForeignKey(CampaignPage, on_delete=models.CASCADE, related_name="picks")
    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("picked activity")
        verbose_name_plural = _("picked activities")
        constraints = [
            models.UniqueConstraint(fields=["page", "activity"], name="campaign_pick_once")
        ]

    def __str__(self):
        return str(self.activity)
