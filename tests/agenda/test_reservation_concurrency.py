"""Real parallel reservations against the live server on PostgreSQL: capacity holds under a rush.

Forty browsers each fetch the form (and its CSRF token), then all post at the same moment.
"""

import http.cookiejar
import re
import threading
import urllib.error
import urllib.request
from urllib.parse import urlencode

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db.models import Sum
from django.test.testcases import LiveServerThread
from django.urls import reverse
from django.utils import translation

from agenda.models import Reservation
from tests.factories import ActivityFactory, SessionFactory

pytestmark = pytest.mark.django_db(transaction=True)

CLIENTS = 40
CAPACITY = 5
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
POSITION = re.compile(r"You are number (\d+) in line")


def rush(base_url: str, path: str, clients: int) -> list[tuple[int, str]]:
    """Every client GETs the form, then all POST at once; returns (status, page) per client."""
    barrier = threading.Barrier(clients)
    results: list[tuple[int, str]] = [(0, "")] * clients

    def one(n: int) -> None:
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        try:
            form = opener.open(base_url + path, timeout=60).read().decode()
            data = {
                "csrfmiddlewaretoken": TOKEN.search(form).group(1),
                "name": f"Bewoner {n}",
                "email": f"bewoner{n}@example.org",
                "party_size": "1",
            }
        finally:
            barrier.wait(timeout=60)
        try:
            with opener.open(base_url + path, urlencode(data).encode(), timeout=60) as response:
                results[n] = (response.status, response.read().decode())
        except urllib.error.HTTPError as error:
            results[n] = (error.code, "")

    threads = [threading.Thread(target=one, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


class RushServer(ThreadedWSGIServer):
    # Django's test server queues only 10 connections; a rush of 40 would be reset.
    request_queue_size = 128


class RushServerThread(LiveServerThread):
    server_class = RushServer


@pytest.fixture
def rush_server(transactional_db, settings):
    """Like pytest-django's live_server, with a listen queue deep enough for the rush."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "127.0.0.1"]
    thread = RushServerThread("127.0.0.1", StaticFilesHandler)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()


@pytest.fixture
def rush_session(reference_data, settings):
    settings.RESERVATION_RATE_LIMIT = "off"  # forty posts from one address
    settings.MAIL_SEND_IMMEDIATELY = False

    def make():
        session = SessionFactory(capacity=CAPACITY, activity=ActivityFactory(max_party_size=1))
        with translation.override("en"):
            path = reverse(
                "agenda:reservation_create",
                kwargs={"slug": session.activity.slug, "session_pk": session.pk},
            )
        return session, path

    return make


def test_forty_at_once_on_five_places_confirms_five_and_queues_35_in_order(
    rush_server, rush_session
):
    session, path = rush_session()
    results = rush(rush_server, path, CLIENTS)

    assert [status for status, _page in results] == [200] * CLIENTS  # after the redirect
    reservations = list(Reservation.objects.filter(session=session).order_by("created_at", "pk"))
    states = [r.state for r in reservations]
    # Arrival order: the five who got the lock first hold the places, everyone after waits.
    assert states == [Reservation.State.CONFIRMED] * 5 + [Reservation.State.WAITING] * 35
    assert [r.position_in_line() for r in reservations[5:]] == list(range(1, 36))
    assert [r.pk for r in reservations] == sorted(r.pk for r in reservations)
    session.refresh_from_db()
    assert (session.places_booked, session.places_waiting) == (5, 35)
    # Each resident was shown the position the database holds for them.
    shown = sorted(int(m.group(1)) for _s, page in results if (m := POSITION.search(page)))
    assert shown == list(range(1, 36))


def test_without_the_lock_the_same_rush_overbooks(rush_server, rush_session, settings):
    """Proves the test above can fail: switch the row lock off and the race shows."""
    settings.RESERVATION_LOCKING = False
    for _attempt in range(5):  # a race is likely, not certain: try a few times
        session, path = rush_session()
        rush(rush_server, path, CLIENTS)
        session.refresh_from_db()
        confirmed = Reservation.objects.filter(session=session, state="confirmed")
        confirmed_places = confirmed.aggregate(s=Sum("party_size"))["s"] or 0
        total = Reservation.objects.filter(session=session).count()
        if (
            confirmed_places > CAPACITY
            or session.places_booked != confirmed_places
            or session.places_booked + session.places_waiting != total
        ):
            break
    else:
        pytest.fail("Five rushes without the lock and no race: the rush is not concurrent.")
