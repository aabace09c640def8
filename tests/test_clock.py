"""Every test runs on the fixed clock of tests/conftest.py, the live server's thread too."""

import datetime
import json
import time
import urllib.request

from django.http import JsonResponse
from django.urls import path
from django.utils import timezone

from tests.factories import NOW

MINUTE = datetime.timedelta(minutes=1)


def what_time_is_it(request):
    return JsonResponse(
        {"now": timezone.now().isoformat(), "today": timezone.localdate().isoformat()}
    )


urlpatterns = [path("clock/", what_time_is_it)]


def test_a_test_runs_at_the_fixed_moment():
    assert NOW <= timezone.now() < NOW + MINUTE
    assert timezone.localdate() == NOW.date() == datetime.date(2027, 1, 11)


def test_the_clock_runs_on():
    # Two saves a moment apart get different `updated_at` stamps (moderation relies on it).
    first = timezone.now()
    time.sleep(0.01)
    assert timezone.now() - first >= datetime.timedelta(milliseconds=10)


def test_the_live_server_runs_at_the_fixed_moment(live_server, settings):
    settings.ROOT_URLCONF = __name__
    with urllib.request.urlopen(f"{live_server.url}/clock/", timeout=30) as response:
        answer = json.load(response)
    assert NOW <= datetime.datetime.fromisoformat(answer["now"]) < NOW + MINUTE
    assert answer["today"] == NOW.date().isoformat()
