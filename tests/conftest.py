"""Fixtures and settings for every test folder: the clock, a small agenda, two portal users.

PostgreSQL only, a fixed clock, quick password hashing, real Chromium, a small public agenda,
and two providers in the portal.
"""

import datetime
import importlib
import os
import shutil

import pytest
import time_machine
from django.conf import settings
from django.core.cache import cache, caches
from django.utils import translation

from agenda.models import Activity, Audience, Language
from agenda.near_cache import near_cache
from providers.models import Discipline, District, Provider
from tests.factories import (
    NOW,
    THURSDAY,
    TUESDAY,
    WEDNESDAY,
    ActivityFactory,
    EditionFactory,
    ProviderFactory,
    ReservationFactory,
    SessionFactory,
    UserFactory,
    VenueFactory,
    local,
)

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_configure(config):
    if "postgresql" not in settings.DATABASES["default"]["ENGINE"]:
        pytest.exit("The tests run on PostgreSQL: start them with bin/test (see README).", 2)
    # The live server speaks plain HTTP and runs for the whole session, so these are set once
    # here, before its middleware reads them, rather than per test.
    settings.SECURE_SSL_REDIRECT = False
    # Tests change data and look at once: no reuse of the page-cache fingerprint.
    settings.CONTENT_FINGERPRINT_TTL = 0
    settings.OPEN_DATA_PLACES_TTL = 0
    settings.DATABASES["default"]["CONN_MAX_AGE"] = 0
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.SECURE_HSTS_SECONDS = 0
    # Staff log in to the admin with a password alone here; tests of the second factor turn it
    # on with the `settings` fixture (tests/week3/test_staff_two_factor.py).
    settings.STAFF_REQUIRE_2FA = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def pytest_collection_modifyitems(config, items):
    """Skip what this machine cannot run: browser tests without Chromium, tests of several app
    servers without Redis (bin/test starts one when redis-server is installed). CI sets
    W3_REQUIRE_BROWSER and W3_REQUIRE_REDIS, so there a missing one fails instead."""
    missing = {}
    if not (shutil.which(CHROMIUM) or os.path.exists(CHROMIUM)):
        missing["browser"] = (
            "W3_REQUIRE_BROWSER",
            f"{CHROMIUM} not installed (apt-get install chromium)",
        )
    if not os.environ.get("REDIS_TEST_URL"):
        missing["redis"] = (
            "W3_REQUIRE_REDIS",
            "no Redis (REDIS_TEST_URL; apt-get install redis-server)",
        )
    for marker, (required, reason) in missing.items():
        if os.environ.get(required):
            raise pytest.UsageError(f"{required} is set but {reason}.")
        for item in items:
            if marker in item.keywords:
                item.add_marker(pytest.mark.skip(reason=reason))


def _flushes(item) -> bool:
    marker = item.get_closest_marker("django_db")
    transaction = bool(
        marker and (marker.kwargs.get("transaction") or (marker.args[:1] == (True,)))
    )
    return transaction or bool({"transactional_db", "live_server"} & set(item.fixturenames))


def pytest_collection_finish(session):
    """A transactional test flushes the database, and with it the migrations' rows (groups,
    districts …): pytest-django runs those tests after the others, unless pytest moved them
    (a test using a fixture named like a browser fixture, `page`, is grouped with the browser
    tests). Say so rather than fail later with a missing group."""
    flushed = None
    for item in session.items:
        if _flushes(item):
            flushed = flushed or item.nodeid
        elif flushed and item.get_closest_marker("django_db"):
            raise pytest.UsageError(
                f"{item.nodeid} runs after {flushed}, which empties the database; "
                "is a fixture named like a pytest-playwright one (page, context, browser)?"
            )


