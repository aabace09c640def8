"""Changes to an approved activity: held as a revision until approved, approved only as seen."""

import datetime

import pytest
from django.utils import timezone, translation

from agenda.models import Activity, ActivityRevision
from agenda.services.activities import activity_save
from agenda.services.drafts import activity_data
from agenda.services.errors import ModerationError
from agenda.services.moderation import activity_approve, activity_request_changes
from agenda.services.preview import revision_diff
from tests.helpers import approved, proposed_change, submitted

pytestmark = pytest.mark.django_db


def test_changes_to_an_approved_activity_wait_for_approval(world_a, moderator):
    activity = submitted(world_a)
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


def test_approving_a_change_the_provider_replaced_meanwhile_is_refused(world_a, moderator):
    activity, data = proposed_change(world_a, moderator, "Gezien")
    seen = ActivityRevision.objects.get(activity=activity, state="submitted").updated_at
    data["title"] = "Niet gezien"
    activity_save(activity=activity, data=data, by=world_a["user"])
    with translation.override("en"), pytest.raises(ModerationError, match="meanwhile"):
        activity_approve(activity=activity, by=moderator, seen_revision_at=seen)
    activity.refresh_from_db()
    assert activity.title == "Activiteit Aanbieder A"
    assert ActivityRevision.objects.get(activity=activity).state == "submitted"
    assert activity.decisions.first().action == "submit"


def test_approving_the_change_as_seen_publishes_it(world_a, moderator):
    activity, _data = proposed_change(world_a, moderator, "Gezien")
    seen = ActivityRevision.objects.get(activity=activity, state="submitted").updated_at
    activity_approve(activity=activity, by=moderator, seen_revision_at=seen)
    activity.refresh_from_db()
    assert activity.title == "Gezien"


def test_approving_when_no_change_was_seen_refuses_one_that_appeared(world_a, moderator):
    activity, _data = proposed_change(world_a, moderator, "Nooit gezien")
    with pytest.raises(ModerationError):
        activity_approve(activity=activity, by=moderator, seen_revision_at=None)
    activity.refresh_from_db()
    assert activity.title == "Activiteit Aanbieder A"


def test_diff_dates_follow_the_language(world_a, moderator):
    activity = approved(world_a, moderator)
    data = activity_data(activity)
    starts = datetime.datetime.fromisoformat(data["sessions"][0]["starts_at"])
    data["sessions"][0]["starts_at"] = (starts + datetime.timedelta(minutes=30)).isoformat()
    with translation.override("de"):
        [row] = revision_diff(activity, data)
    local = timezone.localtime(starts)
    weekday = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"][local.weekday()]
    assert row["old"].startswith(f"{weekday}, {local.day}. ")
