"""Checks on what people type: plain links whose visible host is where browsers go, links to a
page on one social network, and numbers in plain digits."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# Words the site's own addresses put where a provider's slug goes (/widget/agenda/,
# /widget/campagne/…: campaign.urls): a provider with one of them would have no widget.
RESERVED_SLUGS = frozenset({"agenda", "campagne"})


def validate_provider_slug(value: str) -> None:
    if value.lower() in RESERVED_SLUGS:
        raise ValidationError(
            _("The site uses “%(slug)s” in its own addresses; choose another."),
            code="reserved",
            params={"slug": value},
        )


def is_plain_number(value: str) -> bool:
    """Only the digits 0–9: what int() reads. (`str.isdigit` alone also passes "²" and other
    digits that int() refuses.)"""
    return value.isascii() and value.isdigit()


def small_number(value: str) -> int | None:
    """The number `value` spells in the digits 0–9, or None, also for more than nine of them:
    no page, count, year or id here comes near a billion, and int() refuses more than 4,300
    digits with an error."""
    return int(value) if is_plain_number(value) and len(value) <= 9 else None


def is_deceptive_url(value: str) -> bool:
    """True for links whose host reads differently to people and browsers.

    `https://evil.example\\@www.facebook.com/` passes Django's URLValidator and `urlsplit` says
    the host is facebook.com, but browsers treat the backslash as a slash and go to evil.example.
    """
    if "\\" in value:
        return True
    try:
        parts = urlsplit(value)
    except ValueError:
        return True
    return bool(parts.username or parts.password)


def validate_plain_link(value: str):
    if is_deceptive_url(value):
        raise ValidationError(
            _("Copy the address exactly as your browser shows it, starting with https://"),
            code="deceptive",
        )


@deconstructible
class SiteURLValidator:
    """A link to a page on one social network: https, on that site's domain or a subdomain.

    Loose on purpose: any path on the site is fine (a page, a profile, a group).
    """

    def __init__(self, site: str, domain: str):
        self.site = site
        self.domain = domain

    def __call__(self, value: str):
        try:
            parts = urlsplit(value)
            scheme, host = parts.scheme, (parts.hostname or "").rstrip(".")
        except ValueError:  # not a URL at all; URLValidator says so too
            scheme, host = "", ""
        on_site = host == self.domain or host.endswith("." + self.domain)
        if scheme != "https" or not on_site or is_deceptive_url(value):
            raise ValidationError(
                _(
                    "This is not a link to %(site)s. Copy the address of your page on "
                    "%(site)s; it starts with https://www.%(domain)s/"
                ),
                code="wrong_site",
                params={"site": self.site, "domain": self.domain},
            )

    def __eq__(self, other):
        if not isinstance(other, SiteURLValidator):
            return NotImplemented
        return (self.site, self.domain) == (other.site, other.domain)
