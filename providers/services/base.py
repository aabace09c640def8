"""What the provider services share: their error, and slugs and languages."""

from django.conf import settings
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from providers.models import (
    Provider,
)
from providers.validators import RESERVED_SLUGS

NOT_APPROVED_VENUE = _(
    "You can add venues once the municipality has approved your organisation. Until then, "
    "choose your venues from the list."
)


class ProviderError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _unique_provider_slug(name: str) -> str:
    base = slugify(name)[:110] or "aanbieder"
    taken = set(Provider.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    taken |= RESERVED_SLUGS
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _known_language(language: str | None) -> str:
    codes = [code for code, _name in settings.LANGUAGES]
    code = (language or "").split("-")[0]
    return code if code in codes else settings.LANGUAGE_CODE
