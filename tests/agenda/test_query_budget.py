"""The public pages cost the same number of SQL queries at 10 and at 300 activities."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agenda.models import Session
from tests.helpers import grow_agenda

pytestmark = pytest.mark.django_db

# The agenda: 12, and one query for the counts of every filter's options (agenda.facets).
AGENDA_BUDGET = 13
DETAIL_BUDGET = 10


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


PAGES = [
    "/",
    "/agenda/",
    "/agenda/?doelgroep=kinderen&leeftijd=8&plek=on",
    "/agenda/?q=activiteit&wijk=venlo-centrum&rolstoel=on&page=2",
    "/de/agenda/?dag=2027-01-20&discipline=muziek&discipline=dans",
]


@pytest.mark.parametrize("url", PAGES)
def test_listing_queries_do_not_grow_with_the_data(client, url):
    grow_agenda(10)
    small = count_queries(client, url)
    grow_agenda(290)
    large = count_queries(client, url)
    assert small == large
    assert large <= AGENDA_BUDGET


def test_activity_and_provider_pages_queries_do_not_grow(client):
    first = grow_agenda(10)
    small = count_queries(client, first.get_absolute_url())
    small_provider = count_queries(client, first.provider.get_absolute_url())
    grow_agenda(290)
    Session.objects.bulk_create(
        Session(activity=first, venue=s.venue, starts_at=s.starts_at, ends_at=s.ends_at)
        for s in Session.objects.all()[:40]
    )
    assert count_queries(client, first.get_absolute_url()) == small <= DETAIL_BUDGET
    assert count_queries(client, first.provider.get_absolute_url()) == small_provider
    assert small_provider <= DETAIL_BUDGET


# An empty result counts each suggestion: one per chosen filter, and the neighbours.
EMPTY_BUDGET = AGENDA_BUDGET + 5


def test_suggestions_on_an_empty_page_cost_the_same_at_any_size(client):
    url = "/agenda/?q=nergens&wijk=blerick&doelgroep=kinderen"
    grow_agenda(10)
    small = count_queries(client, url)
    grow_agenda(290)
    large = count_queries(client, url)
    assert small == large <= EMPTY_BUDGET
