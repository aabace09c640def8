"""axe-core (WCAG 2.1 A and AA) on the reservation form, its outcomes and the privacy page."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import translation

from agenda.services.my_week3 import my_week3_token
from agenda.services.reservations import reservation_cancel
from tests.factories import reserve
from tests.helpers import WCAG_21_AA

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.mark.parametrize("width", [390, 1280])
def test_reservation_pages_have_no_axe_violations(browser, site, agenda, settings, width):
    settings.RESERVATION_RATE_LIMIT = "off"
    choir_session = agenda["choir"].sessions.get()
    dance_session = agenda["dance"].sessions.get()
    confirmed = reserve(choir_session, 1, language="en")
    waiting = reserve(dance_session, 2, language="en")
    cancelled = reserve(choir_session, 3, language="en")
    reservation_cancel(reservation=cancelled)
    left_line = reserve(dance_session, 4, language="en")
    reservation_cancel(reservation=left_line)
    by_organiser = reserve(choir_session, 5, language="en")
    reservation_cancel(reservation=by_organiser, by_organiser=True)
    with translation.override("en"):
        pages = {
            "form": f"/en/activiteit/{agenda['choir'].slug}/reserveren/{choir_session.pk}/",
            "form waiting list": f"/en/activiteit/{agenda['dance'].slug}/reserveren/"
            f"{dance_session.pk}/",
            "confirmation": confirmed.personal_path(),
            "waiting": waiting.personal_path(),
            "cancelled": cancelled.personal_path(),
            "left the waiting list": left_line.personal_path(),
            "cancelled by the organiser": by_organiser.personal_path(),
            "privacy": "/en/privacy/",
            "privacy in Dutch": "/privacy/",
            "mijn week 3 request": "/en/mijn-week3/",
            "mijn week 3": reverse("agenda:my_week3", args=[my_week3_token(confirmed)]),
        }
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    axe = Axe()
    failures = {}
    for name, url in pages.items():
        page.goto(site + url)
        result = axe.run(page, options=WCAG_21_AA)
        if result.violations_count:
            failures[name] = result.generate_report()
    # The form with errors: messages next to the fields, and a summary.
    page.goto(site + pages["form"])
    page.get_by_label("Your e-mail address").fill("not an address")
    page.locator("button[type=submit]").click()
    page.wait_for_selector(".field-error")
    result = axe.run(page, options=WCAG_21_AA)
    if result.violations_count:
        failures["form with errors"] = result.generate_report()
    context.close()
    assert not failures, "\n\n".join(f"{name}:\n{report}" for name, report in failures.items())
