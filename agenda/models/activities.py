"""Activities: the free trial offers on the agenda."""

from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from agenda.models.sessions import Session
from agenda.models.states import (
    DIRECTLY_EDITABLE,
    ActivityState,
    Decision,
    Registration,
    State,
    can_transition,
    public_condition,
)
from agenda.models.taxonomies import Audience, Language
from providers.models import Discipline, Provider

# The languages the site speaks besides Dutch: translated titles and summaries, welcome badges.
TRANSLATED_LANGUAGES = WELCOME = ("de", "en")


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

    def with_welcome(self):
        """Annotate `spoken_welcome`: the welcome languages (de, en) the activity is given
        in, for the cards' badges without a query per card."""
        link = Activity.languages.through.objects.filter(activity_id=OuterRef("pk"))
        return self.annotate(
            **{f"speaks_{code}": Exists(link.filter(language_id=code)) for code in WELCOME}
        )

    def welcoming(self, language: str):
        """Given in `language`, or no Dutch needed: what /de/ and /en/ lead with."""
        link = Activity.languages.through.objects.filter(activity_id=OuterRef("pk"))
        return self.filter(Q(Exists(link.filter(language_id=language))) | Q(no_dutch_needed=True))

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
            .with_welcome()
            .prefetch_related(
                Prefetch(
                    "sessions",
                    queryset=active.select_related("venue__district"),
                    to_attr="matching_sessions",
                ),
                "audiences",
            )
        )


class ParentsStay(models.TextChoices):
    """Who a reservation counts: everyone who comes, or only the children left there."""

    STAY = "stay", _("Everyone who comes counts: parents stay, or it is for adults")
    DROP_OFF = "drop_off", _("Only the children count: parents drop them off")


class Activity(models.Model):
    """A free trial offer by one provider, with one or more sessions."""

    State = ActivityState
    Registration = Registration
    ParentsStay = ParentsStay

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
    # Optional translations by the provider (issue 14): shown on /en/ and /de/ instead of the
    # Dutch title, and the summary above the Dutch description. Empty: the Dutch text shows.
    title_en = models.CharField(_("title in English"), max_length=120, blank=True)
    summary_en = models.CharField(_("summary in English"), max_length=400, blank=True)
    title_de = models.CharField(_("title in German"), max_length=120, blank=True)
    summary_de = models.CharField(_("summary in German"), max_length=400, blank=True)
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
    parents_stay = models.CharField(
        _("who counts in a reservation"),
        max_length=10,
        choices=ParentsStay.choices,
        default=ParentsStay.STAY,
        help_text=_("Sets the reservation form's question: how many people, or how many children."),
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

    def _translated(self, field: str) -> tuple[str, str]:
        """The field in the visitor's language when the provider wrote it, else the Dutch
        text (summaries have no Dutch version); with the language it is written in."""
        language = (get_language() or "nl")[:2]
        if language in TRANSLATED_LANGUAGES:
            text = getattr(self, f"{field}_{language}", "")
            if text:
                return text, language
        return (getattr(self, field), "nl") if field == "title" else ("", "nl")

    @property
    def local_title(self) -> str:
        return self._translated("title")[0]

    @property
    def local_title_lang(self) -> str:
        return self._translated("title")[1]

    @property
    def local_summary(self) -> str:
        """The provider's English or German summary for this visitor, or ''."""
        return self._translated("summary")[0]

    @property
    def welcome_badges(self) -> list[str]:
        """What a visitor who speaks little Dutch needs to know: the codes of the welcome
        languages it is (also) given in, and "no-dutch". Reads `speaks_de` and `speaks_en`
        when the queryset annotated them (ActivityQuerySet.with_welcome), else the languages."""
        if all(hasattr(self, f"speaks_{code}") for code in WELCOME):
            badges = [code for code in WELCOME if getattr(self, f"speaks_{code}")]
        else:
            spoken = {language.code for language in self.languages.all()}
            badges = [code for code in WELCOME if code in spoken]
        if self.no_dutch_needed:
            badges.append("no-dutch")
        return badges

    @property
    def is_walk_in(self) -> bool:
        return self.registration == self.Registration.WALK_IN

    @property
    def age_range(self) -> tuple[int | None, int | None]:
        return self.min_age, self.max_age

    def can_be_edited_by(self, user) -> bool:
        return bool(getattr(user, "provider_id", None)) and user.provider_id == self.provider_id

    @property
    def can_submit(self) -> bool:
        """The provider may send it to the moderators (again)."""
        return can_transition(self.state, Decision.SUBMIT)

    @property
    def can_withdraw(self) -> bool:
        return can_transition(self.state, Decision.WITHDRAW)

    @property
    def is_editable_in_portal(self) -> bool:
        """The provider can still change it: a draft, or one sent back; a submitted one goes
        back to draft, and an approved one gets a proposed change."""
        return self.state in DIRECTLY_EDITABLE or self.state in (State.SUBMITTED, State.APPROVED)

    def open_revision(self):
        """The proposed change to this approved activity still under way, or None."""
        if self.state != State.APPROVED:
            return None
        return self.revisions.open().first()
