"""Browser tests: real Chromium against the live server, with the small agenda committed."""

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def site(live_server, transactional_db, agenda):
    """The live server's address, with the agenda fixture's data committed for it to see."""
    return live_server.url


@pytest.fixture
def phone(browser, site):
    """A phone-sized page (390 × 844) that records every host it talks to."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
    page = context.new_page()
    page.hosts = set()
    page.on("request", lambda request: page.hosts.add(urlsplit(request.url).netloc))
    yield page
    context.close()
