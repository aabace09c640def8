"""Venues: the addresses where sessions happen, added by providers and shared by all."""

from urllib.parse import urlencode

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower, Upper
from django.utils.translation import gettext_lazy as _

from providers.models.core import District, Provider, normalise_postcode


class VenueQuerySet(models.QuerySet):
    def editable_by(self, user):
        """Venues a portal user may change: those their provider added."""
        if not getattr(user, "provider_id", None):
            return self.none()
        return self.filter(added_by_id=user.provider_id)

    def search(self, text: str):
        """Venues whose name, street or postcode contains the text."""
        text = text.strip()
        if not text:
            return self.none()
        compact = "".join(text.split())
        return self.filter(
            Q(name__icontains=text) | Q(street__icontains=text) | Q(postcode__iexact=compact)
        )


class Venue(models.Model):
    """A place where sessions happen; shared, since several providers may use one building."""

    name = models.CharField(_("name"), max_length=120)
    street = models.CharField(_("street and number"), max_length=120)
    postcode = models.CharField(_("postcode"), max_length=7)
    city = models.CharField(_("place"), max_length=60, default="Venlo")
    district = models.ForeignKey(
        District, verbose_name=_("district"), on_delete=models.PROTECT, related_name="venues"
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    wheelchair_accessible = models.BooleanField(_("wheelchair accessible"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    accessibility_notes = models.CharField(
        _("more about access"),
        max_length=300,
        blank=True,
        help_text=_("For example: a lift at the back entrance, parking at the door."),
    )
    added_by = models.ForeignKey(
        Provider,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="venues_added",
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = VenueQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        constraints = [
            models.UniqueConstraint(
                Lower("street"), Upper("postcode"), name="venue_unique_address"
            ),
        ]

    def __str__(self):
        return f"{self.name}, {self.street}"

    @property
    def postcode_display(self) -> str:
        code = normalise_postcode(self.postcode)
        return f"{code[:4]} {code[4:]}" if len(code) == 6 else self.postcode

    @property
    def address(self) -> str:
        return f"{self.street}, {self.postcode_display} {self.city}"

    @property
    def map_url(self) -> str:
        if self.latitude is not None and self.longitude is not None:
            lat, lon = self.latitude, self.longitude
            return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"
        return "https://www.openstreetmap.org/search?" + urlencode({"query": self.address})

    def can_be_edited_by(self, user) -> bool:
        return bool(getattr(user, "provider_id", None)) and user.provider_id == self.added_by_id
