"""Site-wide plumbing: health check, security headers, language links and the admin."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_health_check_answers_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_pages_forbid_third_party_content(client, agenda):
    response = client.get("/agenda/")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_language_links_keep_the_page_and_its_filters(client, agenda):
    response = client.get("/agenda/?doelgroep=kinderen&leeftijd=8")
    links = {link["code"]: link["url"] for link in response.context["language_links"]}
    assert links == {
        "nl": "/agenda/?doelgroep=kinderen&leeftijd=8",
        "en": "/en/agenda/?doelgroep=kinderen&leeftijd=8",
        "de": "/de/agenda/?doelgroep=kinderen&leeftijd=8",
    }
    html = response.content.decode()
    assert 'hreflang="de" href="https://week3.example.org/de/agenda/?doelgroep=kinderen' in html


@pytest.mark.parametrize(
    "name",
    [
        "agenda_edition",
        "agenda_activity",
        "agenda_audience",
        "agenda_language",
        "providers_provider",
        "providers_venue",
        "providers_district",
        "providers_discipline",
        "providers_user",
    ],
)
def test_admin_lists_and_forms_render(admin_client, agenda, name):
    assert admin_client.get(reverse(f"admin:{name}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"admin:{name}_changelist") + "?q=venlo").status_code == 200
    assert admin_client.get(reverse(f"admin:{name}_add")).status_code == 200


def test_admin_activity_page_shows_its_sessions(admin_client, agenda):
    choir = agenda["choir"]
    response = admin_client.get(reverse("admin:agenda_activity_change", args=[choir.pk]))
    assert response.status_code == 200
    assert "Huis van de Wijk Blerick" in response.content.decode()
