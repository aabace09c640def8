"""Requests no form sends, each of which once was a server error: a NUL character, a login
name longer than any account's, an empty post past a rate limit, a posted key that is none."""

import pytest
from axes.models import AccessAttempt
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from agenda.favourites import COOKIE
from tests.factories import UserFactory
from tests.helpers import form_url

pytestmark = pytest.mark.django_db

UNREADABLE = "Dit adres of formulier kunnen we niet lezen"


@pytest.fixture
def superuser(reference_data):
    return UserFactory(email="root@example.org", is_staff=True, is_superuser=True)


def test_a_nul_in_a_query_string_is_a_400_page_in_the_visitors_language(client, agenda):
    for url in ["/agenda/?q=%00", "/agenda.ics?wijk=%00", "/?x=a%00b", "/agenda/?q=raw\x00"]:
        response = client.get(url)
        assert response.status_code == 400, url
        assert UNREADABLE in response.content.decode(), url
    english = client.get("/en/agenda/?q=%00")
    assert english.status_code == 400
    assert "We cannot read this address or form" in english.content.decode()


def test_a_nul_in_the_portal_venue_search_is_a_400_page(client_a):
    response = client_a.get(reverse("portal:venue_list"), {"q": "a\x00b"})
    assert response.status_code == 400
    assert UNREADABLE in response.content.decode()
    assert client_a.get(reverse("portal:venue_list"), {"q": "ab"}).status_code == 200


def test_a_nul_in_an_admin_list_filter_is_a_400_page(client, superuser):
    client.force_login(superuser)
    url = reverse("admin:providers_user_changelist")
    assert client.get(url, {"email": "\x00"}).status_code == 400
    assert client.get(url, {"email": "root@example.org"}).status_code == 200


def test_a_nul_in_a_form_post_is_a_400_page_and_changes_nothing(client, agenda, world_a):
    response = client.post("/favorieten/bewaar/", {"activity": "a\x00b"})
    assert response.status_code == 400
    assert COOKIE not in response.cookies
    client.force_login(world_a["user"])
    session = world_a["session"]
    response = client.post(
        reverse("portal:session_burst_cancel", kwargs={"pk": session.pk}), {"client": "\x00"}
    )
    assert response.status_code == 400
    assert UNREADABLE in response.content.decode()


def test_a_file_may_hold_any_byte(client, agenda):
    """Only form fields are looked at, not files: a photo holds many NUL bytes."""
    session = agenda["choir"].sessions.first()
    photo = SimpleUploadedFile("foto.jpg", b"\xff\xd8\x00\x00\x00", content_type="image/jpeg")
    data = {"name": "Ana", "email": "ana@example.org", "party_size": "1", "foto": photo}
    before = session.reservations.count()
    assert client.post(form_url(session, "nl"), data).status_code == 302
    assert session.reservations.count() == before + 1


@pytest.mark.parametrize("url", ["/portaal/inloggen/", "/beheer/login/"])
def test_a_login_name_longer_than_any_account_is_a_wrong_login(client, reference_data, url):
    name = "a" * 300 + "@example.org"
    response = client.post(url, {"username": name, "password": "geraden"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    # django-axes counts the attempt under the name cut to its column.
    assert AccessAttempt.objects.get().username == name[:255]


def test_an_empty_post_past_the_my_week3_limit_says_wait(client, agenda, settings):
    settings.MY_WEEK3_RATE_LIMIT = "1/h"
    client.post("/mijn-week3/", {})
    response = client.post("/mijn-week3/", {})
    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.content.decode()


def test_an_empty_post_past_the_reservation_limit_says_wait(client, agenda, settings):
    settings.RESERVATION_RATE_LIMIT = "1/m"
    session = agenda["choir"].sessions.first()
    before = session.reservations.count()
    client.post(form_url(session, "nl"), {})
    response = client.post(form_url(session, "nl"), {})
    assert response.status_code == 429
    assert "Er is nog niets gereserveerd" in response.content.decode()
    assert session.reservations.count() == before


def test_an_admin_autocomplete_given_no_key_shows_the_form_with_its_error(client, superuser):
    client.force_login(superuser)
    response = client.post(
        reverse("admin:providers_user_add"),
        {"email": "nieuw@example.org", "provider": "abc", "usable_password": "false"},
    )
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert 'value="nieuw@example.org"' in response.content.decode()
