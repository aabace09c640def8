"""Any postcode reserves: Dutch ones give the district, others count by country (issue 14)."""

import pytest
from django.urls import reverse

from agenda.models import Reservation
from agenda.postcodes import read_postcode
from providers.models import District
from tests.factories import UserFactory
from tests.helpers import form_data, form_url

pytestmark = pytest.mark.django_db


def reserve_with(client, session, postcode, n=1, prefix="/de"):
    response = client.post(form_url(session, prefix), form_data(n, postcode=postcode))
    assert response.status_code == 302, response.content.decode()
    return Reservation.objects.get(email=f"bewoner{n}@example.org")


def test_a_german_postcode_reserves_and_counts_as_germany(client, session):
    page = client.get(form_url(session, "/de")).content.decode()
    assert "41334" in page  # the help text says German postcodes are fine
    reservation = reserve_with(client, session, "41334")
    assert reservation.state == Reservation.State.CONFIRMED
    assert reservation.country == Reservation.Country.DE
    assert reservation.district is None
    assert reserve_with(client, session, "D-41334", n=2).country == "DE"


def test_a_belgian_postcode_counts_as_belgium(client, session):
    assert reserve_with(client, session, "B-3000").country == Reservation.Country.BE
    assert reserve_with(client, session, "3000", n=2).country == Reservation.Country.BE


def test_a_dutch_postcode_gets_its_district(client, session):
    reservation = reserve_with(client, session, "5921 ab", prefix="")
    assert reservation.country == Reservation.Country.NL
    assert reservation.district == District.objects.get(slug="blerick")
    # A bare four-digit code inside Venlo is Dutch, not Belgian.
    bare = reserve_with(client, session, "5921", n=2, prefix="")
    assert (bare.country, bare.district) == ("NL", District.objects.get(slug="blerick"))


def test_anything_else_counts_as_elsewhere_and_is_not_kept(client, session):
    reservation = reserve_with(client, session, "SW1A 1AA", prefix="/en")
    assert (reservation.country, reservation.postcode) == ("other", "")


@pytest.mark.parametrize(
    ("text", "country", "code"),
    [
        ("", "", ""),
        ("5912 AB", "NL", "5912AB"),
        ("NL-5912AB", "NL", "5912AB"),
        ("1011AB", "NL", "1011AB"),
        ("41334", "DE", "41334"),
        ("de-41334", "DE", "41334"),
        ("B 3000", "BE", "3000"),
        ("12", "other", ""),
    ],
)
def test_the_country_rule(reference_data, text, country, code):
    reading = read_postcode(text)
    assert (reading.country, reading.code) == (country, code)


def test_staff_count_reservations_by_country(client, session):
    reserve_with(client, session, "41334")
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    page = client.get(reverse("admin:agenda_reservation_changelist") + "?country__exact=DE")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Bewoner 1" in html
    assert "Germany" in html or "Deutschland" in html or "Duitsland" in html
