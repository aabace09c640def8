"""Fixtures of the campaign tests: an empty visit buffer, and a browser that follows links."""

import pytest
from django.test import Client

from campaign import targets
from campaign.services import visits

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"


@pytest.fixture(autouse=True)
def _empty_visit_buffer():
    """Each test starts with no visits counted and no link targets remembered in this process,
    and leaves none behind."""
    with visits._lock:
        visits._pending.clear()
    targets.forget()
    yield
    with visits._lock:
        visits._pending.clear()
    targets.forget()


@pytest.fixture
def visitor():
    """A browser, as far as a tracked link can tell: a browser's User-Agent, its own cookies."""
    return Client(headers={"user-agent": BROWSER})
