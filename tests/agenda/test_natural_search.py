"""Residents ask the agenda as they would ask a person, in Dutch, English or German, and the
demo edition answers: every word may match the title, description, provider, venue, district,
audience or discipline, in any of the three languages; day words become the day filter."""

import re

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

PREFIXES = ["", "/en", "/de"]


@pytest.fixture
def demo(settings):
    settings.DEBUG = False
    call_command("seed_demo", year=2027, verbosity=0)


def titles(client, url: str, **query) -> list[str]:
    response = client.get(url, query)
    assert response.status_code == 200
    return re.findall(r'class="card-title"[^>]*><a [^>]*>([^<]+)</a>', response.content.decode())


def all_titles(client, prefix: str, **query) -> list[str]:
    found, page = [], 1
    while True:
        batch = titles(client, f"{prefix}/agenda/", page=page, **query)
        found.extend(batch)
        html = client.get(f"{prefix}/agenda/", {"page": page, **query}).content.decode()
        if 'rel="next"' not in html:
            return found
        page += 1


SEARCHES = [
    # what a resident types, and an activity it is meant to find
    ("Musik", "Proefles blaasinstrument voor kinderen"),
    ("children", "Proefles blaasinstrument voor kinderen"),
    ("blerick", "Open repetitie Harmonie St. Caecilia"),
    ("muziek kinderen", "Proefles blaasinstrument voor kinderen"),
    ("kinderen muziek blerick", "Proefles blaasinstrument voor kinderen"),
    # an activity for families is one for children too
    ("kinderen muziek blerick", "Open repetitie Harmonie St. Caecilia"),
]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_each_natural_search_finds_the_activity_it_means(client, demo, prefix):
    for query, title in SEARCHES:
        assert title in all_titles(client, prefix, q=query), (prefix, query)
