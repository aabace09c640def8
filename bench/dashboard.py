"""The impact dashboard, cold: an edition of 1,000 activities, 3,000 sessions and 20,000
reservations beside a previous edition of the same size, rendered in-process (no cache: the
dashboard has none) RUNS times; prints the median, the spread and the query count.

Run by bench/dashboard.sh (a throwaway PostgreSQL, migrated, production-like settings):

    bench/dashboard.sh            # RUNS=9 by default
"""

import datetime
import os
import random
import statistics
import sys
import time

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from agenda.models import (  # noqa: E402
    Activity,
    ActivityOutcome,
    AgeBracket,
    Audience,
    Channel,
    Edition,
    FollowUp,
    Reservation,
    Session,
)
from campaign.models import LinkChannel, LinkVisitDay, TrackedLink  # noqa: E402
from providers.models import Discipline, District, Provider, User, Venue  # noqa: E402

ACTIVITIES, SESSIONS, RESERVATIONS = 1000, 3000, 20000
BATCH = 2000


def providers_and_venues(rng):
    districts = list(District.objects.all())
    providers = Provider.objects.bulk_create(
        Provider(
            name=f"Bench aanbieder {n}",
            slug=f"bench-aanbieder-{n}",
            kind=Provider.Kind.values[n % len(Provider.Kind.values)],
            status=Provider.Status.APPROVED,
        )
        for n in range(200)
    )
    venues = Venue.objects.bulk_create(
        Venue(
            name=f"Bench zaal {n}",
            street=f"Parade {n}",
            postcode="5911AB",
            district=districts[n % len(districts)],
        )
        for n in range(40)
    )
    return providers, venues


def edition(year, providers, venues, rng):
    tz = timezone.get_default_timezone()
    starts_on = datetime.date.fromisocalendar(year, 3, 1)
    ed = Edition.objects.create(
        year=year,
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=6),
        is_published=True,
    )
    disciplines = list(Discipline.objects.all())
    audiences = list(Audience.objects.all())
    channels = list(Channel.objects.all())
    districts = list(District.objects.all())
    activities = Activity.objects.bulk_create(
        (
            Activity(
                edition=ed,
                provider=providers[n % len(providers)],
                title=f"Bench activiteit {n}",
                slug=f"bench-activiteit-{n}",
                description="Proberen.",
                state=Activity.State.APPROVED,
            )
            for n in range(ACTIVITIES)
        ),
        batch_size=BATCH,
    )
    Activity.disciplines.through.objects.bulk_create(
        Activity.disciplines.through(activity=a, discipline=disciplines[n % len(disciplines)])
        for n, a in enumerate(activities)
    )
    Activity.audiences.through.objects.bulk_create(
        Activity.audiences.through(activity=a, audience=audiences[n % len(audiences)])
        for n, a in enumerate(activities)
        if n % 5
    )
    sessions = Session.objects.bulk_create(
        (
            Session(
                activity=activities[n % ACTIVITIES],
                starts_at=datetime.datetime.combine(
                    starts_on + datetime.timedelta(days=n % 7), datetime.time(10 + n % 9), tz
                ),
                ends_at=datetime.datetime.combine(
                    starts_on + datetime.timedelta(days=n % 7), datetime.time(11 + n % 9), tz
                ),
                venue=venues[n % len(venues)],
                capacity=None if n % 10 == 0 else rng.choice([10, 12, 15, 20, 25]),
                walk_ins=rng.randint(0, 5),
                is_cancelled=n % 40 == 0,
            )
            for n in range(SESSIONS)
        ),
        batch_size=BATCH,
    )
    links = TrackedLink.objects.bulk_create(
        TrackedLink(
            code=f"b{year % 100:02d}{n:03d}",
            edition=ed,
            provider=providers[n % len(providers)] if n % 4 else None,
            channel=LinkChannel.values[n % len(LinkChannel.values)],
            label=f"Bench link {n}",
        )
        for n in range(300)
    )
    LinkVisitDay.objects.bulk_create(
        LinkVisitDay(
            link=link, day=starts_on - datetime.timedelta(days=d), visits=rng.randint(1, 40)
        )
        for link in links
        for d in range(5)
    )
    states = ["attended"] * 16 + ["no_show"] * 3 + ["confirmed"]
    Reservation.objects.bulk_create(
        (
            Reservation(
                session=sessions[n % SESSIONS],
                party_size=rng.choice([1, 1, 1, 2, 3]),
                age_bracket=rng.choice(["", *AgeBracket.values]),
                district=rng.choice(districts) if n % 9 else None,
                channel=rng.choice(channels) if n % 7 else None,
                referral_code=links[n % len(links)].code if n % 3 == 0 else "",
                language=rng.choice(["nl"] * 8 + ["de", "en"]),
                state=rng.choice(states),
            )
            for n in range(RESERVATIONS)
        ),
        batch_size=BATCH,
    )
    ActivityOutcome.objects.bulk_create(
        ActivityOutcome(activity=a, joined=rng.randint(0, 6), course_signups=rng.randint(0, 3))
        for n, a in enumerate(activities)
        if n % 10
    )
    sent = datetime.datetime.combine(starts_on, datetime.time(22), tz)
    FollowUp.objects.bulk_create(
        (
            FollowUp(
                session=sessions[n % SESSIONS],
                sent_at=sent,
                expires_at=sent + datetime.timedelta(days=14),
                answered_at=sent if n % 2 else None,
                rating=rng.randint(1, 5) if n % 2 else None,
            )
            for n in range(8000)
        ),
        batch_size=BATCH,
    )
    return ed


