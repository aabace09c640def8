"""The public agenda: editions of Week 3, their activities and the sessions residents can join."""

import datetime

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from providers.models import Discipline, Provider, TranslatedName, Venue


class EditionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def current(self):
        """The edition the public site shows: the latest published one."""
        return self.published().order_by("-starts_on").first()


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
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("A few sentences for the home page.")
    )
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
    def days(self) -> list[datetime.date]:
        count = (self.ends_on - self.starts_on).days + 1
        return [self.starts_on + datetime.timedelta(days=offset) for offset in range(count)]


class Audience(TranslatedName):
    """A segment of the campaign: children, youth, families, seniors, newcomers …"""

    class Meta(TranslatedName.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")


class Language(models.Model):
    """A language an activity is given in; names come from Django's own translations."""

    code = models.CharField(_("code"), max_length=10, primary_key=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        try:
            return str(get_language_info(self.code)["name_translated"])
        except KeyError:
            return self.code

    @property
    def slug(self) -> str:
        return self.code


class ActivityState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Registration(models.TextChoices):
    RESERVE = "reserve", _("Reserve a spot")
    WALK_IN = "walk_in", _("Walk in")


class ActivityQuerySet(models.QuerySet):
    def public(self):
        """Approved activities of approved providers in a published edition."""
        return self.filter(
            state=ActivityState.APPROVED,
            provider__status=Provider.Status.APPROVED,
            edition__is_published=True,
        )

    def in_edition(self, edition):
        return self.filter(edition=edition)


class Activity(models.Model):
    """A free trial offer by one provider, with one or more sessions."""

    State = ActivityState
    Registration = Registration

    edition = models.ForeignKey(
        "agenda.Edition",
        verbose_name=_("edition"),
        on_delete=models.PROTECT,
        related_name="activities",
    )
    provider = models.ForeignKey(
        Provider, verbose_name=_("provider"), on_delete=models.CASCADE, related_name="activities"
    )
    title = models.CharField(_("title"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=140)
    description = models.TextField(_("description"))
    disciplines = models.ManyToManyField(
        Discipline, verbose_name=_("disciplines"), related_name="activities"
    )
    audiences = models.ManyToManyField(
        Audience, verbose_name=_("audiences"), related_name="activities"
    )
    min_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    languages = models.ManyToManyField(
        Language, verbose_name=_("languages spoken"), related_name="activities", blank=True
    )
    no_dutch_needed = models.BooleanField(
        _("no Dutch needed"),
        default=False,
        help_text=_("You can join without speaking Dutch."),
    )
    registration = models.CharField(
        _("registration"),
        max_length=10,
        choices=Registration.choices,
        default=Registration.RESERVE,
    )
    what_to_bring = models.CharField(_("what to bring"), max_length=300, blank=True)
    follow_up = models.TextField(
        _("after the trial"),
        blank=True,
        help_text=_("What joining afterwards means and costs: lessons, membership, fees."),
    )
    image = models.ImageField(_("image"), upload_to="activities/", blank=True)
    image_alt = models.CharField(
        _("image description"),
        max_length=200,
        blank=True,
        help_text=_("What is on the photo, for people who cannot see it."),
    )
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.UniqueConstraint(fields=["edition", "slug"], name="activity_slug_per_edition"),
            models.CheckConstraint(
                condition=Q(min_age__isnull=True)
                | Q(max_age__isnull=True)
                | Q(min_age__lte=F("max_age")),
                name="activity_age_range_order",
            ),
            models.CheckConstraint(
                condition=Q(max_age__isnull=True) | Q(max_age__lte=120),
                name="activity_max_age_sensible",
            ),
            models.CheckConstraint(
                condition=Q(image="") | ~Q(image_alt=""), name="activity_image_has_alt"
            ),
            models.CheckConstraint(
                condition=Q(state__in=ActivityState.values),
                name="activity_state_valid",
            ),
            models.CheckConstraint(
                condition=Q(registration__in=Registration.values),
                name="activity_registration_valid",
            ),
        ]
        indexes = [models.Index(fields=["edition", "state"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("agenda:activity_detail", kwargs={"slug": self.slug})

    @property
    def is_walk_in(self) -> bool:
        return self.registration == self.Registration.WALK_IN

    @property
    def age_range(self) -> tuple[int | None, int | None]:
        return self.min_age, self.max_age


class SessionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_cancelled=False)

    def with_free_spots(self):
        """Not cancelled, and either without a limit or with room left."""
        return self.active().filter(Q(capacity__isnull=True) | Q(capacity__gt=F("places_booked")))


class Session(models.Model):
    """One occurrence of an activity: a time, a place and a number of spots."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="sessions"
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    venue = models.ForeignKey(
        Venue, verbose_name=_("venue"), on_delete=models.PROTECT, related_name="sessions"
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty when there is no limit.")
    )
    places_booked = models.PositiveIntegerField(_("places booked"), default=0)
    is_cancelled = models.BooleanField(_("cancelled"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="session_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=0),
                name="session_capacity_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(places_booked__gte=0), name="session_places_booked_not_negative"
            ),
        ]
        indexes = [models.Index(fields=["activity", "starts_at"])]

    def __str__(self):
        local = timezone.localtime(self.starts_at)
        return f"{self.activity} – {local:%Y-%m-%d %H:%M}"

    @property
    def spots_left(self) -> int | None:
        """Free places, or None when there is no limit."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.places_booked, 0)

    @property
    def is_full(self) -> bool:
        return self.spots_left == 0

    @property
    def is_past(self) -> bool:
        return self.ends_at <= timezone.now()
