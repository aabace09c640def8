"""Every public address answers odd input with a normal page or a 4xx, never a server error."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ODD_QUERIES = [
    "",
    "page=99999",
    "page=-1&page_size=-5",
    "page_size=100000",
    "page=" + "9" * 300,
    "q=" + "x" * 2000,
    "q=%00%01",
    "q=%F0%9F%8E%BB%27%22%3C%3E",
    "q=!!!+%26%26+%7C%7C+%28%29",
    "leeftijd=1e400&dag=2099-13-45&wijk=..%2F..&doelgroep=%25",
    "plek=maybe&rolstoel=&zonder_nederlands=nee",
    "soort=bank&inschrijving=misschien&taal=klingon",
    "nieuw=1&geannuleerd=1&next=https://example.com/",
    "discipline=" + "&discipline=".join(str(n) for n in range(200)),
]


def public_urls(agenda):
    choir, studio = agenda["choir"], agenda["studio"]
    session = choir.sessions.first()
    return [
        reverse("agenda:home"),
        reverse("agenda:activity_list"),
        choir.get_absolute_url(),
        studio.get_absolute_url(),
        choir.provider.get_absolute_url(),
        reverse("agenda:reservation_create", args=[choir.slug, session.pk]),
        reverse("agenda:reservation_create", args=[studio.slug, studio.sessions.first().pk]),
        reverse("agenda:reservation_detail", args=["not-a-real-code"]),
        reverse("agenda:reservation_calendar", args=["not-a-real-code"]),
        reverse("agenda:privacy"),
        reverse("agenda:agenda_feed"),
        reverse("agenda:provider_feed", args=[choir.provider.slug]),
        reverse("agenda:activity_feed", args=[choir.slug]),
        reverse("agenda:session_ics", args=[choir.slug, session.pk]),
        reverse("agenda:session_ics", args=[choir.slug, 999999]),
        reverse("open_data"),
        reverse("sitemap"),
        reverse("robots_txt"),
        reverse("portal:login"),
        reverse("portal:sign_up"),
        "/en/agenda/",
        "/de/activiteit/bestaat-niet/",
    ]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_public_addresses_never_fail_on_odd_input(client, agenda, query):
    failures = []
    for url in public_urls(agenda):
        response = client.get(f"{url}?{query}" if query else url)
        if response.status_code >= 500:
            failures.append(f"GET {url}?{query} → {response.status_code}")
    assert not failures, failures


@pytest.mark.parametrize(
    ("data", "wrong"),
    [
        ({"name": "", "email": "", "party_size": ""}, ["name", "email", "party_size"]),
        (
            {"name": "", "email": "geen-adres", "party_size": "veel"},
            ["name", "email", "party_size"],
        ),
        (
            {
                "name": "A" * 5000,
                "email": "a@example.org",
                "party_size": "-3",
                "postcode": "x" * 99,
            },
            ["name", "party_size", "postcode"],
        ),
        (
            {"name": "Ana", "email": "a@example.org", "party_size": "1", "channel": "999999"},
            ["channel"],
        ),
        (
            {"name": "Ana", "email": "a@example.org", "party_size": "1", "age_bracket": "old"},
            ["age_bracket"],
        ),
    ],
)
def test_reservation_form_answers_odd_posts_with_the_form_and_creates_nothing(
    client, agenda, data, wrong
):
    choir = agenda["choir"]
    session = choir.sessions.first()
    url = reverse("agenda:reservation_create", args=[choir.slug, session.pk])
    before = session.reservations.count()
    response = client.post(url, data)
    assert response.status_code == 400
    # Each wrong field says so next to itself (its message, linked by aria-describedby).
    assert re.findall(r'id="id_(\w+)_error"', response.content.decode()) == wrong
    assert session.reservations.count() == before
