"""Moderation in the admin: the queues, the actions, what a moderator may do, seen-or-refused."""

import csv
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from agenda.models import Activity, ActivityDecision, ActivityState, Decision
from agenda.services.activities import activity_save
from agenda.services.drafts import activity_data
from agenda.services.moderation import activity_approve, activity_submit
from providers.models import Provider, Venue
from tests.factories import ProviderFactory
from tests.helpers import changelist_action, proposed_change, submitted

pytestmark = pytest.mark.django_db


def test_admin_refuses_approving_a_draft(client, world_a, moderator):
    client.force_login(moderator)
    response = changelist_action(client, "agenda_activity", "approve", [world_a["activity"].pk])
    world_a["activity"].refresh_from_db()
    assert world_a["activity"].state == "draft"
    # The admin (/beheer/, no language prefix) always speaks Dutch: expect the Dutch message.
    with translation.override("nl"):
        expected = f"{world_a['activity']}: " + str(_refusal(ActivityState.DRAFT, Decision.APPROVE))
    assert expected in response.content.decode()


def _refusal(state, action):
    return translation.gettext(
        "An activity with the state “%(state)s” cannot become “%(action)s”."
    ) % {"state": ActivityState(state).label, "action": Decision(action).label}


def test_admin_request_changes_asks_for_a_message(client, world_a, world_b, moderator):
    client.force_login(moderator)
    pks = [submitted(world_a).pk, submitted(world_b).pk]
    response = changelist_action(client, "agenda_submittedactivity", "request_changes", pks)
    assert "message" in response.context["form"].fields
    changelist_action(
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
    submitted(world_b)
    submitted(world_a)
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
    changelist_action(client, "providers_pendingprovider", "approve_providers", [provider.pk])
    provider.refresh_from_db()
    assert provider.status == Provider.Status.APPROVED


def test_admin_preview_and_diff(client, world_a, moderator):
    activity = submitted(world_a)
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
    response = changelist_action(client, "agenda_activity", "export_csv", [world_a["activity"].pk])
    body = b"".join(response.streaming_content).decode()
    assert body.startswith("activity_id,title")
    assert "Activiteit Aanbieder A" in body


def test_admin_csv_export_keeps_formulas_as_text(client, world_a, moderator):
    activity = world_a["activity"]
    Activity.objects.filter(pk=activity.pk).update(title='=HYPERLINK("x")')
    Provider.objects.filter(pk=activity.provider_id).update(name="@Koor")
    Venue.objects.filter(pk=world_a["venue"].pk).update(name="-Zaal")
    client.force_login(moderator)
    response = changelist_action(client, "agenda_activity", "export_csv", [activity.pk])
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["title"] == '\'=HYPERLINK("x")'
    assert rows[0]["provider"] == "'@Koor"
    assert rows[0]["venue"] == "'-Zaal"
    # Numbers and plain text stay as they are.
    assert rows[0]["activity_id"] == str(activity.pk)


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

    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    name = "0010_moderation_groups"
    module = importlib.import_module(f"agenda.migrations.{name}")
    # The models as the migration knows them: it marks their app configs as it goes, which
    # must not touch the site's own (content types would no longer be made after a flush).
    apps = MigrationLoader(connection).project_state(("agenda", name)).apps
    # Once, then again: the second run changes nothing (later migrations grant more, e.g. the
    # statements in 0019, which a first rerun takes back to this migration's list).
    module.create(apps, None)
    before = set(Group.objects.get(name="redactie").permissions.values_list("codename", flat=True))
    module.create(apps, None)
    after = set(Group.objects.get(name="redactie").permissions.values_list("codename", flat=True))
    assert before == after and "change_submittedactivity" in after
    assert Group.objects.filter(name__in=["redactie", "beheer"]).count() == 2


def test_admin_approve_shows_the_change_and_refuses_an_edit_made_meanwhile(
    client, world_a, moderator
):
    client.force_login(moderator)
    activity, data = proposed_change(world_a, moderator, "Gezien")
    # The first step only shows what would be published, with when it was last changed.
    response = changelist_action(client, "agenda_submittedactivity", "approve", [activity.pk])
    page = response.content.decode()
    assert "Gezien" in page
    seen = re.search(rf'name="seen_{activity.pk}" value="([^"]+)"', page).group(1)
    activity.refresh_from_db()
    assert activity.title == "Activiteit Aanbieder A"

    data["title"] = "Niet gezien"
    activity_save(activity=activity, data=data, by=world_a["user"])
    confirm = {"apply": "1", f"seen_{activity.pk}": seen}
    response = changelist_action(
        client, "agenda_submittedactivity", "approve", [activity.pk], **confirm
    )
    activity.refresh_from_db()
    assert activity.title == "Activiteit Aanbieder A"
    with translation.override("nl"):
        refusal = translation.gettext(
            "The provider changed this activity meanwhile. Look at it again before you approve it."
        )
    assert refusal in response.content.decode()

    # Looked at again: approved as shown.
    response = changelist_action(client, "agenda_submittedactivity", "approve", [activity.pk])
    seen = re.search(rf'name="seen_{activity.pk}" value="([^"]+)"', response.content.decode())
    confirm = {"apply": "1", f"seen_{activity.pk}": seen.group(1)}
    changelist_action(client, "agenda_submittedactivity", "approve", [activity.pk], **confirm)
    activity.refresh_from_db()
    assert activity.title == "Niet gezien"


def _seen_in_list(client, activity) -> dict:
    """What the moderation list's form sends along for this activity when approving it."""
    page = client.get(reverse("admin:agenda_submittedactivity_changelist")).content.decode()
    form = re.search(r'<form id="changelist-form".*?</form>', page, re.S).group()
    name = f"seen_activity_{activity.pk}"
    return {name: re.search(rf'name="{name}" value="([^"]+)"', form).group(1)}


def test_admin_approve_refuses_a_submission_sent_again_after_the_list_was_shown(
    client, world_a, moderator
):
    client.force_login(moderator)
    activity = submitted(world_a)
    seen = _seen_in_list(client, activity)

    # The provider takes it back, changes it and sends it again while the list is open.
    data = activity_data(activity)
    data["title"] = "Niet gezien"
    activity_save(activity=activity, data=data, by=world_a["user"])
    activity_submit(activity=activity, by=world_a["user"])
    response = changelist_action(
        client, "agenda_submittedactivity", "approve", [activity.pk], **seen
    )
    activity.refresh_from_db()
    assert activity.state == ActivityState.SUBMITTED
    with translation.override("nl"):
        refusal = translation.gettext(
            "The provider changed this activity meanwhile. Look at it again before you approve it."
        )
    assert refusal in response.content.decode()

    # Without what the list showed (an old page, a crafted request) nothing is approved either.
    changelist_action(client, "agenda_submittedactivity", "approve", [activity.pk])
    activity.refresh_from_db()
    assert activity.state == ActivityState.SUBMITTED

    # The list shown again: approved as it is now.
    seen = _seen_in_list(client, activity)
    changelist_action(client, "agenda_submittedactivity", "approve", [activity.pk], **seen)
    activity.refresh_from_db()
    assert (activity.state, activity.title) == (ActivityState.APPROVED, "Niet gezien")
