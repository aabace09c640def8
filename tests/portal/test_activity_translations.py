"""The portal's fieldset for an English and German title and summary (issue 14): saved with
the activity, and on an approved activity changed only through moderation."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from agenda.models import Activity, ActivityRevision
from agenda.services.activities import activity_save
from agenda.services.drafts import activity_data
from agenda.services.moderation import activity_approve, activity_submit
from tests.factories import UserFactory
from tests.helpers import activity_post

pytestmark = pytest.mark.django_db


def test_the_form_has_one_optional_fieldset_for_the_translations(client_a):
    page = client_a.get("/en" + reverse("portal:activity_create")).content.decode()
    fieldset = page.split('<fieldset class="activity-translations">', 1)[1].split("</fieldset>")[0]
    assert "For visitors from Germany and elsewhere (optional)" in fieldset
    for name in ("title_en", "summary_en", "title_de", "summary_de"):
        assert f'name="{name}"' in fieldset
        assert page.count(f'name="{name}"') == 1  # not in the main fieldset as well
    assert 'lang="de"' in fieldset


def test_the_translations_are_saved_with_the_activity(client_a, world_a):
    response = client_a.post(
        reverse("portal:activity_create"),
        activity_post(world_a["venue"], title_en="Open rehearsal", summary_de="Sing mit!"),
    )
    assert response.status_code == 302
    activity = Activity.objects.get(title="Open repetitie")
    assert (activity.title_en, activity.summary_de) == ("Open rehearsal", "Sing mit!")


def test_a_new_english_title_waits_for_the_moderator(world_a):
    moderator = UserFactory(is_staff=True)
    moderator.groups.add(Group.objects.get(name="redactie"))
    activity = world_a["activity"]
    activity_submit(activity=activity, by=world_a["user"])
    activity_approve(activity=activity, by=moderator)
    activity.refresh_from_db()
    data = activity_data(activity)
    data["title_en"] = "Open rehearsal"
    activity_save(activity=activity, data=data, by=world_a["user"])
    activity.refresh_from_db()
    assert activity.title_en == ""  # residents still see the approved version
    revision = ActivityRevision.objects.get(activity=activity, state="submitted")
    activity_approve(activity=activity, by=moderator, seen_revision_at=revision.updated_at)
    activity.refresh_from_db()
    assert activity.title_en == "Open rehearsal"
