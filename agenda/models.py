"""The public agenda: editions of Week 3, their activities and the sessions residents can join."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from providers.models import Discipline, District, Provider, TranslatedName, Venue


class EditionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def newest_published_first(self):
        return self.published().order_by("-starts_on")

    def current(self):
        """The edition the public site shows: the latest published one."""
        return self.newest_published_first().first()


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


def public_condition(prefix: str = "") -> Q:
    """An activity the public site may show; `prefix` reaches it from another model."""
    return Q(
        **{
            f"{prefix}state": ActivityState.APPROVED,
            f"{prefix}provider__status": Provider.Status.APPROVED,
            f"{prefix}edition__is_published": True,
        }
    )


class ActivityQuerySet(models.QuerySet):
    def public(self):
        """Approved activities of approved providers in a published edition."""
        return self.filter(public_condition())

    def in_edition(self, edition):
        return self.filter(edition=edition)

    def awaiting_moderation(self):
        """Submitted activities, and approved ones with submitted changes."""
        return self.filter(
            Q(state=ActivityState.SUBMITTED)
            | Q(revisions__state=ActivityState.SUBMITTED, state=ActivityState.APPROVED)
        ).distinct()

    def editable_by(self, user):
        """Activities the user may see and change in the portal: those of their provider."""
        if not getattr(user, "provider_id", None):
            return self.none()
        return self.filter(provider_id=user.provider_id)

    def on_provider_page(self, provider):
        """The provider's activities with a session still on, as their page lists them.

        Each carries its active sessions that have not ended as `matching_sessions` (with venue
        and district) and its audiences, prefetched: the cards cost the same few queries however
        many there are. The public provider page and the portal's preview of it both use this.
        """
        active = Session.objects.active().not_ended()
        return (
            self.filter(provider=provider)
            .filter(Exists(active.filter(activity=OuterRef("pk"))))
            .prefetch_related(
                Prefetch(
                    "sessions",
                    queryset=active.select_related("venue__district"),
                    to_attr="matching_sessions",
                ),
                "audiences",
            )
        )


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
    max_party_size = models.PositiveSmallIntegerField(
        _("maximum party size"),
        default=4,
        help_text=_("How many people one reservation may bring, the resident included."),
    )
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
            models.CheckConstraint(
                condition=Q(max_party_size__gte=1), name="activity_max_party_size_positive"
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

    def can_be_edited_by(self, user) -> bool:
        return bool(getattr(user, "provider_id", None)) and user.provider_id == self.provider_id


def free_spots_condition() -> Q:
    """A session a newcomer can get a place in: no limit, or room left and nobody waiting.

    The one definition of "spots still free", for `with_free_spots()` and the agenda's filter.
    """
    return Q(capacity__isnull=True) | Q(capacity__gt=F("places_booked"), places_waiting=0)


def not_ended_condition(now: datetime.datetime | None = None) -> Q:
    """A session that has not ended yet: what the public listings show."""
    return Q(ends_at__gt=now or timezone.now())


class SessionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_cancelled=False)

    def not_ended(self, now: datetime.datetime | None = None):
        return self.filter(not_ended_condition(now))

    def editable_by(self, user):
        """Sessions of activities the user may change in the portal."""
        if not getattr(user, "provider_id", None):
            return self.none()
        return self.filter(activity__provider_id=user.provider_id)

    def with_free_spots(self):
        """Not cancelled, and either without a limit or with room left and nobody waiting."""
        return self.active().filter(free_spots_condition())

    def on_public_agenda(self):
        """Sessions of public activities in the current edition: those the public site shows.

        Joins rather than an `activity__in` subquery, and the current edition as a subquery (see
        EditionQuerySet.current): one query, cheap to build (the reservation POST uses it).
        """
        current = Edition.objects.newest_published_first().values("pk")[:1]
        return self.filter(public_condition("activity__"), activity__edition=Subquery(current))


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
    # Kept by agenda/reservations.py like places_booked: people on the waiting list.
    places_waiting = models.PositiveIntegerField(_("places on the waiting list"), default=0)
    walk_ins = models.PositiveIntegerField(
        _("walk-ins"), default=0, help_text=_("People who came without a reservation.")
    )
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
        """Places a newcomer can still get, or None when there is no limit.

        None while anyone waits: places freed for the waiting list are not up for grabs.
        """
        if self.capacity is None:
            return None
        if self.places_waiting:
            return 0
        return max(self.capacity - self.places_booked, 0)

    @property
    def is_full(self) -> bool:
        return self.spots_left == 0

    @property
    def is_past(self) -> bool:
        return self.ends_at <= timezone.now()

    @property
    def has_started(self) -> bool:
        """From its start on, a session takes no reservations and no cancellations."""
        return self.starts_at <= timezone.now()

    @property
    def attendance_open(self) -> bool:
        """From the day of the session on, the provider records who came."""
        return timezone.localdate(self.starts_at) <= timezone.localdate()

    def can_be_edited_by(self, user) -> bool:
        return self.activity.can_be_edited_by(user)


class SubmittedActivity(Activity):
    """The moderators' queue in the admin: activities (or their changes) waiting for a decision."""

    class Meta:
        proxy = True
        verbose_name = _("submitted activity")
        verbose_name_plural = _("submitted activities")


