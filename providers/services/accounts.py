"""Accounts: sign-up, confirmation, invitations, password reset."""

from django.conf import settings
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import get_language

from outbox.services import WrittenMail, mail_enqueue_written_later, mail_render
from providers.models import (
    Provider,
    User,
)
from providers.notifications import send_templated_mail
from providers.services.base import (
    _known_language,
    _unique_provider_slug,
)
from providers.tokens import invitation_tokens, password_reset_tokens, verification_tokens


def token_link(user: User, url_name: str, tokens: PasswordResetTokenGenerator) -> str:
    """An absolute link from SITE_URL with a one-time token made by `tokens` (one per purpose:
    providers.tokens)."""
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse(url_name, kwargs={"uidb64": uidb64, "token": tokens.make_token(user)})
    return settings.SITE_URL + path


def user_from_token(uidb64: str, token: str, tokens: PasswordResetTokenGenerator) -> User | None:
    try:
        user = User.objects.get(pk=urlsafe_base64_decode(uidb64).decode())
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        return None
    return user if tokens.check_token(user, token) else None


# The e-mails about accounts are never sent in the request (send_now=False): how long a request
# takes must not tell whether an address has an account. Nor do they carry text that whoever
# filled in the form chose (no names, no unmoderated organisation names).


def _send_verification(user: User) -> None:
    send_templated_mail(
        to=[user],
        template="providers/email/verify",
        context={"link": token_link(user, "portal:verify", verification_tokens)},
        send_now=False,
    )


def _send_invitation(user: User) -> None:
    provider = user.provider
    send_templated_mail(
        to=[user],
        template="providers/email/invite",
        context={
            # Only a name that staff approved: a pending organisation's name is anybody's text.
            "provider_name": provider.name if provider and provider.is_approved else "",
            "link": token_link(user, "portal:accept_invitation", invitation_tokens),
        },
        send_now=False,
    )


def _send_account_exists(user: User) -> None:
    """Somebody asked for an account for an address that has one: tell its owner instead."""
    send_templated_mail(
        to=[user], template="providers/email/account_exists", context={}, send_now=False
    )


def _is_own_sign_up(user: User) -> bool:
    """An unconfirmed account that signed up an organisation (not an invited colleague)."""
    return user.provider is None or not user.provider.users.exclude(pk=user.pk).exists()


def _user_remove_unconfirmed(user: User) -> None:
    """Delete a never-confirmed account, and the pending organisation it signed up when nobody
    else belongs to it and nothing refers to it."""
    provider = user.provider
    user.delete()
    if (
        provider is not None
        and provider.status == Provider.Status.PENDING
        and not provider.users.exists()
        and not provider.activities.exists()
    ):
        provider.delete()


@transaction.atomic
def provider_sign_up(
    *,
    organisation: str,
    kind: str,
    email: str,
    password: str,
    first_name: str,
    last_name: str,
    language: str = "",
) -> None:
    """A pending provider and its first user, who must confirm the e-mail address first.

    The caller learns nothing about the address: when it has an account, its owner gets an
    e-mail that says so instead. A sign-up that was never confirmed is replaced by this one (the
    old link stops working), so nobody can hold somebody else's address; an invited colleague
    who has not accepted yet gets the invitation again. `language` is the one the sign-up form
    was filled in; later e-mails to the user use it.
    """
    email = User.objects.normalize_email(email).lower()
    existing = User.objects.select_for_update().filter(email__iexact=email).first()
    if existing is not None and not existing.email_confirmed:
        if not _is_own_sign_up(existing):
            _send_invitation(existing)
            return
        _user_remove_unconfirmed(existing)
        existing = None
    if existing is not None:
        _send_account_exists(existing)
        return
    try:
        with transaction.atomic():
            provider = Provider.objects.create(
                name=organisation,
                slug=_unique_provider_slug(organisation),
                kind=kind,
                contact_email=email,
                # The moderator sees who signed up in the contact column.
                contact_name=f"{first_name} {last_name}".strip(),
            )
            user = User.objects.create_user(
                email=email,
                password=password,
                first_name=first_name,
                last_name=last_name,
                provider=provider,
                is_active=False,
                email_verified_at=None,
                language=_known_language(language or get_language()),
            )
    except IntegrityError:
        return  # a sign-up for the same address at the same moment won: its e-mail goes out
    _send_verification(user)


