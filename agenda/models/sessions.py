"""Sessions: the times and places of an activity, with their spots."""

import datetime

from django.db import models
from django.db.models import F, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agenda.models.editions import Edition
from agenda.models.states import public_condition
from providers.models import Venue


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
        "agenda.Activity",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="sessions",
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
    # Kept by agenda.services.reservations like places_booked: people on the waiting list.
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

        0 while anyone waits: places freed for the waiting list are not up for grabs.
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
    def closed_for_reservations(self) -> str:
        """Why nobody can reserve a place now ("walk_in", "cancelled" or "past"), or "".

        The one rule for the reservation service, its form and every "Reserve" button; reads
        `self.activity`, so lists fetch it along.
        """
        if self.activity.is_walk_in:
            return "walk_in"
        if self.is_cancelled:
            return "cancelled"
        if self.has_started:
            return "past"
        return ""

    @property
    def takes_reservations(self) -> bool:
        return not self.closed_for_reservations

    @property
    def attendance_open(self) -> bool:
        """From the day of the session on, the provider records who came."""
        return timezone.localdate(self.starts_at) <= timezone.localdate()

    def can_be_edited_by(self, user) -> bool:
        return self.activity.can_be_edited_by(user)
