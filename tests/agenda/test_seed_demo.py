"""The demo edition is realistic, idempotent and only creates logins when asked."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count, Sum

from agenda.models import Activity, Edition, Reservation, Session
from agenda.services.review import review_context
from providers.models import District, Provider, User

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(Provider.objects.order_by("pk").values_list("pk", "slug", "status")),
        list(Activity.objects.order_by("pk").values_list("pk", "slug", "state", "registration")),
        list(
            Session.objects.order_by("pk").values_list(
                "pk", "starts_at", "venue_id", "capacity", "places_booked", "is_cancelled"
            )
        ),
        list(Reservation.objects.order_by("pk").values_list("pk", "session_id", "party_size")),
    )


def test_demo_edition_is_realistic_and_idempotent(settings):
    settings.DEBUG = False
    call_command("seed_demo", year=2027, verbosity=0)
    first = snapshot()
    call_command("seed_demo", year=2027, verbosity=0)
    assert snapshot() == first

    edition = Edition.objects.current()
    assert edition.starts_on == datetime.date(2027, 1, 18)
    providers = Provider.objects.approved()
    assert providers.count() >= 40
    assert set(providers.values_list("kind", flat=True)) == set(Provider.Kind.values)
    public = Activity.objects.public().in_edition(edition)
    assert public.count() >= 120
    assert public.filter(registration=Activity.Registration.WALK_IN).exists()
    assert Activity.objects.exclude(pk__in=public).exists()  # drafts and the like, to hide
    sessions = Session.objects.filter(activity__in=public)
    assert sessions.count() >= 300
    assert sessions.filter(is_cancelled=True).exists()
    assert sessions.filter(capacity__isnull=False, places_booked__gte=1).exists()
    full = [s for s in sessions.filter(capacity__isnull=False) if s.is_full]
    assert full
    days = {s.starts_at.astimezone(datetime.UTC).date() for s in sessions}
    assert len(days) >= 7
    used = District.objects.annotate(n=Count("venues__sessions")).filter(n__gt=0).count()
    assert used >= 10
    ages = set(public.values_list("min_age", "max_age"))
    assert len(ages) > 5
    # Every booked place has a (demo) reservation behind it, so the portal's lists add up.
    booked = Session.objects.aggregate(n=Sum("places_booked"))["n"]
    held = ["confirmed", "attended", "no_show"]
    reserved = Reservation.objects.filter(state__in=held).aggregate(n=Sum("party_size"))["n"]
    assert booked == reserved > 0
    # Without DEBUG and without --with-logins, nobody can log in with the published password.
    assert not User.objects.exists()


def test_logins_only_on_request(settings):
    settings.DEBUG = False
    call_command("seed_demo", year=2027, with_logins=True, verbosity=0)
    staff = User.objects.get(email="redactie@example.org")
    assert staff.is_staff and not staff.is_superuser
    assert staff.check_password("week3demo")
    provider = Provider.objects.approved().first()
    user = User.objects.get(email=provider.contact_email)
    assert user.provider == provider
    assert user.check_password("week3demo")


def test_scale_adds_extra_activities(settings):
    call_command("seed_demo", year=2027, scale=50, verbosity=0)
    public = Activity.objects.public().count()
    call_command("seed_demo", year=2027, scale=50, verbosity=0)
    assert Activity.objects.public().count() == public
    call_command("seed_demo", year=2027, verbosity=0)
    assert Activity.objects.public().count() == public - 50


def test_demo_queue_has_a_change_that_moves_booked_places(settings):
    """The review page's example: approving it e-mails residents about a new time."""
    settings.DEBUG = False
    call_command("seed_demo", year=2027, verbosity=0)
    waiting = Activity.objects.awaiting_moderation().get(state=Activity.State.APPROVED)
    assert review_context(waiting)["moved"]["people"] > 0
    call_command("seed_demo", year=2027, verbosity=0)
    assert waiting.revisions.count() == 1


def test_seeding_leaves_the_planner_statistics_of_what_it_wrote(settings):
    """Statistics from when the tables were nearly empty made PostgreSQL plan the seed's own
    report as nested loops: 20 s at --scale 1000, where it takes milliseconds."""
    settings.DEBUG = False
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE agenda_session, agenda_activity")  # as good as empty
    call_command("seed_demo", year=2027, scale=50, verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reltuples FROM pg_class "
            "WHERE relname IN ('agenda_session', 'agenda_activity')"
        )
        estimated = dict(cursor.fetchall())
    assert estimated["agenda_activity"] == Activity.objects.count()
    assert estimated["agenda_session"] == Session.objects.count()