@pytest.fixture(scope="session", autouse=True)
def _setup_clock():
    """The test database is built on the day before NOW, whatever the date on the machine.

    So the rows the migrations create (districts, audiences …) are older than anything a test
    writes, as on the site. Built at the real date, after the test edition, they would look
    newer than a test's edit, and the page cache, which notices a change by a newer
    `updated_at`, would miss it.
    """
    with time_machine.travel(NOW - datetime.timedelta(days=1), tick=True):
        yield


@pytest.fixture(autouse=True)
def clock():
    """Every test runs at NOW (tests/factories.py), a week before the test edition.

    The clock runs on from there (`updated_at` of two saves differ, as moderation needs), in the
    test and in the live server's thread alike. A test that needs another moment moves it:
    `clock.move_to(moment)`, `clock.shift(timedelta)`, or `with time_machine.travel(moment):`.
    """
    with time_machine.travel(NOW, tick=True) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def _site_settings(settings):
    settings.SITE_URL = "https://week3.example.org"
    # Tests read sent e-mail from django.core.mail.outbox as soon as a transaction commits.
    settings.MAIL_SEND_IMMEDIATELY = True
    cache.clear()
    caches["fragments"].clear()
    near_cache.clear()
    # A request under /en/ or /de/ leaves its language active in this thread: start every
    # test in the default language, whatever ran before.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture
def reference_data(db):
    """Districts, disciplines, audiences and languages as the data migrations create them.

    Transactional tests (browser tests) flush the database afterwards, taking the migrations'
    data with it; running the same migration code again restores it.
    """
    from django.apps import apps

    from providers.models import District

    if not District.objects.exists():
        for module in (
            "providers.migrations.0002_venlo_districts_and_disciplines",
            "agenda.migrations.0003_audiences_and_languages",
            "agenda.migrations.0008_channels",
            "agenda.migrations.0022_statements",
            "providers.migrations.0014_district_neighbours",
            "agenda.migrations.0023_audience_includes",
            "agenda.migrations.0027_audience_age_brackets",
        ):
            importlib.import_module(module).create(apps, None)


