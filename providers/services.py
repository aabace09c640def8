"""Writing providers and their users: sign-up, verification, invitations, approval, venues."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from providers.images import delete_images_later, store_image
from providers.models import Provider, User, Venue
from providers.notifications import send_templated_mail


class ProviderError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _unique_provider_slug(name: str) -> str:
    base = slugify(name)[:110] or "aanbieder"
    taken = set(Provider.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _known_language(language: str | None) -> str:
    codes = [code for code, _name in settings.LANGUAGES]
    code = (language or "").split("-")[0]
    return code if code in codes else settings.LANGUAGE_CODE


def token_link(user: User, url_name: str) -> str:
    """An absolute link with a one-time token; it stops working once the user logs in."""
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse(url_name, kwargs={"uidb64": uidb64, "token": token})
    return settings.SITE_URL + path


def user_from_token(uidb64: str, token: str) -> User | None:
    try:
        user = User.objects.get(pk=urlsafe_base64_decode(uidb64).decode())
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        return None
    return user if default_token_generator.check_token(user, token) else None


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
) -> User:
    """A pending provider and its first user, who must confirm the e-mail address first.

    `language` is the one the sign-up form was filled in; later e-mails to the user use it.
    """
    provider = Provider.objects.create(
        name=organisation, slug=_unique_provider_slug(organisation), kind=kind, contact_email=email
    )
    user = User.objects.create_user(
        email=email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        provider=provider,
        is_active=False,
        language=_known_language(language or get_language()),
    )
    send_templated_mail(
        to=[user],
        template="providers/email/verify",
        context={"user": user, "link": token_link(user, "portal:verify")},
    )
    return user


@transaction.atomic
def user_activate(*, user: User, password: str = "", language: str = "") -> User:
    """Confirm the address (and set the password of an invited colleague).

    `language`: the one the invitation was accepted in, for the e-mails the user gets later.
    """
    if password:
        user.set_password(password)
    if language:
        user.language = _known_language(language)
    user.is_active = True
    user.save()
    return user


@transaction.atomic
def user_invite(*, provider: Provider, email: str, invited_by: User) -> User:
    # The inviter's language until the colleague accepts the invitation in their own.
    user = User.objects.create_user(
        email=email, provider=provider, is_active=False, language=_known_language(get_language())
    )
    send_templated_mail(
        to=[user],
        template="providers/email/invite",
        context={
            "provider": provider,
            "invited_by": invited_by,
            "link": token_link(user, "portal:accept_invitation"),
        },
    )
    return user


def _set_status(provider: Provider, status: str, template: str) -> Provider:
    provider = Provider.objects.select_for_update().get(pk=provider.pk)
    provider.status = status
    provider.save(update_fields=["status", "updated_at"])
    send_templated_mail(
        to=provider.users.filter(is_active=True),
        template=template,
        context={"provider": provider},
    )
    return provider


@transaction.atomic
def provider_approve(*, provider: Provider) -> Provider:
    return _set_status(provider, Provider.Status.APPROVED, "providers/email/approved")


@transaction.atomic
def provider_reject(*, provider: Provider) -> Provider:
    return _set_status(provider, Provider.Status.REJECTED, "providers/email/rejected")


@transaction.atomic
def provider_update(*, form, logo=None) -> Provider:
    """Save the profile form; a new logo replaces the old one, whose files are deleted once
    the change is committed."""
    provider = form.save(commit=False)
    if logo:
        replaced = provider.logo.name
        provider.logo.name = store_image(logo, "logos")
        delete_images_later([replaced], in_use=_logo_in_use)
    provider.save()
    form.save_m2m()
    return provider


def _logo_in_use(name: str) -> bool:
    return Provider.objects.filter(logo=name).exists()


def venue_save(*, form, provider: Provider) -> Venue:
    """Save a venue from the portal form; a duplicate address becomes a form error."""
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
