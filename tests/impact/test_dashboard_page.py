"""The dashboard page: choosing an edition, the comparison, the printable report."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import EDITION_START, UserFactory, local

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, known):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="redactie"))
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "value", ["", "abc", "1999", "20277", "-1", "2027%00", "９９９９", "²０²７"]
)
def test_a_bad_edition_shows_the_latest_that_has_begun(staff_client, value):
    # The clock is after Week 3 2027 (the fixture's): its figures are in.
    response = staff_client.get(reverse("impact_staff:dashboard"), {"editie": value})
    assert response.status_code == 200
    assert response.context["edition"].year == 2027
    assert "Vergeleken met Week 3 2026." in response.content.decode()


def test_before_the_week_the_dashboard_opens_on_last_years_figures(staff_client, clock):
    clock.move_to(local(EDITION_START - datetime.timedelta(days=7), 10))
    response = staff_client.get(reverse("impact_staff:dashboard"))
    assert response.context["edition"].year == 2026
    response = staff_client.get(reverse("impact_staff:dashboard"), {"editie": "2027"})
    assert response.context["edition"].year == 2027


def test_the_previous_edition_can_be_chosen_and_has_nothing_before_it(staff_client):
    page = staff_client.get(reverse("impact_staff:dashboard"), {"editie": "2026"})
    html = page.content.decode()
    assert page.context["edition"].year == 2026
    assert "Er is geen eerdere editie om mee te vergelijken." in html


def test_an_edition_not_over_yet_says_so(staff_client, clock):
    clock.move_to(local(EDITION_START + datetime.timedelta(days=2), 12))
    html = staff_client.get(reverse("impact_staff:dashboard")).content.decode()
    assert "Week 3 2027 is nog niet voorbij." in html
    clock.move_to(local(EDITION_START + datetime.timedelta(days=8), 12))
    html = staff_client.get(reverse("impact_staff:dashboard")).content.decode()
    assert "nog niet voorbij" not in html


def test_the_report_prints_without_the_site_around_it(staff_client):
    html = staff_client.get(reverse("impact_staff:report"), {"editie": "2027"}).content.decode()
    assert 'class="page-impact page-impact-report"' in html
    assert "Kerncijfers" in html
    assert "Download" not in html  # no CSV links on paper


def test_every_table_has_its_csv_and_an_unknown_one_is_not_found(staff_client):
    page = staff_client.get(reverse("impact_staff:dashboard"), {"editie": "2027"})
    slugs = ["headline", *(section["table"].slug for section in page.context["sections"])]
    html = page.content.decode()
    for slug in slugs:
        url = reverse("impact_staff:table_csv", args=[slug])
        assert f"{url}?editie=2027" in html
        response = staff_client.get(url, {"editie": "2027"})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
    missing = staff_client.get(reverse("impact_staff:table_csv", args=["nope"]))
    assert missing.status_code == 404
