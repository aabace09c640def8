"""An approved organisation's public profile changes only once staff approve the change."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from providers.models import Provider, ProviderRevision
from tests.factories import UserFactory
from tests.helpers import changelist_action, jpeg_with_gps

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(reference_data):
    user = UserFactory(email="redactie@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="redactie"))
    return user


@pytest.fixture
def staff(moderator):
    staff = Client()
    staff.force_login(moderator)
    return staff


@pytest.fixture
def choir(agenda):
    """The choir's provider (approved, with public activities), its user logged in."""
    return agenda["choir"].provider


@pytest.fixture
def choir_client(client, choir):
    client.force_login(UserFactory(provider=choir, email="koor@example.org"))
    return client


def _profile_post(provider, **changes):
    return {
        "name": provider.name,
        "kind": provider.kind,
        "description": provider.description,
        "website": provider.website,
        "facebook": "",
        "instagram": "",
        "other_link": "",
        "public_email": "",
        "public_phone": "",
        "contact_name": "",
        "contact_email": "",
        "home_district": "",
        **changes,
    }


def _public_names(provider):
    client = Client()
    page = client.get(provider.get_absolute_url()).content.decode()
    data = client.get("/api/v1/agenda.json").json()
    feed = {item["provider"]["name"] for item in data["results"]}
    return page, feed


def _propose(choir_client, choir, name="Het Nieuwe Koor", **changes):
    return choir_client.post(
        reverse("portal:provider_edit"),
        _profile_post(choir, name=name, description="Nieuw verhaal.", **changes),
    )


def test_an_approved_profile_changes_nothing_public_until_staff_approve(
    staff, choir_client, choir, django_capture_on_commit_callbacks
):
    old_name = choir.name
    response = _propose(choir_client, choir, contact_name="Els")
    assert response.status_code == 302
    # Nothing public changed: the provider page and the open data show the approved version.
    page, feed = _public_names(choir)
    assert old_name in page and "Het Nieuwe Koor" not in page
    assert old_name in feed and "Het Nieuwe Koor" not in feed
    choir.refresh_from_db()
    assert (choir.name, choir.contact_name) == (old_name, "Els")  # the private field at once
    # The portal says the changes wait, and shows them in the form.
    form_page = choir_client.get(reverse("portal:provider_edit"))
    assert form_page.context["form"]["name"].value() == "Het Nieuwe Koor"
    assert form_page.context["revision"] is not None
    assert 'class="notice" role="status"' in form_page.content.decode()

    revision = ProviderRevision.objects.open().get(provider=choir)
    queue = staff.get(reverse("admin:providers_providerrevision_changelist"))
    assert revision in queue.context["cl"].result_list
    detail = staff.get(reverse("admin:providers_providerrevision_change", args=[revision.pk]))
    assert "Het Nieuwe Koor" in detail.content.decode()
    # The admin speaks Dutch; its front page counts the queue.
    index = staff.get(reverse("admin:index")).content.decode()
    assert "Voorgestelde wijzigingen van organisatieprofielen" in index
    confirm = changelist_action(
        staff, "providers_providerrevision", "approve_revisions", [revision.pk]
    )
    assert "Het Nieuwe Koor" in confirm.content.decode()  # the diff is shown first
    with django_capture_on_commit_callbacks(execute=True):
        changelist_action(
            staff, "providers_providerrevision", "approve_revisions", [revision.pk], apply="1"
        )
    page, feed = _public_names(choir)
    assert "Het Nieuwe Koor" in page and "Nieuw verhaal." in page
    assert "Het Nieuwe Koor" in feed and old_name not in feed
    assert mail.outbox[-1].to == ["koor@example.org"]


def test_a_rejected_change_keeps_the_old_profile_and_tells_the_provider(
    staff, choir_client, choir, django_capture_on_commit_callbacks
):
    old_name = choir.name
    _propose(choir_client, choir)
    revision = ProviderRevision.objects.open().get(provider=choir)
    # Without a reason, nothing happens.
    changelist_action(
        staff, "providers_providerrevision", "reject_revisions", [revision.pk], apply="1"
    )
    revision.refresh_from_db()
    assert revision.is_open
    with django_capture_on_commit_callbacks(execute=True):
        changelist_action(
            staff,
            "providers_providerrevision",
            "reject_revisions",
            [revision.pk],
            apply="1",
            message="Deze naam is van een ander koor.",
        )
    revision.refresh_from_db()
    assert revision.state == ProviderRevision.State.REJECTED
    choir.refresh_from_db()
    assert choir.name == old_name
    page, _feed = _public_names(choir)
    assert old_name in page and "Het Nieuwe Koor" not in page
    assert mail.outbox[-1].to == ["koor@example.org"]
    assert "Deze naam is van een ander koor." in mail.outbox[-1].body
    # The portal shows the old version and the reason.
    form_page = choir_client.get(reverse("portal:provider_edit"))
    assert form_page.context["form"]["name"].value() == old_name
    assert "Deze naam is van een ander koor." in form_page.content.decode()


def test_editing_again_replaces_the_change_and_the_replaced_one_cannot_be_approved(
    staff, choir_client, choir
):
    _propose(choir_client, choir, name="Eerste Naam")
    first = ProviderRevision.objects.open().get(provider=choir)
    _propose(choir_client, choir, name="Tweede Naam")
    changelist_action(
        staff, "providers_providerrevision", "approve_revisions", [first.pk], apply="1"
    )
    choir.refresh_from_db()
    assert choir.name not in ("Eerste Naam", "Tweede Naam")
    assert ProviderRevision.objects.open().get(provider=choir).data["name"] == "Tweede Naam"


def test_going_back_to_the_public_version_withdraws_the_change(choir_client, choir):
    old_name = choir.name
    _propose(choir_client, choir)
    choir_client.post(reverse("portal:provider_edit"), _profile_post(choir, name=old_name))
    assert not ProviderRevision.objects.open().exists()


def test_a_pending_organisation_changes_its_profile_at_once(client_a, world_a):
    provider = world_a["provider"]
    Provider.objects.filter(pk=provider.pk).update(status=Provider.Status.PENDING)
    client_a.post(reverse("portal:provider_edit"), _profile_post(provider, name="Meteen Anders"))
    provider.refresh_from_db()
    assert provider.name == "Meteen Anders"
    assert not ProviderRevision.objects.exists()


def test_a_new_logo_waits_for_review_and_a_rejected_one_is_deleted(
    staff, choir_client, choir, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    logo = SimpleUploadedFile("logo.jpg", jpeg_with_gps((200, 200)), content_type="image/jpeg")
    choir_client.post(reverse("portal:provider_edit"), {**_profile_post(choir), "upload": logo})
    choir.refresh_from_db()
    assert not choir.logo  # nothing public yet
    revision = ProviderRevision.objects.open().get(provider=choir)
    proposed = revision.data["logo"]
    assert default_storage.exists(proposed)
    page = choir_client.get(reverse("portal:provider_edit"))
    assert page.context["proposed_logo"].endswith(proposed)
    with django_capture_on_commit_callbacks(execute=True):
        changelist_action(
            staff,
            "providers_providerrevision",
            "reject_revisions",
            [revision.pk],
            apply="1",
            message="Dit logo is onscherp.",
        )
    assert not default_storage.exists(proposed)
    choir.refresh_from_db()
    assert not choir.logo
