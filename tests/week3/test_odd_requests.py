"""Requests no form sends, each of which once was a server error: a NUL character, a login
name longer than any account's, an empty post past a rate limit, a posted key that is none."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from agenda.favourites import COOKIE
from agenda.models import FollowUp, Reservation
from outbox.models import OutgoingMail
from providers.form_fields import EMAIL_MAX_LENGTH
from providers.models import User
from tests.factories import UserFactory, reserve
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
    booked = reserve(session, 1)
    response = client.post(
        reverse("portal:session_burst_cancel", kwargs={"pk": session.pk}), {"client": "\x00"}
    )
    assert response.status_code == 400
    assert UNREADABLE in response.content.decode()
    booked.refresh_from_db()
    assert booked.is_active


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


@pytest.mark.parametrize(
    "changelist", ["admin:agenda_activity_changelist", "admin:axes_accessattempt_changelist"]
)
def test_an_admin_action_for_a_key_that_cannot_be_is_a_400_page(
    client, superuser, agenda, changelist
):
    """The list's checkboxes post numbers; "abc" reached the database as given."""
    client.force_login(superuser)
    activity = agenda["choir"]
    data = {"action": "delete_selected", "_selected_action": [str(activity.pk), "abc"]}
    response = client.post(reverse(changelist), data)
    assert response.status_code == 400
    assert "met een sleutel die geen enkel item kan hebben" in response.content.decode()
    # A real key still leads to the action's own page (here: what keeps it from deletion).
    data["_selected_action"] = [str(activity.pk)]
    confirm = client.post(reverse("admin:agenda_activity_changelist"), data)
    assert confirm.status_code == 200
    assert "kan niet worden verwijderd" in confirm.content.decode()


LONG_EMAIL = "a" * 288 + "@example.org"  # 300 characters: Django's form field takes 320


@pytest.mark.parametrize(
    "form", ["my_week3", "verify_resend", "reservation", "sign_up", "colleagues"]
)
def test_an_address_longer_than_the_database_keeps_is_a_form_error(client, agenda, world_a, form):
    """254 characters is what the columns hold; 255–320 passed the form and failed there."""
    session = agenda["choir"].sessions.first()
    data = {"email": LONG_EMAIL}
    if form == "reservation":
        url, data = form_url(session, "nl"), {**data, "name": "Ana", "party_size": "1"}
    elif form == "sign_up":
        url = reverse("portal:sign_up")
        data |= {"organisation": "Harmonie", "kind": "association", "first_name": "Ana"}
        data |= {"password": "een-lang-genoeg-wachtwoord", "privacy": "on"}
    elif form == "colleagues":
        client.force_login(world_a["user"])
        url = reverse("portal:colleagues")
    else:
        url = reverse("agenda:my_week3_request" if form == "my_week3" else f"portal:{form}")
    users, reservations = User.objects.count(), Reservation.objects.count()
    response = client.post(url, data)
    assert response.status_code in (200, 400)
    assert "email" in response.context["form"].errors
    assert "niet meer dan 254 tekens" in response.content.decode()
    assert (User.objects.count(), Reservation.objects.count()) == (users, reservations)


def test_the_email_fields_hold_what_the_columns_do():
    for model in (User, Reservation, OutgoingMail):
        name = "to" if model is OutgoingMail else "email"
        assert model._meta.get_field(name).max_length == EMAIL_MAX_LENGTH


def test_the_admin_offers_no_view_on_site_for_a_follow_up(client, superuser, agenda):
    """Its page is the resident's personal link, and an answered one has no token left."""
    session = agenda["choir"].sessions.first()
    now = timezone.now()
    followup = FollowUp.objects.create(session=session, token="", sent_at=now, expires_at=now)
    client.force_login(superuser)
    content_type = ContentType.objects.get_for_model(FollowUp)
    assert client.get(f"/beheer/r/{content_type.pk}/{followup.pk}/").status_code == 404


def test_the_admin_leads_no_staff_member_to_a_residents_reservation_page(client, superuser, agenda):
    """The page needs only its token: the admin's "view on site" redirect, which asks for no
    right to see reservations, led any staff member to it, and an anonymised reservation (no
    token left) was a server error there."""
    reservation = reserve(agenda["choir"].sessions.first(), 1)
    editor = UserFactory(email="redactie@example.org", is_staff=True)
    editor.groups.add(Group.objects.get(name="redactie"))
    view_on_site = f"/beheer/r/{ContentType.objects.get_for_model(Reservation).pk}/"
    client.force_login(editor)
    response = client.get(f"{view_on_site}{reservation.pk}/")
    assert response.status_code == 404
    assert reservation.token not in response.get("Location", "")
    Reservation.objects.filter(pk=reservation.pk).update(token="", name="", email="")
    client.force_login(superuser)
    assert client.get(f"{view_on_site}{reservation.pk}/").status_code == 404
    # The resident's own page is where it was.
    assert reservation.personal_path() == f"/reservering/{reservation.token}/"
