"""Who sees which figures: the dashboard (and its CSV and report) only staff of the redactie
and beheer groups; a provider only its own results and the aggregate of its kind. Every URL of
the impact app is listed here, so a new one cannot slip past."""

import pytest
from django.contrib.auth.models import Group
from django.urls import URLPattern, reverse

from impact import staff_urls, urls
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

STAFF_URLS = {
    "dashboard": {},
    "report": {},
    "table_csv": {"slug": "district"},
}
PROVIDER_URLS = {"provider_results": {}}


def staff_url(name):
    return reverse(f"impact_staff:{name}", kwargs=STAFF_URLS[name]) + "?editie=2027"


def test_every_impact_url_is_covered():
    assert {p.name for p in staff_urls.urlpatterns if isinstance(p, URLPattern)} == set(STAFF_URLS)
    assert {p.name for p in urls.urlpatterns if isinstance(p, URLPattern)} == set(PROVIDER_URLS)


@pytest.fixture
def moderator(known):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="redactie"))
    return user


@pytest.mark.parametrize("name", sorted(STAFF_URLS))
def test_anonymous_visitors_are_sent_to_log_in(client, known, name):
    response = client.get(staff_url(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("name", sorted(STAFF_URLS))
def test_a_provider_gets_no_dashboard(client, known, name):
    client.force_login(known["users"][0])
    response = client.get(staff_url(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("name", sorted(STAFF_URLS))
def test_staff_outside_the_groups_gets_no_dashboard(client, known, name):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(staff_url(name)).status_code == 403


@pytest.mark.parametrize("name", sorted(STAFF_URLS))
def test_the_redactie_sees_the_dashboard(client, moderator, name):
    client.force_login(moderator)
    response = client.get(staff_url(name))
    assert response.status_code == 200
    assert "Swingen" not in response.content.decode()  # figures, never activity titles
    assert "28" in response.content.decode()  # reservations


def test_anonymous_visitors_log_in_for_their_results(client, known):
    response = client.get(reverse("impact:provider_results"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("portal:login"))


def test_staff_without_a_provider_gets_no_results_page(client, moderator):
    client.force_login(moderator)
    assert client.get(reverse("impact:provider_results")).status_code == 403


def test_a_provider_sees_its_own_figures_only(client, known):
    # The music school: 14 participants of its own; the associations had 23, and 37 in all;
    # it is the only music school, so there is nothing to compare it with.
    client.force_login(known["users"][1])
    page = client.get(reverse("impact:provider_results"), {"editie": "2027"}).content.decode()
    assert "Muziekschool Venlo" in page
    assert ">14<" in page
    assert "Harmonie Eendracht" not in page
    assert "Dansclub Swing" not in page
    assert ">23<" not in page  # the associations' participants
    assert ">37<" not in page  # everyone's
    assert "Anderen: " not in page  # no "other music schools" column


def test_a_provider_cannot_ask_for_another_provider(client, known):
    client.force_login(known["users"][1])
    p1 = known["providers"][0]
    page = client.get(
        reverse("impact:provider_results"), {"provider": p1.pk, "aanbieder": p1.slug}
    ).content.decode()
    assert "Harmonie Eendracht" not in page
    assert ">16<" not in page  # the association's own participants


@pytest.mark.parametrize("name", sorted(STAFF_URLS))
def test_the_dashboard_asks_staff_for_their_second_factor(client, moderator, settings, name):
    settings.STAFF_REQUIRE_2FA = True
    client.force_login(moderator)
    response = client.get(staff_url(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("staff_otp_setup"))


def test_the_admin_start_page_offers_the_dashboard_only_to_who_may_open_it(client, moderator):
    link = reverse("impact_staff:dashboard")
    client.force_login(moderator)
    assert f'href="{link}"' in client.get(reverse("admin:index")).content.decode()
    client.force_login(UserFactory(is_staff=True))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert f'href="{link}"' not in response.content.decode()
