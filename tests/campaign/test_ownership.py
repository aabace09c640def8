"""Every campaign screen in the portal answers 404 to another provider's users, GET and POST,
and shows a provider only its own links and figures."""

import pytest
from django.urls import URLPattern, reverse

from campaign import portal_urls
from campaign.models import TrackedLink
from campaign.services.links import tracked_link_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def objects_a(world_a):
    link = tracked_link_create(
        edition=world_a["activity"].edition,
        channel=TrackedLink.Channel.POSTER,
        provider=world_a["provider"],
        activity=world_a["activity"],
        label="Poster bij de bibliotheek",
    )
    return {**world_a, "link": link}


# Screens that name no object: they act on the user's own provider. A new URL must either
# take an object `pk` (and is then tested below) or be listed here.
WITHOUT_OBJECT: set[str] = {
    *("embed", "link_list", "link_create", "reach"),
    *("kit", "kit_poster", "kit_flyer", "kit_qr", "kit_image"),
}
# Which of provider A's objects each URL names.
OBJECT_OF: dict[str, str] = {
    "link_edit": "link",
    "link_delete": "link",
    "kit_activity": "activity",
    "kit_activity_poster": "activity",
    "kit_activity_flyer": "activity",
    "kit_activity_qr": "activity",
    "kit_activity_image": "activity",
}
# Actions that only answer POST (a GET is a 404 even for the owner).
POST_ONLY: set[str] = set()
OWNER_STATUS = {name: 302 if name in POST_ONLY else 200 for name in OBJECT_OF}
PATTERNS = [p for p in portal_urls.urlpatterns if isinstance(p, URLPattern)]


def test_every_campaign_portal_url_is_classified():
    names = {pattern.name for pattern in PATTERNS}
    with_pk = {p.name for p in PATTERNS if "pk" in p.pattern.converters}
    assert with_pk == set(OBJECT_OF), "a campaign portal URL with a pk is missing from OBJECT_OF"
    assert names - with_pk == WITHOUT_OBJECT, "classify the new campaign portal URL in this test"


@pytest.mark.parametrize("name", sorted(OBJECT_OF))
@pytest.mark.parametrize("method", ["get", "post"])
def test_other_providers_objects_are_not_found(client, objects_a, world_b, name, method):
    client.force_login(world_b["user"])
    url = reverse(f"campaign_portal:{name}", kwargs={"pk": objects_a[OBJECT_OF[name]].pk})
    response = getattr(client, method)(url, {"label": "overgenomen", "channel": "flyer"})
    assert response.status_code == 404
    objects_a["link"].refresh_from_db()
    assert objects_a["link"].label == "Poster bij de bibliotheek"


@pytest.mark.parametrize("name", sorted(OBJECT_OF))
def test_own_objects_are_found(client, objects_a, name):
    client.force_login(objects_a["user"])
    url = reverse(f"campaign_portal:{name}", kwargs={"pk": objects_a[OBJECT_OF[name]].pk})
    response = client.post(url) if name in POST_ONLY else client.get(url)
    assert response.status_code == OWNER_STATUS[name]


@pytest.mark.parametrize("name", sorted(WITHOUT_OBJECT))
def test_screens_without_object_need_a_provider_login(client, admin_client, name):
    url = reverse(f"campaign_portal:{name}")
    assert client.get(url).status_code == 302  # to the login page
    assert admin_client.get(url).status_code == 403  # staff without a provider
