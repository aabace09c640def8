"""The count beside each filter option is what choosing it gives, and the counts are worked out
in a way the database cannot plan into a query per row, whatever its statistics say."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from agenda import facets
from agenda.filters import AgendaFilter
from agenda.models import Activity, Edition

pytestmark = pytest.mark.django_db

STATES = [
    "",
    "q=muziek",
    "doelgroep=kinderen&wijk=blerick&wijk=venlo-centrum",
    "discipline=muziek&taal=en&soort=association",
    "dag=2027-01-20&dag=2027-01-23&doelgroep=volwassenen",
]


@pytest.fixture
def demo(settings):
    settings.DEBUG = False
    call_command("seed_demo", year=2027, verbosity=0)
    return Edition.objects.current()


def agenda_filter(edition, query: QueryDict) -> AgendaFilter:
    public = Activity.objects.public().in_edition(edition)
    return AgendaFilter(query, queryset=public, edition=edition)


def options_checked(edition, state: str) -> int:
    """Asserts every option's count in `state` is what choosing that option finds; returns how
    many options have something to count."""
    filterset = agenda_filter(edition, QueryDict(state))
    total, counts = facets.option_counts(filterset)
    assert total == filterset.qs.count()
    checked = 0
    for name in facets.COUNTED:
        for value, _label in filterset.form.fields[name].choices:
            query = QueryDict(state, mutable=True)
            query.setlist(name, [str(value)])
            expected = agenda_filter(edition, query).qs.count()
            assert counts[name].get(str(value), 0) == expected, (state, name, str(value))
            checked += bool(expected)
    return checked


@pytest.mark.parametrize("state", STATES)
def test_each_option_count_is_what_choosing_that_option_finds(demo, state):
    assert options_checked(demo, state) >= 5  # the demo gives these states something to count


def test_a_choice_in_every_counted_filter_still_counts(demo, client):
    """With every counted filter chosen, each count leaves out its own filter, so none of them
    runs the filters as chosen, whose total the page still shows (this once answered 500)."""
    state = (
        "dag=2027-01-20&doelgroep=kinderen&discipline=muziek&wijk=blerick&taal=nl&soort=association"
    )
    options_checked(demo, state)
    response = client.get(f"/agenda/?{state}")
    assert response.status_code == 200


def test_the_counts_run_no_subquery_per_row(demo):
    """The counts once ran the filters in a subquery per audience and per activity: with the
    statistics of a nearly empty table, PostgreSQL planned that into minutes. Now the filters
    run once each (the activities found), and the counts read those as one array each."""
    filterset = agenda_filter(demo, QueryDict("q=muziek&doelgroep=kinderen&wijk=blerick"))
    filterset.form.is_valid()
    for chosen in filterset.form.cleaned_data.values():
        bool(chosen)  # the form's chosen audiences and districts: read once, by any page
    with CaptureQueriesContext(connection) as queries:
        facets.option_counts(filterset)
    assert len(queries) == 1
    (counted,) = (query["sql"] for query in queries.captured_queries)
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + counted)
        plan = "\n".join(line for (line,) in cursor.fetchall())
    # The statement's first step runs the filters (the search's own subqueries included); the
    # counts after it run no subquery per row.
    lines = plan.splitlines()
    first = lines.index("  CTE found")
    after = next(n for n in range(first + 1, len(lines)) if lines[n].startswith("  ->"))
    counts = "\n".join(lines[:first] + lines[after:])
    assert "SubPlan" not in counts
    assert "agenda_activity_audiences" in counts
    # The filters ran once per variant (the found activities; without the audience; without
    # the district), each an uncorrelated subquery of the statement's first step.
    assert counted.count("ARRAY(") == 3
    # The counts read those arrays as values (InitPlans), which the planner does not estimate
    # element by element: planning a thousand literal pks six times took longer than the
    # counting. One statement: no pk travels to Python and back.
    assert counts.count("InitPlan") == 7  # one per count; the audiences read theirs twice
