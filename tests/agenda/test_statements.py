"""The statements a Dutch public site publishes: linked from every page type, edited by staff
in the admin in three languages, shown at once; security.txt per RFC 9116."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from agenda.models import Reservation, Statement
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

STATEMENTS = ["/privacy/", "/toegankelijkheid/", "/colofon/"]


def page_types(agenda) -> list[str]:
    choir = agenda["choir"]
    session = choir.sessions.get()
    token = Reservation.objects.exclude(token="").first().token
    return [
        "/",
        "/agenda/",
        f"/activiteit/{choir.slug}/",
        f"/aanbieder/{choir.provider.slug}/",
        reverse("agenda:reservation_create", kwargs={"slug": choir.slug, "session_pk": session.pk}),
        f"/reservering/{token}/",
        *STATEMENTS,
        "/portaal/inloggen/",
        "/portaal/aanmelden/",
        "/bestaat-niet/",
    ]


def test_every_page_type_links_to_the_three_statements(client, agenda):
    for path in page_types(agenda):
        html = client.get(path).content.decode()
        for statement in STATEMENTS:
            assert f'href="{statement}"' in html, (path, statement)
    html = client.get("/en/agenda/").content.decode()
    for statement in STATEMENTS:
        assert f'href="/en{statement}"' in html


def test_the_portal_links_to_the_three_statements(client_a):
    html = client_a.get("/portaal/").content.decode()
    for statement in STATEMENTS:
        assert f'href="{statement}"' in html


@pytest.mark.parametrize(
    ("kind", "path"),
    [("accessibility", "/toegankelijkheid/"), ("colophon", "/colofon/"), ("privacy", "/privacy/")],
)
def test_staff_edit_a_statement_and_each_language_shows_it(client, reference_data, kind, path):
    for prefix in ("", "/en", "/de"):
        assert client.get(f"{prefix}{path}").status_code == 200  # cached as it was
    statement = Statement.objects.get(kind=kind)
    # A moderator (the redactie group), no superuser.
    staff = UserFactory(is_staff=True)
    staff.groups.add(Group.objects.get(name="redactie"))
    client.force_login(staff)
    response = client.post(
        reverse("admin:agenda_statement_change", args=[statement.pk]),
        {
            "body": "Nieuwe tekst van de redactie.\n\nTweede alinea.",
            "body_en": "New text from the editors.",
            "body_de": "Neuer Text der Redaktion.",
        },
    )
    assert response.status_code == 302
    client.logout()
    expected = {
        "": "<p>Nieuwe tekst van de redactie.</p>\n\n<p>Tweede alinea.</p>",
        "/en": "New text from the editors.",
        "/de": "Neuer Text der Redaktion.",
    }
    for prefix, text in expected.items():
        assert text in client.get(f"{prefix}{path}").content.decode()


def test_the_privacy_statement_keeps_its_terms_under_the_staff_text(client, reference_data):
    Statement.objects.filter(kind="privacy").update(
        body_en="We care about your details.", updated_at=timezone.now()
    )
    html = client.get("/en/privacy/").content.decode()
    assert "We care about your details." in html
    assert "You can look at the agenda without giving us anything" not in html
    assert "30 days after your session" in html
    assert "We delete each backup after 14 days" in html


def test_the_accessibility_statement_names_its_evidence(client, reference_data):
    html = client.get("/en/toegankelijkheid/").content.decode()
    assert "WCAG 2.1" in html
    assert "check it with axe" in html


def test_security_txt_parses_and_has_not_expired(client, settings):
    settings.SECURITY_CONTACT = "security@venlo.example"
    settings.SITE_URL = "https://week3.example.org"
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    fields = {}
    for line in response.content.decode().splitlines():
        name, value = re.fullmatch(r"([A-Za-z-]+): (\S.*)", line).groups()
        fields.setdefault(name, []).append(value)
    assert fields["Contact"] == ["mailto:security@venlo.example"]
    assert fields["Preferred-Languages"] == ["nl, en, de"]
    assert fields["Canonical"] == ["https://week3.example.org/.well-known/security.txt"]
    (expires,) = fields["Expires"]
    moment = datetime.datetime.fromisoformat(expires.replace("Z", "+00:00"))
    assert timezone.now() < moment <= timezone.now() + datetime.timedelta(days=366)
