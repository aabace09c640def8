"""Residents ask the agenda as they would ask a person, in Dutch, English or German, and the
demo edition answers: every word may match the title, description, provider, venue, district,
audience or discipline, in any of the three languages; day words become the day filter."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.http import QueryDict

from agenda.filters import AgendaFilter
from agenda.models import Activity, Edition, Session

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


SATURDAY = datetime.date(2027, 1, 23)


@pytest.mark.parametrize(
    ("prefix", "query"),
    [("", "zaterdag muziek"), ("/en", "Saturday music"), ("/de", "Samstag Musik")],
)
def test_a_day_word_in_the_demo_search_keeps_to_that_day(client, demo, prefix, query):
    html = client.get(f"{prefix}/agenda/", {"q": query}).content.decode()
    assert f'value="{SATURDAY.isoformat()}" id="id_dag_5" checked' in html
    found = all_titles(client, prefix, q=query)
    assert found
    on_saturday = set(
        Session.objects.filter(starts_at__date=SATURDAY, is_cancelled=False).values_list(
            "activity__title", flat=True
        )
    )
    assert set(found) <= on_saturday


def shown(edition, query: str) -> set[str]:
    public = Activity.objects.public().in_edition(edition)
    filterset = AgendaFilter(QueryDict(query), queryset=public, edition=edition)
    return set(filterset.qs.values_list("title", flat=True))


def test_audiences_and_ages_agree_over_the_demo_data(demo):
    edition = Edition.objects.current()
    public = Activity.objects.public().in_edition(edition)
    families = set(public.filter(audiences__slug="gezinnen").values_list("title", flat=True))
    assert families
    everything = shown(edition, "")
    # An activity for families also counts for children and for their parents.
    assert families & everything <= shown(edition, "doelgroep=kinderen")
    assert families & everything <= shown(edition, "doelgroep=volwassenen")
    # The age box and "Kinderen" agree: every activity for families an 8-year-old may join
    # is there when both are chosen, such as the open rehearsal in Blerick.
    for_eight = shown(edition, "leeftijd=8")
    assert families & for_eight <= shown(edition, "doelgroep=kinderen&leeftijd=8")
    assert "Open repetitie Harmonie St. Caecilia" in shown(
        edition, "doelgroep=kinderen&leeftijd=8&wijk=blerick&discipline=muziek"
    )


@pytest.mark.parametrize("prefix", PREFIXES)
def test_an_empty_demo_search_suggests_a_relaxation_that_finds_it(client, demo, prefix):
    # The wind instruments lesson is in Blerick, not next door in Hout-Blerick.
    query = {"q": "blaasinstrument", "wijk": "hout-blerick", "doelgroep": "kinderen"}
    html = client.get(f"{prefix}/agenda/", query).content.decode()
    assert titles(client, f"{prefix}/agenda/", **query) == []
    suggestions = re.findall(r'<li><a href="\?([^"]+)">([^<]+): (\d+)</a></li>', html)
    assert suggestions
    found = []
    for address, _label, count in suggestions:
        cards = titles(client, f"{prefix}/agenda/?{address.replace('&amp;', '&')}")
        assert len(cards) == int(count) >= 1  # each gives what it says
        found.extend(cards)
    assert "Proefles blaasinstrument voor kinderen" in found
