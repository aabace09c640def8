"""The moderation state machine, proposed changes to approved activities, and the admin."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from agenda.models import Activity, ActivityDecision, ActivityRevision
from agenda.services import (
    ModerationError,
    activity_approve,
    activity_data,
    activity_reject,
    activity_request_changes,
    activity_save,
    activity_submit,
    activity_withdraw,
    edition_create_next,
    revision_diff,
)
from providers.models import Provider, Venue
from providers.services import venue_merge
from tests.factories import ProviderFactory, SessionFactory, UserFactory, VenueFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(reference_data):
    user = UserFactory(email="redactie@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="redactie"))
    return user


def _submitted(world):
    activity = world["activity"]
    activity_submit(activity=activity, by=world["user"])
    activity.refresh_from_db()
    return activity


def test_submit_then_approve(world_a, moderator, django_capture_on_commit_callbacks):
    activity = _submitted(world_a)
    assert activity.state == "submitted"
    with django_capture_on_commit_callbacks(execute=True):
        activity_approve(activity=activity, by=moderator)
    activity.refresh_from_db()
    assert activity.state == "approved"
    assert [d.action for d in activity.decisions.all()] == ["approve", "submit"]
    assert mail.outbox[-1].to == [world_a["user"].email]


@pytest.mark.parametrize("service", [activity_approve, activity_request_changes, activity_reject])
def test_a_draft_cannot_be_decided(world_a, moderator, service):
    with pytest.raises(ModerationError):
        service(activity=world_a["activity"], by=moderator, message="waarom")
    world_a["activity"].refresh_from_db()
    assert world_a["activity"].state == "draft"
    assert not ActivityDecision.objects.exists()


def test_rejected_cannot_be_submitted_again(world_a, moderator):
    activity = _submitted(world_a)
    activity_reject(activity=activity, by=moderator, message="Geen cultuur.")
    with pytest.raises(ModerationError):
        activity_submit(activity=activity, by=world_a["user"])


def test_request_changes_needs_a_message(world_a, moderator):
    activity = _submitted(world_a)
    with pytest.raises(ModerationError):
        activity_request_changes(activity=activity, by=moderator, message=" ")


def test_submission_window_is_enforced(world_a, edition):
    edition.submissions_open_until = timezone.now() - datetime.timedelta(days=1)
    edition.submissions_open_from = timezone.now() - datetime.timedelta(days=10)
    edition.save()
    with pytest.raises(ModerationError, match="closed"):
        activity_submit(activity=world_a["activity"], by=world_a["user"])


def test_submit_needs_a_session(world_a):
    world_a["session"].delete()
    with pytest.raises(ModerationError):
        activity_submit(activity=world_a["activity"], by=world_a["user"])


def test_withdraw_takes_an_approved_activity_off_the_agenda(world_a, moderator):
    activity = _submitted(world_a)
    activity_approve(activity=activity, by=moderator)
    activity_withdraw(activity=activity, by=world_a["user"])
    activity.refresh_from_db()
    assert activity.state == "withdrawn"
    assert not Activity.objects.public().filter(pk=activity.pk).exists()


def test_changes_to_an_approved_activity_wait_for_approval(world_a, moderator):
    activity = _submitted(world_a)
    activity_approve(activity=activity, by=moderator)
    data = activity_data(activity)
    data["title"] = "Nieuwe titel"
    assert activity_save(activity=activity, data=data, by=world_a["user"]) is True
    activity.refresh_from_db()
    assert activity.title == "Activiteit Aanbieder A" and activity.state == "approved"
    assert Activity.objects.public().filter(pk=activity.pk).exists()
    revision = ActivityRevision.objects.get(activity=activity)
    [row] = revision_diff(activity, revision.data)
    assert (row["old"], row["new"]) == ("Activiteit Aanbieder A", "Nieuwe titel")
    assert Activity.objects.awaiting_moderation().filter(pk=activity.pk).exists()

    activity_request_changes(activity=activity, by=moderator, message="Korter graag.")
    revision.refresh_from_db()
    assert revision.state == "changes_requested"
    data["title"] = "Kort"
    activity_save(activity=activity, data=data, by=world_a["user"])
    revision.refresh_from_db()
    assert revision.state == "submitted"

    activity_approve(activity=activity, by=moderator)
    activity.refresh_from_db()
    assert activity.title == "Kort" and activity.state == "approved"
    assert not Activity.objects.awaiting_moderation().filter(pk=activity.pk).exists()


def test_next_edition_keeps_the_weekdays(edition):
    following = edition_create_next(edition=edition)
    assert following.year == edition.year + 1
    assert following.starts_on.weekday() == edition.starts_on.weekday()
    assert not following.is_published
    with pytest.raises(ModerationError):
        edition_create_next(edition=edition)


def test_merge_venues_moves_sessions(world_a):
    duplicate = VenueFactory(name="Dubbel", street="Andere 1")
    moved = SessionFactory(activity=world_a["activity"], venue=duplicate)
    venue_merge(keep=world_a["venue"], duplicates=[duplicate])
    moved.refresh_from_db()
    assert moved.venue == world_a["venue"]
    assert not Venue.objects.filter(pk=duplicate.pk).exists()


# --- admin ------------------------------------------------------------------------------


def _action(client, model, action, pks, **extra):
    url = reverse(f"admin:{model}_changelist")
    return client.post(url, {"action": action, "_selected_action": pks, **extra}, follow=True)


def test_admin_refuses_approving_a_draft(client, world_a, moderator):
    client.force_login(moderator)
    response = _action(client, "agenda_activity", "approve", [world_a["activity"].pk])
    world_a["activity"].refresh_from_db()
    assert world_a["activity"].state == "draft"
    assert "cannot be" in response.content.decode()


def test_admin_request_changes_asks_for_a_message(client, world_a, world_b, moderator):
    client.force_login(moderator)
    pks = [_submitted(world_a).pk, _submitted(world_b).pk]
    response = _action(client, "agenda_submittedactivity", "request_changes", pks)
    assert "message" in response.context["form"].fields
    _action(
        client,
        "agenda_submittedactivity",
        "request_changes",
        pks,
        apply="1",
        message="Voeg een foto toe.",
    )
    assert set(Activity.objects.filter(pk__in=pks).values_list("state", flat=True)) == {
        "changes_requested"
    }
    decision = ActivityDecision.objects.filter(action="request_changes").first()
    assert decision.decided_by == moderator and decision.message == "Voeg een foto toe."


def test_admin_queues_and_counts(client, world_a, world_b, moderator):
    ProviderFactory(name="Nieuw", status=Provider.Status.PENDING)
    _submitted(world_b)
    _submitted(world_a)
    client.force_login(moderator)
    response = client.get(reverse("admin:agenda_submittedactivity_changelist"))
    titles = [a.title for a in response.context["cl"].result_list]
    assert titles == ["Activiteit Aanbieder B", "Activiteit Aanbieder A"]
    index = client.get(reverse("admin:index")).content.decode()
    assert "moderation-queues" in index
    response = client.get(reverse("admin:providers_pendingprovider_changelist"))
    assert [p.name for p in response.context["cl"].result_list] == ["Nieuw"]


def test_admin_approves_a_pending_provider(client, moderator):
    provider = ProviderFactory(status=Provider.Status.PENDING)
    client.force_login(moderator)
    _action(client, "providers_pendingprovider", "approve_providers", [provider.pk])
    provider.refresh_from_db()
    assert provider.status == Provider.Status.APPROVED


def test_admin_preview_and_diff(client, world_a, moderator):
    activity = _submitted(world_a)
    activity_approve(activity=activity, by=moderator)
    data = activity_data(activity)
    data["description"] = "Helemaal nieuw."
    activity_save(activity=activity, data=data, by=world_a["user"])
    client.force_login(moderator)
    page = client.get(reverse("admin:agenda_activity_change", args=[activity.pk]))
    assert "Helemaal nieuw." in page.content.decode()
    preview = client.get(reverse("admin:agenda_activity_preview", args=[activity.pk]))
    assert preview.status_code == 200
    assert "Helemaal nieuw." in preview.content.decode()


def test_admin_csv_export(client, world_a, moderator):
    client.force_login(moderator)
    response = _action(client, "agenda_activity", "export_csv", [world_a["activity"].pk])
    body = b"".join(response.streaming_content).decode()
    assert body.startswith("activity_id,title")
    assert "Activiteit Aanbieder A" in body


def test_moderator_can_moderate_but_nothing_else(client, moderator):
    client.force_login(moderator)
    allowed = [
        "admin:agenda_submittedactivity_changelist",
        "admin:providers_pendingprovider_changelist",
        "admin:agenda_activity_changelist",
        "admin:agenda_edition_add",
        "admin:providers_venue_add",
        "admin:providers_district_add",
        "admin:providers_discipline_add",
        "admin:agenda_audience_add",
    ]
    for name in allowed:
        assert client.get(reverse(name)).status_code == 200, name
    forbidden = [
        "admin:providers_user_changelist",
        "admin:providers_user_add",
        "admin:auth_group_changelist",
        "admin:agenda_activity_add",
        "admin:providers_provider_add",
        "admin:agenda_reservation_changelist",
    ]
    for name in forbidden:
        assert client.get(reverse(name)).status_code == 403, name
    assert not moderator.is_superuser


def test_groups_migration_is_idempotent(reference_data):
    import importlib

    from django.apps import apps

    module = importlib.import_module("agenda.migrations.0010_moderation_groups")
    before = set(Group.objects.get(name="redactie").permissions.values_list("codename", flat=True))
    module.create(apps, None)
    after = set(Group.objects.get(name="redactie").permissions.values_list("codename", flat=True))
    assert before == after and "change_submittedactivity" in after
    assert Group.objects.filter(name__in=["redactie", "beheer"]).count() == 2
