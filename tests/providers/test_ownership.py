"""Every portal URL that names an object answers 404 to another provider's users, GET and POST."""

import pytest
from django.urls import URLPattern, reverse

from providers import urls as portal_urls

pytestmark = pytest.mark.django_db

# Portal pages that name no object: they act on the user's own provider (or on a signed
# token). A new URL must either take an object `pk` (and is then tested below) or be listed.
WITHOUT_OBJECT = {
    "dashboard",
    "sign_up",
    "verify",
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
}
# Which of provider A's objects each URL names.
OBJECT_OF = {
    "venue_edit": "venue",
    "activity_edit": "activity",
    "activity_preview": "activity",
    "activity_submit": "activity",
    "activity_withdraw": "activity",
    "activity_copy": "activity",
    "session_cancel": "session",
}
PATTERNS = [p for p in portal_urls.urlpatterns if isinstance(p, URLPattern)]


def test_every_portal_url_is_classified():
    names = {pattern.name for pattern in PATTERNS}
    with_pk = {p.name for p in PATTERNS if "pk" in p.pattern.converters}
    assert with_pk == set(OBJECT_OF), "a portal URL with a pk is missing from OBJECT_OF"
    assert names - with_pk == WITHOUT_OBJECT, "classify the new portal URL in this test"


@pytest.mark.parametrize("name", sorted(OBJECT_OF))
@pytest.mark.parametrize("method", ["get", "post"])
def test_other_providers_objects_are_not_found(client, world_a, world_b, name, method):
    client.force_login(world_b["user"])
    target = world_a[OBJECT_OF[name]]
    url = reverse(f"portal:{name}", kwargs={"pk": target.pk})
    response = getattr(client, method)(url, {"title": "overgenomen"})
    assert response.status_code == 404
    world_a["activity"].refresh_from_db()
    world_a["session"].refresh_from_db()
    assert world_a["activity"].state == "draft"
    assert world_a["activity"].title == "Activiteit Aanbieder A"
    assert not world_a["session"].is_cancelled


@pytest.mark.parametrize("name", sorted(OBJECT_OF))
def test_own_objects_are_found(client, world_a, name):
    client.force_login(world_a["user"])
    url = reverse(f"portal:{name}", kwargs={"pk": world_a[OBJECT_OF[name]].pk})
    response = (
        client.post(url)
        if name in {"activity_submit", "activity_withdraw", "activity_copy", "session_cancel"}
        else client.get(url)
    )
    assert response.status_code in (200, 302)


def test_staff_without_provider_cannot_use_the_portal(admin_client):
    assert admin_client.get(reverse("portal:dashboard")).status_code == 403