def main():
    runs = int(os.environ.get("RUNS", "9"))
    rng = random.Random("bench-dashboard")
    start = time.perf_counter()
    providers, venues = providers_and_venues(rng)
    edition(2026, providers, venues, rng)
    this = edition(2027, providers, venues, rng)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"built two editions in {time.perf_counter() - start:.1f} s")
    # A staff session without the second factor: the benchmark times the page, not the login.
    settings.STAFF_REQUIRE_2FA = False
    user = User.objects.create_user(email="bench-redactie@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="redactie"))
    client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="127.0.0.1")
    client.force_login(user)
    url = f"/beheer/impact/?editie={this.year}"
    client.get(url)  # imports and templates loaded once, as in a running server
    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            begin = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - begin) * 1000)
        assert response.status_code == 200, response.status_code
    if os.environ.get("PARTS"):
        from impact.figures import Scope, breakdowns, raw

        scope = Scope(this)
        for name, call in [
            ("facts", lambda: raw.activity_facts(scope)),
            ("facts prev", lambda: raw.activity_facts(scope.with_edition(this))),
            ("visitor", lambda: breakdowns.visitor_tables(scope)),
        ]:
            for _ in range(3):
                begin = time.perf_counter()
                call()
                print(name, f"{(time.perf_counter() - begin) * 1000:.0f} ms")
    if os.environ.get("EXPLAIN"):
        from impact.figures import Scope
        from impact.figures.raw import reservation_sums

        query = (
            Reservation.objects.filter(Scope(this).reservations())
            .values_list("session__activity_id")
            .annotate(**reservation_sums())
            .order_by()
        )
        print(query.explain(analyze=True))
    if os.environ.get("PROFILE"):
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        client.get(url)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
    if os.environ.get("SLOWEST"):
        for query in sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:12]:
            print(f"{float(query['time']) * 1000:7.1f} ms  {query['sql'][:600]}")
    sql = sum(float(query["time"]) for query in queries.captured_queries) * 1000
    print(f"last render: {sql:.0f} ms in SQL")
    print(
        f"dashboard {url}: median {statistics.median(times):.0f} ms, "
        f"min {min(times):.0f}, max {max(times):.0f} over {runs} renders, "
        f"{len(queries)} queries"
    )


if __name__ == "__main__":
    main()
