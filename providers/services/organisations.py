"""Organisations: approval, and changes to an approved profile that wait for the moderators."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from providers.images import delete_images_later, store_image
from providers.models import (
    PROFILE_FIELDS,
    Discipline,
    District,
    Provider,
    ProviderRevision,
)
from providers.notifications import send_templated_mail
from providers.services.base import ProviderError


def _set_status(provider: Provider, status: str, template: str) -> Provider:
    provider = Provider.objects.select_for_update().get(pk=provider.pk)
    provider.status = status
    provider.rejected_at = timezone.now() if status == Provider.Status.REJECTED else None
    provider.save(update_fields=["status", "rejected_at", "updated_at"])
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
def provider_update(*, form, logo=None) -> ProviderRevision | None:
    """Save the portal's profile form.

    Before the organisation is approved, everything applies at once. After, what residents
    see (PROFILE_FIELDS, the logo) becomes a proposed change that waits for the moderators,
    returned; the approved version stays public meanwhile. The contact person, only for the
    municipality, applies at once.
    """
    provider = Provider.objects.select_for_update().get(pk=form.instance.pk)
    if not provider.is_approved:
        provider = form.save(commit=False)
        if logo:
            replaced = provider.logo.name
            provider.logo.name = store_image(logo, "logos")
            delete_images_later([replaced], in_use=logo_in_use)
        provider.save()
        form.save_m2m()
        return None
    private = [name for name in form.Meta.fields if name not in PROFILE_FIELDS]
    if any(getattr(provider, name) != form.cleaned_data[name] for name in private):
        for name in private:
            setattr(provider, name, form.cleaned_data[name])
        provider.save(update_fields=[*private, "updated_at"])
    data = profile_data_from_form(form.cleaned_data, logo=provider.logo.name)
    if logo:
        data["logo"] = store_image(logo, "logos")
    elif (current := provider.revisions.open().first()) is not None:
        # A proposed logo not replaced by a new one stays proposed.
        data["logo"] = current.data.get("logo", data["logo"])
    return _propose(provider, data)


def logo_in_use(name: str) -> bool:
    """Whether a provider shows the stored logo `name`, or an open proposed change does."""
    return (
        Provider.objects.filter(logo=name).exists()
        or ProviderRevision.objects.open().filter(data__logo=name).exists()
    )


def profile_data(provider: Provider) -> dict:
    """The provider's public profile as it is now, in the shape of ProviderRevision.data."""
    keys = ("home_district", "disciplines")
    data = {name: getattr(provider, name) for name in PROFILE_FIELDS if name not in keys}
    data["home_district"] = provider.home_district_id
    data["disciplines"] = sorted(provider.disciplines.values_list("pk", flat=True))
    data["logo"] = provider.logo.name or ""
    return data


def profile_data_from_form(values: dict, *, logo: str) -> dict:
    """The proposed profile from a form's cleaned values (model instances for the keys)."""
    data = {name: values[name] for name in PROFILE_FIELDS}
    district = data["home_district"]
    data["home_district"] = district.pk if district is not None else None
    data["disciplines"] = sorted(item.pk for item in data["disciplines"])
    data["logo"] = logo or ""
    return data


def _discard_logo(revision: ProviderRevision, provider: Provider) -> None:
    """Delete a proposed logo that will never be shown (after the commit)."""
    name = revision.data.get("logo") or ""
    if name and name != provider.logo.name:
        still_used = ProviderRevision.objects.filter(data__logo=name).exclude(pk=revision.pk)
        if not still_used.filter(state=ProviderRevision.State.SUBMITTED).exists():
            delete_images_later([name], in_use=logo_in_use)


def _propose(provider: Provider, data: dict) -> ProviderRevision | None:
    """Replace the open proposed change by `data`; nothing to propose when it is what is
    public already (the provider took their change back)."""
    old = list(provider.revisions.select_for_update().open())
    for revision in old:
        revision.state = ProviderRevision.State.WITHDRAWN
        revision.save(update_fields=["state", "updated_at"])
    revision = None
    if data != profile_data(provider):
        revision = ProviderRevision.objects.create(provider=provider, data=data)
    for previous in old:
        _discard_logo(previous, provider)
    return revision


def _decided(revision: ProviderRevision, by) -> tuple[ProviderRevision, Provider]:
    """The revision and its provider, locked (provider first, as provider_update does);
    refuses when it is no longer open."""
    provider = Provider.objects.select_for_update().get(pk=revision.provider_id)
    revision = ProviderRevision.objects.select_for_update().get(pk=revision.pk)
    if not revision.is_open:
        raise ProviderError(
            _(
                "These changes were replaced or decided on meanwhile. Look at the provider's "
                "newest changes."
            )
        )
    revision.decided_by = by
    return revision, provider


@transaction.atomic
def provider_revision_approve(*, revision: ProviderRevision, by, message: str = "") -> Provider:
    """Publish a proposed profile change, and tell the provider's users."""
    revision, provider = _decided(revision, by)
    data = {**profile_data(provider), **revision.data}
    for name in PROFILE_FIELDS:
        if name not in ("home_district", "disciplines"):
            setattr(provider, name, data[name])
    provider.home_district_id = data["home_district"]
    replaced = provider.logo.name
    provider.logo.name = data["logo"]
    if replaced != provider.logo.name:
        delete_images_later([replaced], in_use=logo_in_use)
    # save() sets updated_at: the public pages' content fingerprint changes with it.
    provider.save()
    provider.disciplines.set(data["disciplines"])
    revision.state = ProviderRevision.State.APPROVED
    revision.message = message
    revision.save()
    send_templated_mail(
        to=provider.users.filter(is_active=True),
        template="providers/email/profile_approved",
        context={"provider": provider, "message": message},
    )
    return provider


@transaction.atomic
def provider_revision_reject(*, revision: ProviderRevision, by, message: str) -> ProviderRevision:
    """Keep the approved profile; tell the provider's users why."""
    if not message.strip():
        raise ProviderError(_("Write why the changes are not approved."))
    revision, provider = _decided(revision, by)
    revision.state = ProviderRevision.State.REJECTED
    revision.message = message
    revision.save()
    _discard_logo(revision, provider)
    send_templated_mail(
        to=provider.users.filter(is_active=True),
        template="providers/email/profile_rejected",
        context={"provider": provider, "message": message},
    )
    return revision


def provider_revision_diff(revision: ProviderRevision) -> list[dict]:
    """Field by field, what the proposed change changes: label, public value, proposed value."""
    current = profile_data(revision.provider)
    proposed = {**current, **revision.data}
    rows = []
    for name in [*PROFILE_FIELDS, "logo"]:
        if current[name] != proposed[name]:
            rows.append(
                {
                    "field": Provider._meta.get_field(name).verbose_name,
                    "old": _describe(name, current[name]),
                    "new": _describe(name, proposed[name]),
                }
            )
    return rows


def _describe(name: str, value) -> str:
    if name == "home_district":
        return str(District.objects.filter(pk=value).first() or "—")
    if name == "disciplines":
        labels = [discipline.label for discipline in Discipline.objects.filter(pk__in=value)]
        return ", ".join(labels) or "—"
    if name == "kind":
        return str(Provider.Kind(value).label) if value in Provider.Kind.values else value
    return str(value) if value not in (None, "") else "—"
