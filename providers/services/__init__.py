"""Writing providers and their users, by topic: `accounts` (sign-up, confirmation, invitations,
password reset), `organisations` (approval, profile changes), `venues`. Import from here."""

from providers.services.accounts import (
    password_reset_request,
    provider_sign_up,
    token_link,
    user_accept_invitation,
    user_from_token,
    user_invite,
    user_verify,
    verification_resend_request,
    write_password_reset_mail,
    write_verification_mail,
)
from providers.services.base import (
    NOT_APPROVED_VENUE,
    ProviderError,
)
from providers.services.organisations import (
    profile_data,
    profile_data_from_form,
    provider_approve,
    provider_reject,
    provider_revision_approve,
    provider_revision_diff,
    provider_revision_reject,
    provider_update,
)
from providers.services.venues import (
    venue_save,
)

__all__ = [
    "NOT_APPROVED_VENUE",
    "ProviderError",
    "password_reset_request",
    "profile_data",
    "profile_data_from_form",
    "provider_approve",
    "provider_reject",
    "provider_revision_approve",
    "provider_revision_diff",
    "provider_revision_reject",
    "provider_sign_up",
    "provider_update",
    "token_link",
    "user_accept_invitation",
    "user_from_token",
    "user_invite",
    "user_verify",
    "venue_save",
    "verification_resend_request",
    "write_password_reset_mail",
    "write_verification_mail",
]
