"""Two app servers against one PostgreSQL and one Redis behave as one site: pages rendered once
for both, places and changes seen by both within a second, rate limits and places shared."""

import os
import re
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from agenda.models import Reservation
from tests.factories import SessionFactory
from tests.servers import AppServer, database_url

pytestmark = pytest.mark.django_db(transaction=True)

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# A little over CONTENT_FINGERPRINT_TTL: how long a server may show what was before.
SETTLE = 1.2


class Server(AppServer):
    def renders(self, path: str) -> int:
        return self.log.read_text().count(f"rendered {path}\n")

    def get(self, path: str) -> str:
        with urllib.request.urlopen(f"{self.base}{path}", timeout=10) as response:
            return response.read().decode()

    def reserve(self, path: str, email: str, client: str, party_size: int = 1) -> int:
        """GET the form (cookie and token), POST a resident; the status of the POST."""
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()), NoRedirects
        )
        headers = {"X-Forwarded-For": client}
        form = opener.open(urllib.request.Request(f"{self.base}{path}", headers=headers))
        token = TOKEN.search(form.read().decode()).group(1)
        body = urlencode(
            {
                "csrfmiddlewaretoken": token,
                "name": "Bewoner",
                "email": email,
                "party_size": party_size,
            }
        ).encode()
        request = urllib.request.Request(f"{self.base}{path}", data=body, headers=headers)
        try:
            return opener.open(request, timeout=20).status
        except urllib.error.HTTPError as answer:
            return answer.code


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def start_two(tmp_path_factory, **settings):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "week3.settings",
        "DATABASE_URL": database_url(),
        "DATABASE_CONN_MAX_AGE": "0",
        "CACHE_KEY_PREFIX": f"test-{uuid.uuid4().hex[:8]}",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "STATIC_STORAGE_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "CONTENT_FINGERPRINT_TTL": "1",
        # Counted in fixed windows (UTC) of the servers' clocks, which start at the tests' 10:00
        # in Venlo: a day's window cannot end between the attempts of one test, as a minute's
        # could. Each address and e-mail reserves once in this module.
        "RESERVATION_RATE_LIMIT": "3/d",
        "TRUST_X_FORWARDED_FOR": "true",
        "MAIL_SEND_IMMEDIATELY": "false",
        # The page cache logs each rendering at DEBUG: counted below.
        "LOG_LEVEL": "DEBUG",
        **settings,
    }
    for name in ("DEBUG", "REDIS_URL", "CACHE_URL", "RATE_LIMIT_STORE"):
        if name not in settings:
            environment.pop(name, None)
    logs = tmp_path_factory.mktemp("servers")
    return [Server(environment, logs / f"server-{n}.log") for n in (1, 2)]


@pytest.fixture(scope="module")
def servers(django_db_setup, tmp_path_factory):
    started = start_two(tmp_path_factory, REDIS_URL=os.environ["REDIS_TEST_URL"])
    yield started
    for server in started:
        server.stop()


@pytest.fixture(scope="module")
def servers_without_redis(django_db_setup, tmp_path_factory):
    """Each with its own memory for a cache: the rate limits count in the database."""
    started = start_two(tmp_path_factory)
    yield started
    for server in started:
        server.stop()


@pytest.mark.redis
def test_a_page_is_rendered_once_for_both_servers(servers, agenda):
    first, second = servers
    assert "Kinderkoor De Merel zingt" in first.get("/agenda/")
    assert "Kinderkoor De Merel zingt" in second.get("/agenda/")
    assert first.renders("/agenda/") + second.renders("/agenda/") == 1


@pytest.mark.redis
def test_a_change_through_one_server_shows_on_the_other_within_a_second(servers, agenda):
    first, second = servers
    choir = agenda["choir"]
    form = reverse(
        "agenda:reservation_create",
        kwargs={"slug": choir.slug, "session_pk": choir.sessions.get().pk},
    )
    time.sleep(SETTLE)  # the test's data is new to the servers
    assert "Nog 8 plekken" in second.get("/agenda/")
    assert first.reserve(form, "anna@example.org", "198.51.100.1", party_size=3) == 302
    time.sleep(SETTLE)
    assert "Nog 5 plekken" in second.get("/agenda/")
    choir.title = "Kinderkoor De Lijster"
    choir.save()
    time.sleep(SETTLE)
    assert "Kinderkoor De Lijster" in second.get("/agenda/")
    assert "Kinderkoor De Lijster" in first.get(choir.get_absolute_url())


@pytest.mark.redis
def test_the_rate_limit_counts_across_both_servers(servers, agenda):
    assert_one_limit_for_both(*servers, agenda)


def test_without_redis_the_rate_limit_still_counts_across_both_servers(
    servers_without_redis, agenda
):
    assert_one_limit_for_both(*servers_without_redis, agenda)


def assert_one_limit_for_both(first, second, agenda):
    session = agenda["choir"].sessions.get()
    form = reverse(
        "agenda:reservation_create", kwargs={"slug": agenda["choir"].slug, "session_pk": session.pk}
    )
    client = "203.0.113.7"  # the same resident's address at both servers
    statuses = [
        server.reserve(form, f"bewoner{n}@example.org", client)
        for n, server in enumerate([first, second, first, second])
    ]
    assert statuses == [302, 302, 302, 429]  # RESERVATION_RATE_LIMIT = 3 a day


@pytest.mark.redis
def test_a_rush_through_both_servers_confirms_exactly_the_capacity(servers, agenda):
    session = SessionFactory(activity=agenda["choir"], capacity=5)
    form = reverse(
        "agenda:reservation_create", kwargs={"slug": agenda["choir"].slug, "session_pk": session.pk}
    )
    with ThreadPoolExecutor(max_workers=12) as pool:
        statuses = list(
            pool.map(
                lambda n: servers[n % 2].reserve(form, f"rush{n}@example.org", f"192.0.2.{n + 1}"),
                range(12),
            )
        )
    assert statuses == [302] * 12
    states = list(Reservation.objects.filter(session=session).values_list("state", flat=True))
    assert sorted(states) == ["confirmed"] * 5 + ["waiting"] * 7
    session.refresh_from_db()
    assert (session.places_booked, session.places_waiting) == (5, 7)
