"""One token generator per purpose: a link made for one job never does another.

Each has its own `key_salt`, so a password-reset token does not confirm an address and an
invitation token does not reset a password. Each hashes the state its job changes, so a link
stops working once it has been used.
"""

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int


class _PurposeTokenGenerator(PasswordResetTokenGenerator):
    def lifetime(self) -> int:
        """Seconds a link stays valid."""
        return settings.PASSWORD_RESET_TIMEOUT

    def check_token(self, user, token):
        if not (user and token):
            return False
        timestamp, _, _hash = token.partition("-")
        try:
            made_at = base36_to_int(timestamp)
        except ValueError:
            return False
        if not any(
            constant_time_compare(self._make_token_with_timestamp(user, made_at, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        ):
            return False
        return self._num_seconds(self._now()) - made_at <= self.lifetime()


class _ConfirmationTokenGenerator(_PurposeTokenGenerator):
    """Valid until the account would expire unconfirmed; dead once the address is confirmed."""

    def lifetime(self) -> int:
        return settings.UNVERIFIED_ACCOUNT_DAYS * 24 * 60 * 60

    def _make_hash_value(self, user, timestamp):
        verified = user.email_verified_at.isoformat() if user.email_verified_at else ""
        return f"{user.pk}{user.email}{user.password}{verified}{timestamp}"


class VerificationTokenGenerator(_ConfirmationTokenGenerator):
    key_salt = "week3.providers.tokens.VerificationTokenGenerator"


class InvitationTokenGenerator(_ConfirmationTokenGenerator):
    key_salt = "week3.providers.tokens.InvitationTokenGenerator"


class PasswordResetTokens(_PurposeTokenGenerator):
    """Django's hash (password and last login: dead once used or after a login), own salt."""

    key_salt = "week3.providers.tokens.PasswordResetTokens"


verification_tokens = VerificationTokenGenerator()
invitation_tokens = InvitationTokenGenerator()
password_reset_tokens = PasswordResetTokens()
