"""Staff change a venue's address in the admin: residents booked there hear, as for a move."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import ActivityFactory, SessionFactory, reserve

pytestmark = pytest.mark.django_db


def _admin_post(venue, **changes):
    return {
        "name": venue.name,
        "street": venue.street,
        "postcode": venue.postcode,
        "city": venue.city,
        "district": venue.district_id,
        "latitude": "",
        "longitude": "",
        "wheelchair_accessible": "on",
        "accessibility_notes": "",
        "added_by": "",
        **changes,
    }


@pytest.fixture
def booked_session(reference_data):
    session = SessionFactory(activity=ActivityFactory(state="approved"), capacity=1)
    return session, [reserve(session, 1), reserve(session, 2)]  # one place, one waiting


def test_staff_changing_a_venue_address_tell_everyone_booked_there(
    client, moderator, booked_session, django_capture_on_commit_callbacks
):
    session, reservations = booked_session
    venue = session.venue
    old_address = venue.address
    mail.outbox.clear()
    client.force_login(moderator)
    url = reverse("admin:providers_venue_change", args=[venue.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, _admin_post(venue, street="Maasboulevard 3"))
    assert response.status_code == 302
    venue.refresh_from_db()
    assert venue.street == "Maasboulevard 3"
    told = {message.to[0]: message for message in mail.outbox}
    assert set(told) == {r.email for r in reservations}
    for message in told.values():
        assert "Maasboulevard 3" in message.body and old_address in message.body


def test_a_venue_change_that_keeps_the_address_tells_nobody(
    client, moderator, booked_session, django_capture_on_commit_callbacks
):
    session, _reservations = booked_session
    mail.outbox.clear()
    client.force_login(moderator)
    url = reverse("admin:providers_venue_change", args=[session.venue.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, _admin_post(session.venue, accessibility_notes="Een lift."))
    assert response.status_code == 302
    assert mail.outbox == []
