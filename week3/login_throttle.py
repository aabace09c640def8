"""Guessing one account's password from many addresses is slowed, without locking its owner out.

django-axes locks an (account, address) pair after AXES_FAILURE_LIMIT wrong passwords. On top,
wrong passwords for one account are counted over all addresses (LOGIN_ACCOUNT_RATE_LIMIT):
past the limit, logging in to that account is paused for the rest of the window, for browsers
and addresses it was never used from. The owner's own ones still get in: a browser that logged
in to the account (a signed cookie, OWASP's "device cookie") or finished a password reset for
it, and an address it logged in from. An attacker can slow guessing, not close the door.
"""

import hashlib

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver

from agenda.ratelimit import client_ip, hit, parse_rate

COOKIE = "w3_login_device"
COOKIE_SALT = "week3.login_throttle.device"
COOKIE_AGE = 60 * 60 * 24 * 180
# Accounts one browser is known for (a shared computer in an office).
COOKIE_ACCOUNTS = 5
KNOWN_ADDRESS_AGE = 60 * 60 * 24 * 90


def _digest(*parts: str) -> str:
    # Hashed with the secret key: neither the cache nor the cookie holds an address in the clear.
    text = "|".join(part.strip().lower() for part in parts)
    key = settings.SECRET_KEY.encode()[:64]
    return hashlib.blake2b(text.encode(), key=key, digest_size=12).hexdigest()


def _pause_key(username: str) -> str:
    return f"login-paused:{_digest(username)}"


def _address_key(username: str, address: str) -> str:
    return f"login-known:{_digest(username, address)}"


def is_paused(username: str) -> bool:
    return bool(username) and cache.get(_pause_key(username)) is not None


def count_failure(username: str) -> None:
    """One more wrong password for this account, from anywhere; past the limit, a pause."""
    limit = parse_rate(settings.LOGIN_ACCOUNT_RATE_LIMIT)
    if limit is not None and hit("login-account", username, settings.LOGIN_ACCOUNT_RATE_LIMIT):
        cache.set(_pause_key(username), 1, timeout=limit[1])


def _cookie_accounts(request) -> list[str]:
    try:
        accounts = signing.loads(
            request.COOKIES.get(COOKIE, ""), salt=COOKIE_SALT, max_age=COOKIE_AGE
        )
    except signing.BadSignature:
        return []
    return accounts if isinstance(accounts, list) else []


def is_known(request, username: str) -> bool:
    """Did the owner use this browser or this address before?"""
    if _digest(username) in _cookie_accounts(request):
        return True
    return cache.get(_address_key(username, client_ip(request))) is not None


def remember(request, response, username: str) -> None:
    """After a login or a password reset: this browser and address are the owner's."""
    accounts = [_digest(username)]
    accounts += [a for a in _cookie_accounts(request) if a != accounts[0]]
    response.set_cookie(
        COOKIE,
        signing.dumps(accounts[:COOKIE_ACCOUNTS], salt=COOKIE_SALT),
        max_age=COOKIE_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    cache.set(_address_key(username, client_ip(request)), 1, timeout=KNOWN_ADDRESS_AGE)


class AccountPauseBackend:
    """Before Django's ModelBackend: a paused account is refused to browsers and addresses its
    owner never used (django-axes does the same for its lockout, one step earlier)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        paused = request is not None and bool(username) and is_paused(username)
        if paused and not is_known(request, username):
            # LoginThrottleMiddleware answers with a page that says so.
            request.login_paused = True
            raise PermissionDenied
        # On to the next backend, which checks the password. No get_user(): this backend
        # never logs anyone in (and force_login picks the first backend that has one).
        return None


@receiver(user_login_failed, dispatch_uid="week3.login_throttle")
def _count_failed_login(sender, credentials, request=None, **kwargs):
    username = credentials.get("username") or ""
    if username:
        count_failure(username)


# django-axes keeps the name an attempt logged in with in a column of 255 characters.
AXES_USERNAME_LENGTH = 255


def axes_username(request, credentials=None) -> str | None:
    """The login name django-axes counts an attempt under (AXES_USERNAME_CALLABLE), cut to its
    column: a longer name posted to a login form was a server error, and no account has one."""
    if credentials:
        username = credentials.get(settings.AXES_USERNAME_FORM_FIELD)
    else:
        username = getattr(request, "data", request.POST).get(settings.AXES_USERNAME_FORM_FIELD)
    return username[:AXES_USERNAME_LENGTH] if isinstance(username, str) else username
