"""Conversions in the portal: entered per activity after the week, checked against who came,
asked for on the dashboard and by a weekly reminder until complete."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from agenda.models import ActivityOutcome, Reservation
from agenda.services.attendance import session_walk_ins_record
from agenda.services.outcomes import outcome_reminders_send
from tests.factories import (
    EDITION_START,
    ActivityFactory,
    SessionFactory,
    UserFactory,
    local,
    reserve,
)

pytestmark = pytest.mark.django_db

RESULTS_DAY = EDITION_START + datetime.timedelta(days=7)  # the day after the last day


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def took_place(world_a):
    """Provider A's activity, approved, held once: 3 people came with a reservation (one of
    them a party of two), 1 did not, and 2 walked in: 5 participants."""
    activity = world_a["activity"]
    activity.state = "approved"
    activity.save()
    session = world_a["session"]
    came = [reserve(session, 1, party_size=2), reserve(session, 2)]
    stayed_away = reserve(session, 3)
    Reservation.objects.filter(pk__in=[r.pk for r in came]).update(state="attended")
    Reservation.objects.filter(pk=stayed_away.pk).update(state="no_show")
    return activity


@pytest.fixture
def after_the_week(clock, world_a, took_place):
    session = world_a["session"]
    clock.move_to(session.starts_at)
    session_walk_ins_record(session=session, walk_ins=2)
    clock.move_to(local(RESULTS_DAY, 10))


def entry_url(activity):
    return reverse("portal:activity_outcome", kwargs={"pk": activity.pk})


def figures(activity, joined, courses, still=""):
    prefix = f"activity-{activity.pk}"
    return {
        f"{prefix}-joined": str(joined),
        f"{prefix}-course_signups": str(courses),
        f"{prefix}-still_there": str(still),
    }


def test_the_list_shows_who_came_beside_the_form_and_saves(
    client, world_a, took_place, after_the_week
):
    client.force_login(world_a["user"])
    page = client.get(reverse("portal:outcome_list"))
    html = " ".join(page.content.decode().split())
    assert took_place.title in html
    assert "<dt>Participants counted</dt> <dd>5</dd>" in html
    assert "<dt>Walk-ins</dt> <dd>2</dd>" in html
    assert f'name="activity-{took_place.pk}-joined"' in html
    assert "1 activity still needs its figures." in html

    response = client.post(entry_url(took_place), figures(took_place, 2, 1))
    assert response.status_code == 302
    outcome = ActivityOutcome.objects.get(activity=took_place)
    assert (outcome.joined, outcome.course_signups) == (2, 1)
    assert outcome.still_there_after_three_months is None
    assert outcome.entered_by == world_a["user"]
    html = client.get(response["Location"]).content.decode()
    assert "All figures are in" in html
    assert f'name="activity-{took_place.pk}-joined" value="2"' in html


def test_more_than_the_participants_is_refused_and_the_input_stays(
    client, world_a, took_place, after_the_week
):
    client.force_login(world_a["user"])
    response = client.post(entry_url(took_place), figures(took_place, 4, 3, 1))
    html = response.content.decode()
    assert response.status_code == 400
    assert "more than the 5 participants counted" in html
    assert f'name="activity-{took_place.pk}-joined" value="4"' in html
    assert f'name="activity-{took_place.pk}-course_signups" value="3"' in html
    assert not ActivityOutcome.objects.exists()

    response = client.post(entry_url(took_place), figures(took_place, 2, 1, 4))
    assert response.status_code == 400
    assert "at most the 3 who went on" in response.content.decode()
    assert not ActivityOutcome.objects.exists()


def test_in_dutch_the_message_is_translated(client, world_a, took_place, after_the_week):
    client.force_login(world_a["user"])
    with translation.override("nl"):
        url = entry_url(took_place)
    response = client.post(url, figures(took_place, 9, 0))
    assert "deelnemers" in response.content.decode()


def test_not_before_the_results_day(client, world_a, took_place, clock):
    clock.move_to(local(RESULTS_DAY - datetime.timedelta(days=1), 10))
    client.force_login(world_a["user"])
    html = client.get(reverse("portal:outcome_list")).content.decode()
    assert "You can fill this in from 25 January 2027" in html
    assert "-joined" not in html
    response = client.post(entry_url(took_place), figures(took_place, 1, 0))
    assert response.status_code == 200
    assert "from 25 January 2027" in response.content.decode()
    assert not ActivityOutcome.objects.exists()


def test_only_own_activities(client, world_a, world_b, took_place, after_the_week):
    client.force_login(world_b["user"])
    assert client.post(entry_url(took_place), figures(took_place, 1, 0)).status_code == 404
    html = client.get(reverse("portal:outcome_list")).content.decode()
    assert took_place.title not in html
    assert not ActivityOutcome.objects.exists()


def test_the_dashboard_asks_until_done(client, world_a, took_place, after_the_week):
    other = ActivityFactory(provider=world_a["provider"], edition=took_place.edition)
    SessionFactory(activity=other, venue=world_a["venue"])
    client.force_login(world_a["user"])
    html = client.get(reverse("portal:dashboard")).content.decode()
    assert "2 of your activities still need their figures" in html
    ActivityOutcome.objects.create(activity=took_place, joined=1)
    html = client.get(reverse("portal:dashboard")).content.decode()
    assert "1 of your activities still needs its figures" in html
    ActivityOutcome.objects.create(activity=other, joined=0)
    html = client.get(reverse("portal:dashboard")).content.decode()
    assert "still need" not in html
    assert "See or correct your figures" in html


def test_no_dashboard_notice_before_the_results_day(client, world_a, took_place):
    client.force_login(world_a["user"])
    assert "still need" not in client.get(reverse("portal:dashboard")).content.decode()


def test_the_reminder_goes_weekly_until_complete(
    world_a, world_b, took_place, after_the_week, clock, django_capture_on_commit_callbacks
):
    colleague = UserFactory(provider=world_a["provider"], language="en")

    def run(day):
        clock.move_to(local(day, 10))
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            outcome_reminders_send()
        return sorted(m.to[0] for m in mail.outbox)

    # Provider B's activity never took place (a draft): B is not asked.
    first = run(RESULTS_DAY)
    assert first == sorted([world_a["user"].email, colleague.email])
    assert run(RESULTS_DAY) == []  # never twice on one day
    assert run(RESULTS_DAY + datetime.timedelta(days=6)) == []  # at most weekly
    week_later = run(RESULTS_DAY + datetime.timedelta(days=7))
    assert week_later == first
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects[colleague.email] == "Week 3 2027: how many participants went on?"
    assert subjects[world_a["user"].email] == "Week 3 2027: hoeveel deelnemers gingen door?"
    assert all("/resultaten/invullen/" in m.body for m in mail.outbox)

    ActivityOutcome.objects.create(activity=took_place, joined=1)
    assert run(RESULTS_DAY + datetime.timedelta(days=14)) == []  # complete: stops


def test_no_reminder_before_the_results_day(world_a, took_place, clock):
    clock.move_to(local(RESULTS_DAY - datetime.timedelta(days=1), 10))
    assert outcome_reminders_send() == 0


def test_the_entry_page_costs_the_same_queries_for_more_activities(
    client, world_a, took_place, after_the_week
):
    client.force_login(world_a["user"])
    url = reverse("portal:outcome_list")
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    for _ in range(4):
        more = ActivityFactory(provider=world_a["provider"], edition=took_place.edition)
        SessionFactory(activity=more, venue=world_a["venue"])
        ActivityOutcome.objects.create(activity=more, joined=0)
    with CaptureQueriesContext(connection) as five:
        html = client.get(url).content.decode()
    assert html.count('class="card portal-item"') == 5
    assert len(five) == len(one)