@transaction.atomic
def user_verify(*, user: User) -> bool:
    """Confirm the address of a sign-up and activate the account; False when it was confirmed
    before, so an account that staff deactivated stays deactivated."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.email_confirmed:
        return False
    user.email_verified_at = timezone.now()
    user.is_active = True
    user.save(update_fields=["email_verified_at", "is_active"])
    return True


@transaction.atomic
def user_accept_invitation(*, user: User, password: str, language: str = "") -> bool:
    """Set the invited colleague's password and activate the account; False when the
    invitation was accepted before (a deactivated colleague stays deactivated).

    `language`: the one the invitation was accepted in, for the e-mails the user gets later.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.email_confirmed:
        return False
    user.set_password(password)
    if language:
        user.language = _known_language(language)
    user.email_verified_at = timezone.now()
    user.is_active = True
    user.save()
    return True


@transaction.atomic
def user_invite(*, provider: Provider, email: str, invited_by: User) -> None:
    """Invite a colleague; like sign-up, the inviter learns nothing about the address (its owner
    gets the e-mail that it has an account)."""
    email = User.objects.normalize_email(email).lower()
    existing = User.objects.select_for_update().filter(email__iexact=email).first()
    if existing is None:
        # The inviter's language until the colleague accepts the invitation in their own.
        user = User.objects.create_user(
            email=email,
            provider=provider,
            is_active=False,
            email_verified_at=None,
            language=_known_language(get_language()),
        )
        _send_invitation(user)
    elif not existing.email_confirmed and existing.provider_id == provider.pk:
        _send_invitation(existing)
    else:
        _send_account_exists(existing)


def password_reset_request(*, email: str, language: str) -> None:
    """Queue the reset e-mail for `email`, known or not: the same INSERT either way, and the
    writer (`write_password_reset_mail`) decides when it goes out whether there is anybody to
    write to."""
    mail_enqueue_written_later(
        to=email,
        writer="providers.password_reset",
        params={"email": email, "language": _known_language(language)},
        send_now=False,
    )


def verification_resend_request(*, email: str, language: str) -> None:
    """Queue the confirmation link again for `email`, known or not: like the reset request, the
    same INSERT either way; the writer (`write_verification_mail`) decides when it goes out
    whether there is an unconfirmed account to write to."""
    mail_enqueue_written_later(
        to=email,
        writer="providers.verification",
        params={"email": email, "language": _known_language(language)},
        send_now=False,
    )


def _unconfirmed(email: str) -> User | None:
    return (
        User.objects.filter(email__iexact=email, email_verified_at__isnull=True, is_active=False)
        .select_related("provider")
        .first()
    )


def write_verification_mail(params: dict) -> WrittenMail | None:
    """The confirmation link (for a sign-up) or the invitation again (for an invited colleague)
    to an account nobody confirmed yet; None (nothing is sent) for any other address."""
    user = _unconfirmed(params["email"])
    if user is None:
        return None
    language = params.get("language") or user.language
    with translation.override(language):  # the link in the e-mail's language too
        if not _is_own_sign_up(user):
            provider = user.provider
            template = "providers/email/invite"
            context = {
                "provider_name": provider.name if provider and provider.is_approved else "",
                "link": token_link(user, "portal:accept_invitation", invitation_tokens),
            }
        else:
            template = "providers/email/verify"
            context = {"link": token_link(user, "portal:verify", verification_tokens)}
    return mail_render(template=template, context=context, language=language)


def write_password_reset_mail(params: dict) -> WrittenMail | None:
    """The reset e-mail to an active account with a password, with a link from SITE_URL; to an
    account nobody confirmed yet, the confirmation link instead (a new password would not let
    them in); None (nothing is sent) for any other address."""
    if _unconfirmed(params["email"]) is not None:
        return write_verification_mail(params)
    user = (
        User.objects.filter(email__iexact=params["email"], is_active=True)
        .exclude(password__startswith=UNUSABLE_PASSWORD_PREFIX)
        .first()
    )
    if user is None:
        return None
    return mail_render(
        template="providers/email/password_reset",
        context={
            "site_url": settings.SITE_URL,
            "uid": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": password_reset_tokens.make_token(user),
        },
        language=params.get("language") or user.language,
    )
