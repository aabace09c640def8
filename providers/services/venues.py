"""Venues added or changed by a provider in the portal."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from providers.models import (
    Provider,
    Venue,
)
from providers.services.base import NOT_APPROVED_VENUE, ProviderError


def venue_save(*, form, provider: Provider) -> Venue:
    """Save a venue from the portal form; a duplicate address becomes a form error.

    Only an approved organisation adds or changes venues: a real address is not claimed by
    an organisation the municipality has not checked (or has turned down).
    """
    if not provider.is_approved:
        raise ProviderError(NOT_APPROVED_VENUE)
    venue = form.save(commit=False)
    if venue.added_by_id is None:
        venue.added_by = provider
    try:
        with transaction.atomic():
            venue.save()
    except IntegrityError as error:
        # Another provider added the same address between the form check and the save.
        raise ProviderError(
            _("This address is already in the list. Search for it and choose it.")
        ) from error
    return venue


# Merging venues moves sessions and proposed changes along: agenda.services.venue_merge.
