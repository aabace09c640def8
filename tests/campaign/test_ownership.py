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


# What the screens without an object show provider B: nothing of provider A's.

# Plausible query strings for each screen (its own options), besides the bare address.
QUERIES: dict[str, list[str]] = {
    "embed": ["", "taal=en&agenda=%2Fagenda%2F%3Fdoelgroep%3Dsenioren"],
    "kit_qr": [f"kanaal={c}&formaat={f}" for c in ("poster", "social") for f in ("svg", "png")],
    "kit_image": ["formaat=1200x630&taal=en", "formaat=1080x1080&download=1"],
}


@pytest.fixture
def traces_a(objects_a, settings, tmp_path):
    """Provider A's link, its kit link (for the activity) and visits through both, with its
    activity approved and on the agenda."""
    from agenda.models import Activity
    from campaign.services.links import tracked_link_for_kit
    from tests.factories import SessionFactory
    from tests.helpers import link_visits

    settings.MEDIA_ROOT = tmp_path
    activity = objects_a["activity"]
    Activity.objects.filter(pk=activity.pk).update(state=Activity.State.APPROVED)
    SessionFactory(activity=activity, venue=objects_a["venue"])
    kit_link = tracked_link_for_kit(
        provider=objects_a["provider"], channel=TrackedLink.Channel.SOCIAL, activity=activity
    )
    link_visits(objects_a["link"], 12, 7)
    link_visits(kit_link, 9)
    return [objects_a["link"].code, kit_link.code, objects_a["link"].label, activity.title]


@pytest.mark.parametrize("name", sorted(WITHOUT_OBJECT))
def test_screens_without_object_show_nothing_of_another_provider(client, traces_a, world_b, name):
    client.force_login(world_b["user"])
    url = reverse(f"campaign_portal:{name}")
    for query in QUERIES.get(name, [""]):
        response = client.get(f"{url}?{query}" if query else url)
        assert response.status_code == 200, (name, query)
        content = b"".join(response) if response.streaming else response.content
        text = content.decode("utf-8", errors="ignore")
        for trace in traces_a:
            assert trace not in text, (name, query, trace)


def test_the_owner_does_see_those_traces(client, traces_a, objects_a):
    """The check above looks for what is really there: A sees its own code, label, title."""
    client.force_login(objects_a["user"])
    links = client.get(reverse("campaign_portal:link_list")).content.decode()
    assert traces_a[0] in links and traces_a[2] in links and traces_a[3] in links
    kit = client.get(reverse("campaign_portal:kit_activity", args=[objects_a["activity"].pk]))
    assert traces_a[1] in kit.content.decode()
