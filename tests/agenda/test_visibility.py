"""Drafts, rejected work, unapproved providers and other editions never reach the public."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "hidden_key", ["draft", "submitted", "rejected", "other_edition", "pending_provider"]
)
def test_hidden_activity_is_nowhere_public(client, agenda, hidden_key):
    activity = agenda["hidden"][hidden_key]
    assert client.get(activity.get_absolute_url()).status_code == 404
    for query in ["", "q=Verborgen", f"q={activity.title}", "plek=on", "leeftijd=30"]:
        response = client.get(f"/agenda/?{query}")
        assert activity not in response.context["page"].object_list
        assert activity.get_absolute_url() not in response.content.decode()
    assert "0 gratis activiteiten" in client.get("/agenda/?q=Verborgen").content.decode()


def test_pending_provider_page_is_not_public(client, agenda):
    provider = agenda["hidden"]["pending_provider"].provider
    assert client.get(provider.get_absolute_url()).status_code == 404


def test_provider_page_lists_only_its_public_activities(client, agenda):
    provider = agenda["choir"].provider
    response = client.get(provider.get_absolute_url())
    assert response.status_code == 200
    assert [a.title for a in response.context["activities"]] == ["Kinderkoor De Merel zingt"]


def test_nothing_public_without_a_published_edition(client, agenda):
    agenda["edition"].__class__.objects.update(is_published=False)
    assert client.get("/agenda/").status_code == 404
    assert client.get(agenda["choir"].get_absolute_url()).status_code == 404
    home = client.get("/")
    assert home.status_code == 200
    assert "Kinderkoor" not in home.content.decode()


def test_home_counts_only_public_activities(client, agenda):
    response = client.get("/")
    assert response.context["activity_count"] == 3
    assert response.context["provider_count"] == 3
