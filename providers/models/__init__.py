"""The organisations that offer activities, where they happen, the people who act for them,
and the changes to a public profile that wait for the moderators."""

from providers.models.core import (
    Discipline,
    District,
    PendingProvider,
    PostcodeRange,
    Provider,
    ProviderQuerySet,
    TranslatedName,
    User,
    UserManager,
    normalise_postcode,
)
from providers.models.revisions import PROFILE_FIELDS, ProviderRevision
from providers.models.venues import Venue, VenueQuerySet
from providers.validators import SiteURLValidator, is_deceptive_url, validate_plain_link

__all__ = [
    "PROFILE_FIELDS",
    "Discipline",
    "District",
    "PendingProvider",
    "PostcodeRange",
    "Provider",
    "ProviderQuerySet",
    "ProviderRevision",
    "SiteURLValidator",
    "TranslatedName",
    "User",
    "UserManager",
    "Venue",
    "VenueQuerySet",
    "is_deceptive_url",
    "normalise_postcode",
    "validate_plain_link",
]
