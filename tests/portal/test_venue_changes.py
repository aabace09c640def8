"""Who changes a venue in the portal: not one other providers' public activities use, not an
organisation that is not approved yet; residents booked there hear about a new address."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse

from providers.models import Provider, Venue
from tests.factories import ActivityFactory, SessionFactory, UserFactory, reserve

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(reference_data):
    user = UserFactory(email="redactie@example.org", is_staff=True, language="nl")
    user.groups.add(Group.objects.get(name="redactie"))
    return user


def _venue_post(venue, **changes):
    return {
        "name": venue.name,
        "street": venue.street,
        "postcode": venue.postcode,
        "city": venue.city,
        "wheelchair_accessible": "on" if venue.wheelchair_accessible else "",
        "accessibility_notes": venue.accessibility_notes,
        **changes,
    }


@pytest.fixture
def shared(world_a, world_b, edition):
    """A's venue, where B's public activity has a session too."""
    other = ActivityFactory(provider=world_b["provider"], edition=edition, state="approved")
    SessionFactory(activity=other, venue=world_a["venue"])
    return other


def test_a_venue_shared_with_another_providers_public_sessions_changes_nothing_public(
    client_a, world_a, shared, moderator, django_capture_on_commit_callbacks
):
    venue = world_a["venue"]
    old_street = venue.street
    url = reverse("portal:venue_edit", args=[venue.pk])
    page = client_a.get(url)
    assert page.context["shared"] is True
    with django_capture_on_commit_callbacks(execute=True):
        response = client_a.post(url, _venue_post(venue, street="Nepstraat 1"), follow=True)
    assert response.status_code == 200
    venue.refresh_from_db()
    assert venue.street == old_street
    # The other provider's public page still shows the address as it was.
    html = Client().get(shared.get_absolute_url()).content.decode()
    assert old_street in html and "Nepstraat 1" not in html
    # The change went to staff as a request.
    request = next(m for m in mail.outbox if m.to == [moderator.email])
    assert "Nepstraat 1" in request.body and old_street in request.body
    assert f"/beheer/providers/venue/{venue.pk}/change/" in request.body


def test_a_venue_used_only_by_the_providers_own_sessions_changes_and_residents_hear(
    client_a, world_a, django_capture_on_commit_callbacks
):
    venue = world_a["venue"]
    old_address = venue.address
    session = world_a["session"]
    world_a["activity"].state = "approved"
    world_a["activity"].save()
    booked = reserve(session, 1, language="en")
    mail.outbox.clear()
    url = reverse("portal:venue_edit", args=[venue.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_a.post(url, _venue_post(venue, street="Nieuwstraat 5"))
    assert response.status_code == 302
    venue.refresh_from_db()
    assert venue.street == "Nieuwstraat 5"
    told = next(m for m in mail.outbox if m.to == [booked.email])
    assert told.subject == f"New time or place: {session.activity.title}"
    assert "Nieuwstraat 5" in told.body
    assert f"Before the change: Tuesday 19 January, 19:30–21:00, {venue.name}, {old_address}" in (
        told.body
    )


def test_a_pending_organisation_cannot_add_a_venue(client_a, world_a):
    Provider.objects.filter(pk=world_a["provider"].pk).update(status=Provider.Status.PENDING)
    data = {"name": "Zaal Geclaimd", "street": "Kloosterstraat 9", "postcode": "5921 AA"}
    page = client_a.get(reverse("portal:venue_create"))
    assert page.context["refused"] and "form" not in page.context
    response = client_a.post(reverse("portal:venue_create"), {**data, "city": "Venlo"})
    assert response.status_code == 403
    assert not Venue.objects.filter(name="Zaal Geclaimd").exists()
    listing = client_a.get(reverse("portal:venue_list")).content.decode()
    assert reverse("portal:venue_create") not in listing
