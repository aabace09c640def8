"""The reach pages in real Chromium, at 1280 and 390 px: axe finds no WCAG 2.1 A/AA violation,
and every table is reached with the keyboard: a wide one scrolls sideways inside a focusable,
labelled region instead of pushing the page wider."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Permission

from agenda.models import Channel
from campaign.services.links import tracked_link_create
from providers.models import User
from tests.factories import UserFactory
from tests.helpers import WCAG_21_AA, link_visits, reservation_through

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "week3-test-password"


@pytest.fixture
def reach(agenda):
    """The choir's provider made three links (one with a long label); the city one."""
    choir = agenda["choir"]
    session = choir.sessions.first()
    edition = choir.edition
    heard = Channel.objects.first()
    for channel, label, count in (
        ("poster", "Poster bij de ingang van de muziekschool aan de Parade", 3),
        ("social", "Instagram", 40),
        ("flyer", "", 12),
    ):
        link = tracked_link_create(
            edition=edition, channel=channel, provider=choir.provider, label=label, activity=choir
        )
        link_visits(link, count, 7)
        reservation_through(link, session, channel=heard)
    link_visits(tracked_link_create(edition=edition, channel="press", label="Krant"), 25)
    User.objects.create_user(email="koor@example.org", password=PASSWORD, provider=choir.provider)
    staff = UserFactory(email="redactie@example.org", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_linkvisitday"))


def log_in(page, url, email):
    page.goto(url)
    page.fill("[name=username]", email)
    page.fill("[name=password]", PASSWORD)
    page.click("form [type=submit]" if "beheer" in url else "main [type=submit]")


def check_tables(page, failures, name):
    """Each table sits in a labelled region that Tab reaches; the page never gets wider than
    the window, and a region too narrow for its table scrolls with the arrow keys."""
    regions = page.locator(".reach-scroll")
    assert regions.count() >= 3
    for index in range(regions.count()):
        region = regions.nth(index)
        assert region.get_attribute("role") == "region"
        assert region.get_attribute("tabindex") == "0"
        label = region.get_attribute("aria-labelledby")
        assert page.locator(f"#{label}").inner_text().strip()
    page.locator(".reach-scroll").first.evaluate("element => element.blur()")
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.evaluate("window.scrollTo(0, 0)")
    reached = set()
    for _ in range(80):
        page.keyboard.press("Tab")
        found = page.evaluate(
            "document.activeElement.matches('.reach-scroll') "
            "? document.activeElement.getAttribute('aria-labelledby') : null"
        )
        if found:
            reached.add(found)
    expected = set(regions.evaluate_all("all => all.map(r => r.getAttribute('aria-labelledby'))"))
    if reached != expected:
        failures[f"{name}: keyboard"] = f"Tab reached {sorted(reached)}, not {sorted(expected)}"
    wider = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
    if wider:
        failures[f"{name}: width"] = "the page scrolls sideways"
    for index in range(regions.count()):
        region = regions.nth(index)
        if region.evaluate("r => r.scrollWidth > r.clientWidth + 1"):
            region.focus()
            for _ in range(3):
                page.keyboard.press("ArrowRight")
            page.wait_for_function("r => r.scrollLeft > 0", arg=region.element_handle())


@pytest.mark.parametrize("width", [1280, 390])
def test_the_reach_pages_pass_axe_and_the_keyboard(browser, site, reach, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL")
    page = context.new_page()
    blocked = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and blocked.append(message.text),
    )
    axe = Axe()
    failures = {}

    def check(name):
        result = axe.run(page, options=WCAG_21_AA)
        if result.violations_count:
            failures[name] = result.generate_report()
        check_tables(page, failures, name)

    log_in(page, f"{site}/portaal/inloggen/", "koor@example.org")
    page.goto(f"{site}/portaal/bereik/")
    assert page.locator("h1").inner_text() == "Bereik van je promotie"
    assert "< 5" in page.locator("#reach-links").inner_text()
    check("portal")
    page.goto(f"{site}/en/portaal/bereik/")
    check("portal in English")
    page.context.clear_cookies()

    log_in(page, f"{site}/beheer/login/", "redactie@example.org")
    page.goto(f"{site}/beheer/bereik/")
    assert page.locator("#content h1").inner_text() == "Bereik van de campagne"
    check("staff")
    context.close()
    assert not blocked, blocked
    assert not failures, "\n\n".join(f"{name}:\n{report}" for name, report in failures.items())
