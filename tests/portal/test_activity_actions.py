"""What a provider does to an activity from the portal: preview, copy, cancel a time, withdraw."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from agenda.models import Activity, Session
from providers.models import User
from tests.factories import TUESDAY

pytestmark = pytest.mark.django_db


def test_preview_uses_the_public_template_and_is_not_cached(client_a, world_a):
    response = client_a.get(reverse("portal:activity_preview", args=[world_a["activity"].pk]))
    assert response.status_code == 200
    assert "agenda/activity_detail.html" in [t.name for t in response.templates]
    assert response.context["preview"] is True
    assert "no-cache" in response["Cache-Control"]


def test_copy_moves_sessions_to_the_current_edition(client_a, world_a, edition):
    from tests.factories import EditionFactory

    EditionFactory(year=2028, starts_on=TUESDAY.replace(year=2028, day=17))
    response = client_a.post(reverse("portal:activity_copy", args=[world_a["activity"].pk]))
    copy = Activity.objects.exclude(pk=world_a["activity"].pk).get(provider=world_a["provider"])
    assert response.status_code == 302
    assert copy.edition.year == 2028 and copy.state == "draft"
    original = world_a["session"]
    moved = copy.sessions.get()
    assert moved.starts_at.date() != original.starts_at.date()
    assert moved.starts_at.astimezone(original.starts_at.tzinfo).weekday() == (
        original.starts_at.weekday()
    )
    assert moved.ends_at - moved.starts_at == original.ends_at - original.starts_at


def test_cancel_session_is_immediate(client_a, world_a):
    client_a.post(reverse("portal:session_cancel", args=[world_a["session"].pk]))
    world_a["session"].refresh_from_db()
    assert world_a["session"].is_cancelled


def test_withdrawing_asks_first_and_says_who_is_told(
    client_a, world_a, django_capture_on_commit_callbacks
):
    from agenda.services.moderation import activity_approve, activity_submit
    from tests.factories import ReservationFactory

    activity = world_a["activity"]
    activity_submit(activity=activity, by=world_a["user"])
    staff = User.objects.create_user(email="redactie@example.org", is_staff=True)
    activity_approve(activity=activity, by=staff)
    for email in ["a@example.org", "b@example.org"]:
        ReservationFactory(session=world_a["session"], email=email)
    with translation.override("en"):
        url = reverse("portal:activity_withdraw", args=[activity.pk])  # the English page, /en/…
        page = client_a.get(url).content.decode()
        # The old direct POST, without the page's own confirmation, only shows the page.
        posted = client_a.post(url)
    assert "2 residents with a place or on the waiting list get an e-mail" in page
    assert "This cannot be undone" in page
    assert 'name="confirm"' in page
    assert posted.status_code == 200 and "This cannot be undone" in posted.content.decode()
    activity.refresh_from_db()
    assert activity.state == "approved"
    assert not Session.objects.get(pk=world_a["session"].pk).is_cancelled

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_a.post(url, {"confirm": "1"})
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.state == "withdrawn"
    assert Session.objects.get(pk=world_a["session"].pk).is_cancelled
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
