"""Reservations: a resident's free place in a session, or a place on its waiting list."""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agenda.models.sessions import Session
from agenda.models.taxonomies import Channel
from providers.models import District


class ReservationState(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")
    ATTENDED = "attended", _("Attended")
    NO_SHOW = "no_show", _("Did not come")


class CancelReason(models.TextChoices):
    """Why a reservation was cancelled: the personal page says it in the resident's words."""

    RESIDENT = "resident", _("By the resident")
    LEFT_LINE = "left_line", _("By the resident, from the waiting list")
    ORGANISER = "organiser", _("By the organiser")
    SESSION_CANCELLED = "session", _("The session was cancelled")
    TOO_LARGE = "too_large", _("The party no longer fits in the smaller session")


class AgeBracket(models.TextChoices):
    CHILD = "0-12", _("12 or younger")
    TEEN = "13-17", _("13 to 17")
    YOUNG_ADULT = "18-29", _("18 to 29")
    ADULT = "30-49", _("30 to 49")
    MIDDLE = "50-64", _("50 to 64")
    SENIOR = "65+", _("65 or older")


class Country(models.TextChoices):
    """Where a resident's postcode is from (agenda.postcodes), for the statistics."""

    NL = "NL", _("Netherlands")
    DE = "DE", _("Germany")
    BE = "BE", _("Belgium")
    OTHER = "other", _("Elsewhere")


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

    Written only by agenda.services.reservations, which keeps the session's counters in step.
    """

    State = ReservationState
    AgeBracket = AgeBracket
    Country = Country
    CancelReason = CancelReason

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
    # Kept when the personal data is removed, like the district: only statistics.
    country = models.CharField(
        _("country"), max_length=5, choices=Country.choices, blank=True, default=""
    )
    channel = models.ForeignKey(
        Channel,
        verbose_name=_("heard about Week 3 through"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reservations",
    )
    # The tracked link (campaign.TrackedLink.code) this browser came through in the days
    # before; no personal data, so kept like the channel when the rest is removed.
    referral_code = models.CharField(
        _("came through tracked link"), max_length=16, blank=True, default="", db_index=True
    )
    consent_contact = models.BooleanField(_("provider may contact"), default=False)
    consent_followup = models.BooleanField(_("one question afterwards"), default=False)
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=ReservationState.choices,
        default=ReservationState.CONFIRMED,
    )
    # Blank while active, and for reservations cancelled before the reason was kept.
    cancel_reason = models.CharField(
        _("why cancelled"), max_length=10, choices=CancelReason.choices, blank=True, default=""
    )
    language = models.CharField(_("language"), max_length=10, default="nl")
    token = models.CharField(_("personal link code"), max_length=64, blank=True)
    # A keyed code for the connection the reservation came from (agenda.services.bursts), so
    # provider and staff see many reservations from one; never the address itself.
    client = models.CharField(_("connection code"), max_length=16, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    followup_sent_at = models.DateTimeField(_("follow-up question sent"), null=True, blank=True)
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
        name = self.name or _("(anonymous)")
        return f"{name} – {self.session}"

    def personal_path(self) -> str:
        """The resident's own page, for the e-mail and their pages. Not `get_absolute_url`: that
        would give every staff member a "view on site" to it (the admin's redirect asks for no
        right to see reservations), and an anonymised reservation has no token left."""
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

    def position_in_line(self) -> int | None:
        """1 for the first on the waiting list; None when not waiting (one query)."""
        if not self.is_waiting:
            return None
        return (
            Reservation.objects.waiting()
            .filter(session_id=self.session_id)
            .filter(
                Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, pk__lte=self.pk)
            )
            .count()
        )
