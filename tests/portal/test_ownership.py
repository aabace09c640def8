"""Every portal URL that names an object answers 404 to another provider's users, GET and POST."""

import pytest
from django.urls import URLPattern, reverse

from portal import urls as portal_urls
from tests.factories import ReservationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def objects_a(world_a):
    """Provider A's objects, with a confirmed reservation for its session."""
    reservation = ReservationFactory(
        session=world_a["session"], name="Anna", email="anna@example.org", party_size=2
    )
    return {**world_a, "reservation": reservation}


# Portal pages that name no object: they act on the user's own provider (or on a signed
# token). A new URL must either take an object `pk` (and is then tested below) or be listed.
WITHOUT_OBJECT = {
    "dashboard",
    "sign_up",
    "verify",
    "verify_resend",
    "accept_invitation",
    "login",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "password_change",
    "password_change_done",
    "provider_edit",
    "provider_preview",
    "colleagues",
    "venue_list",
    "venue_create",
    "activity_create",
    "outcome_list",
}
# Which of provider A's objects each URL names.
OBJECT_OF = {
    "venue_edit": "venue",
    "activity_edit": "activity",
    "activity_preview": "activity",
    "activity_submit": "activity",
    "activity_withdraw": "activity",
    "activity_copy": "activity",
    "activity_outcome": "activity",
    "session_cancel": "session",
    "session_reservations": "session",
    "session_walk_ins": "session",
    "session_burst_cancel": "session",
    "reservation_attendance": "reservation",
}
# Actions that only answer POST (a GET is a 404 even for the owner).
# activity_withdraw answers GET and POST: a confirmation page, which only its own button
# (`confirm=1`) gets past; both are fetched through editable_by.
POST_ONLY = {
    "activity_submit",
    "activity_copy",
    "session_cancel",
    "session_walk_ins",
    "session_burst_cancel",
    "reservation_attendance",
}
# What the owner gets: the page, or sent on after the action. The walk-ins form, posted empty,
# comes back with its error.
OWNER_STATUS = {name: 302 if name in POST_ONLY else 200 for name in OBJECT_OF} | {
    "session_walk_ins": 200
}
PATTERNS = [p for p in portal_urls.urlpatterns if isinstance(p, URLPattern)]


def test_every_portal_url_is_classified():
    names = {pattern.name for pattern in PATTERNS}
    with_pk = {p.name for p in PATTERNS if "pk" in p.pattern.converters}
    assert with_pk == set(OBJECT_OF), "a portal URL with a pk is missing from OBJECT_OF"
    assert names - with_pk == WITHOUT_OBJECT, "classify the new portal URL in this test"


@pytest.mark.parametrize("name", sorted(OBJECT_OF))
@pytest.mark.parametrize("method", ["get", "post"])
def test_other_providers_objects_are_not_found(client, objects_a, world_b, name, method):
    client.force_login(world_b["user"])
    target = objects_a[OBJECT_OF[name]]
    url = reverse(f"portal:{name}", kwargs={"pk": target.pk})
    data = {"title": "overgenomen", "walk_ins": "7", "attended": "1"}
    response = getattr(client, method)(url, data)
    assert response.status_code == 404
    assert "Anna" not in response.content.decode()
    objects_a["activity"].refresh_from_db()
    objects_a["session"].refresh_from_db()
    objects_a["reservation"].refresh_from_db()
    assert objects_a["activity"].state == "draft"
    assert objects_a["activity"].title == "Activiteit Aanbieder A"
    assert not objects_a["session"].is_cancelled
    assert objects_a["session"].walk_ins == 0
    assert objects_a["reservation"].state == "confirmed"


@pytest.mark.parametrize("name", sorted(OBJECT_OF))
def test_own_objects_are_found(client, objects_a, name):
    client.force_login(objects_a["user"])
    url = reverse(f"portal:{name}", kwargs={"pk": objects_a[OBJECT_OF[name]].pk})
    response = client.post(url) if name in POST_ONLY else client.get(url)
    assert response.status_code == OWNER_STATUS[name]


def test_staff_without_provider_cannot_use_the_portal(admin_client):
    assert admin_client.get(reverse("portal:dashboard")).status_code == 403
