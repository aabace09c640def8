"""The organisation's screens in the portal: colleagues, venues, the profile preview, every page."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from outbox.services import mail_send_due
from providers.models import User, Venue
from tests.factories import WEDNESDAY, VenueFactory
from tests.helpers import link_in

pytestmark = pytest.mark.django_db


def test_invite_a_colleague(client_a, world_a):
    client_a.post(reverse("portal:colleagues"), {"email": "bob@example.org"})
    bob = User.objects.get(email="bob@example.org")
    assert bob.provider == world_a["provider"] and not bob.is_active
    assert mail_send_due() == (1, 0)  # queued, sent by the worker
    client_a.logout()
    link = link_in(mail.outbox[-1])
    response = client_a.post(
        link, {"new_password1": "another-long-secret-7", "new_password2": "another-long-secret-7"}
    )
    assert response.status_code == 302
    bob.refresh_from_db()
    assert bob.is_active and bob.check_password("another-long-secret-7")
    # The link works once.
    assert client_a.get(link).status_code == 400


def test_add_venue_finds_district_and_refuses_duplicates(client_a, world_a):
    data = {
        "name": "Zaal Nieuw",
        "street": "Kloosterstraat 9",
        "postcode": "5921 aa",
        "city": "Venlo",
    }
    response = client_a.post(reverse("portal:venue_create"), data)
    assert response.status_code == 302
    venue = Venue.objects.get(name="Zaal Nieuw")
    assert venue.district.slug == "blerick" and venue.added_by == world_a["provider"]
    response = client_a.post(reverse("portal:venue_create"), {**data, "street": "KLOOSTERSTRAAT 9"})
    assert response.status_code == 200
    with translation.override("en"):  # the message is lazy: read it in English
        assert "already in the list" in str(response.context["form"].errors["street"])
    response = client_a.get(reverse("portal:venue_list"), {"q": "kloosterstraat"})
    assert venue in response.context["results"]


def test_every_portal_page_renders(client_a, world_a):
    VenueFactory(name="Extra")
    for name in (
        "dashboard",
        "provider_edit",
        "provider_preview",
        "colleagues",
        "venue_list",
        "venue_create",
        "activity_create",
        "password_change",
    ):
        assert client_a.get(reverse(f"portal:{name}")).status_code == 200, name
    for name in ("sign_up", "password_reset"):
        assert client_a.get(reverse(f"portal:{name}")).status_code == 200, name
    # Logged in already: the login page sends the user on to the dashboard.
    response = client_a.get(reverse("portal:login"))
    assert (response.status_code, response["Location"]) == (302, reverse("portal:dashboard"))


def test_provider_preview_shows_times_in_constant_queries(client_a, world_a):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import ActivityFactory, SessionFactory, local

    activity = world_a["activity"]
    activity.state = "approved"
    activity.save()
    url = reverse("portal:provider_preview")

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client_a.get(url)
        assert response.status_code == 200
        return len(queries), response.content.decode()

    few, html = count()
    assert '<span class="when">di 19 januari, 19:30–21:00</span>' in html  # as on the public page
    for n in range(6):
        other = ActivityFactory(provider=world_a["provider"], edition=activity.edition)
        SessionFactory(activity=other, starts_at=local(WEDNESDAY, 10 + n))
    many, html = count()
    assert many == few
    assert html.count('class="when"') == 7