class Decision(models.TextChoices):
    SUBMIT = "submit", _("Submitted")
    APPROVE = "approve", _("Approved")
    REQUEST_CHANGES = "request_changes", _("Changes requested")
    REJECT = "reject", _("Rejected")
    WITHDRAW = "withdraw", _("Withdrawn")
    # The provider changed a submitted activity: it is a draft again until they send it again.
    RETRACT = "retract", _("Taken back to draft")


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


class ActivityRevision(models.Model):
    """Changes proposed to an approved activity; the approved version stays public meanwhile.

    `data` holds the proposed public-facing values in the same shape the portal saves a draft
    with (see agenda.services), so approving applies it with the same code.
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

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("proposed change")
        verbose_name_plural = _("proposed changes")
        constraints = [
            models.UniqueConstraint(
                fields=["activity"],
                condition=Q(state__in=["submitted", "changes_requested"]),
                name="activity_one_open_revision",
            ),
        ]

    def __str__(self):
        return f"{self.activity} – {self.get_state_display()}"

    @property
    def is_open(self) -> bool:
        return self.state in (ActivityState.SUBMITTED, ActivityState.CHANGES_REQUESTED)


class Channel(TranslatedName):
    """How a resident heard about Week 3 (poster, social media, school …), for the campaign."""

    class Meta(TranslatedName.Meta):
        verbose_name = _("channel")
        verbose_name_plural = _("channels")


class ReservationState(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")
    ATTENDED = "attended", _("Attended")
    NO_SHOW = "no_show", _("Did not come")


class AgeBracket(models.TextChoices):
    CHILD = "0-12", _("12 or younger")
    TEEN = "13-17", _("13 to 17")
    YOUNG_ADULT = "18-29", _("18 to 29")
    ADULT = "30-49", _("30 to 49")
    MIDDLE = "50-64", _("50 to 64")
    SENIOR = "65+", _("65 or older")


# A reservation in one of these states holds a place or a place in line.
ACTIVE_STATES = [ReservationState.CONFIRMED, ReservationState.WAITING]


class ReservationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(state__in=ACTIVE_STATES)

    def waiting(self):
        return self.filter(state=ReservationState.WAITING).order_by("created_at", "pk")

    def editable_by(self, user):
        """Reservations for sessions of the user's provider (the portal's attendance list)."""
        if not getattr(user, "provider_id", None):
            return self.none()
        return self.filter(session__activity__provider_id=user.provider_id)


class Reservation(models.Model):
    """A resident's free place in a session, or their place on its waiting list.

    Written only by agenda/reservations.py, which keeps the session's counters in step.
    """

    State = ReservationState
    AgeBracket = AgeBracket

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="reservations"
    )
    # Name, e-mail, postcode and token are personal data: blanked by purge_personal_data.
    name = models.CharField(_("name"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    party_size = models.PositiveSmallIntegerField(_("number of people"), default=1)
    age_bracket = models.CharField(_("age"), max_length=5, choices=AgeBracket.choices, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reservations",
    )
    channel = models.ForeignKey(
        Channel,
        verbose_name=_("heard about Week 3 through"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reservations",
    )
    consent_contact = models.BooleanField(_("provider may contact"), default=False)
    consent_followup = models.BooleanField(_("one question afterwards"), default=False)
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=ReservationState.choices,
        default=ReservationState.CONFIRMED,
    )
    language = models.CharField(_("language"), max_length=10, default="nl")
    token = models.CharField(_("personal link code"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("personal data removed"), null=True, blank=True)

    objects = ReservationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("reservation")
        verbose_name_plural = _("reservations")
        constraints = [
            models.CheckConstraint(
                condition=Q(party_size__gte=1), name="reservation_party_size_positive"
            ),
            models.CheckConstraint(
                condition=Q(state__in=ReservationState.values), name="reservation_state_valid"
            ),
            models.UniqueConstraint(
                "session",
                Lower("email"),
                condition=Q(state__in=ACTIVE_STATES) & ~Q(email=""),
                name="reservation_one_active_per_email",
            ),
            # Blank once the personal data is removed, so only codes in use must be unique.
            models.UniqueConstraint(
                fields=["token"], condition=~Q(token=""), name="reservation_token_unique"
            ),
        ]
        indexes = [models.Index(fields=["session", "state", "created_at"])]

    def __str__(self):
        return f"{self.name or _('(anonymous)')} – {self.session}"

    def get_absolute_url(self):
        return reverse("agenda:reservation_detail", kwargs={"token": self.token})

    @property
    def is_active(self) -> bool:
        return self.state in ACTIVE_STATES

    @property
    def is_waiting(self) -> bool:
        return self.state == ReservationState.WAITING

    @property
    def is_confirmed(self) -> bool:
        return self.state == ReservationState.CONFIRMED