@pytest.fixture
def agenda(db, reference_data):
    """Three public activities, and five that must never show.

    The choir has 2 of its 10 places booked, the dance class all 10: real reservations, made
    through the reservation service (their e-mails are queued, or sent in transactional tests).
    """
    edition = EditionFactory()
    blerick = District.objects.get(slug="blerick")
    tegelen = District.objects.get(slug="tegelen")
    centrum = District.objects.get(slug="venlo-centrum")
    hall_blerick = VenueFactory(
        name="Huis van de Wijk Blerick",
        street="Kloosterstraat 1",
        postcode="5921AA",
        district=blerick,
        wheelchair_accessible=True,
    )
    hall_tegelen = VenueFactory(
        name="Zaal De Kring",
        street="Kerkstraat 2",
        postcode="5931AB",
        district=tegelen,
        wheelchair_accessible=False,
    )
    studio = VenueFactory(
        name="Atelier Centrum",
        street="Parade 3",
        postcode="5911CD",
        district=centrum,
        wheelchair_accessible=True,
    )
    children = Audience.objects.get(slug="kinderen")
    seniors = Audience.objects.get(slug="senioren")
    adults = Audience.objects.get(slug="volwassenen")
    singing = Discipline.objects.get(slug="zang")
    dance = Discipline.objects.get(slug="dans")
    art = Discipline.objects.get(slug="beeldende-kunst")
    dutch, english, german = (Language.objects.get(code=c) for c in ("nl", "en", "de"))

    choir = ActivityFactory(
        edition=edition,
        title="Kinderkoor De Merel zingt",
        description="Wij zingen samen liedjes. Kom gratis een keer meedoen!",
        provider=ProviderFactory(name="Muziekschool Venlo", kind=Provider.Kind.MUSIC_SCHOOL),
        min_age=6,
        max_age=12,
        audiences=[children],
        disciplines=[singing],
        languages=[dutch],
    )
    choir_session = SessionFactory(
        activity=choir,
        venue=hall_blerick,
        starts_at=local(TUESDAY, 15),
        ends_at=local(TUESDAY, 16),
        capacity=10,
    )
    ReservationFactory(session=choir_session, party_size=2)
    dance_class = ActivityFactory(
        edition=edition,
        title="Dansen voor senioren",
        description="Rustig bewegen op muziek.",
        provider=ProviderFactory(name="Dansvereniging Tegelen", kind=Provider.Kind.ASSOCIATION),
        min_age=60,
        audiences=[seniors],
        disciplines=[dance],
        languages=[dutch],
    )
    dance_session = SessionFactory(
        activity=dance_class,
        venue=hall_tegelen,
        starts_at=local(WEDNESDAY, 10),
        ends_at=local(WEDNESDAY, 11),
        capacity=10,
    )
    for party_size in (4, 4, 2):  # full: at most 4 people per reservation
        ReservationFactory(session=dance_session, party_size=party_size)
    studio_open = ActivityFactory(
        edition=edition,
        title="Open atelier",
        description="Schilder mee met de kunstenaar.",
        provider=ProviderFactory(name="Atelier Rood", kind=Provider.Kind.ARTIST),
        registration=Activity.Registration.WALK_IN,
        no_dutch_needed=True,
        audiences=[adults],
        disciplines=[art],
        languages=[english, german],
    )
    SessionFactory(
        activity=studio_open,
        venue=studio,
        starts_at=local(THURSDAY, 14),
        ends_at=local(THURSDAY, 17),
        capacity=None,
    )
    SessionFactory(
        activity=studio_open,
        venue=hall_blerick,
        starts_at=local(WEDNESDAY, 14),
        ends_at=local(WEDNESDAY, 17),
        capacity=None,
        is_cancelled=True,
    )

    hidden = {}
    for state in (Activity.State.DRAFT, Activity.State.SUBMITTED, Activity.State.REJECTED):
        hidden[state] = ActivityFactory(edition=edition, title=f"Verborgen {state}", state=state)
    other = EditionFactory(year=2026, starts_on=datetime.date(2026, 1, 12))
    hidden["other_edition"] = ActivityFactory(edition=other, title="Verborgen vorig jaar")
    hidden["pending_provider"] = ActivityFactory(
        edition=edition,
        title="Verborgen nieuwe aanbieder",
        provider=ProviderFactory(name="Nog niet goedgekeurd", status=Provider.Status.PENDING),
    )
    for activity in hidden.values():
        SessionFactory(
            activity=activity,
            venue=studio,
            starts_at=local(TUESDAY, 10),
            ends_at=local(TUESDAY, 11),
        )
    return {
        "edition": edition,
        "choir": choir,
        "dance": dance_class,
        "studio": studio_open,
        "hidden": hidden,
    }


# Two providers in the portal, each with a user, a venue and a draft activity with one session.


@pytest.fixture
def edition(reference_data):
    """The test edition, open for submissions from a month before NOW until a month after."""
    return EditionFactory(
        submissions_open_from=NOW - datetime.timedelta(days=30),
        submissions_open_until=NOW + datetime.timedelta(days=30),
    )


def _provider_world(edition, name):
    provider = ProviderFactory(name=name)
    user = UserFactory(provider=provider)
    venue = VenueFactory(added_by=provider)
    activity = ActivityFactory(
        provider=provider, edition=edition, state="draft", title=f"Activiteit {name}"
    )
    session = SessionFactory(activity=activity, venue=venue)
    return {
        "provider": provider,
        "user": user,
        "venue": venue,
        "activity": activity,
        "session": session,
    }


@pytest.fixture
def world_a(edition):
    return _provider_world(edition, "Aanbieder A")


@pytest.fixture
def world_b(edition):
    return _provider_world(edition, "Aanbieder B")


@pytest.fixture
def client_a(client, world_a):
    client.force_login(world_a["user"])
    return client
