"""axe-core (WCAG 2.1 A and AA) finds no violation on the staff's second-factor pages and the
paused login; the QR code shows within the Content Security Policy."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory
from tests.helpers import WCAG_21_AA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "week3-test-password"
SUBMIT = "main form.portal-form [type=submit]"


def test_second_factor_pages_have_no_axe_violations(browser, site, settings, clock):
    settings.STAFF_REQUIRE_2FA = True
    settings.LOGIN_ACCOUNT_RATE_LIMIT = "2/h"
    staff = UserFactory(email="redactie@example.org", is_staff=True, is_superuser=True)
    context = browser.new_context(viewport={"width": 390, "height": 900})
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

    def log_in():
        page.goto(f"{site}/beheer/login/")
        page.fill("[name=username]", staff.email)
        page.fill("[name=password]", PASSWORD)
        page.click("[type=submit]")

    log_in()
    assert "/beheer/tweede-stap/instellen/" in page.url
    assert page.evaluate("document.querySelector('img.otp-qr').naturalWidth") > 0
    check("set up")
    page.fill("[name=code]", "000000")
    page.click(SUBMIT)
    check("set up with a wrong code")
    clock.shift(datetime.timedelta(seconds=2))
    page.fill("[name=code]", f"{totp(TOTPDevice.objects.get(user=staff).bin_key):06d}")
    page.click(SUBMIT)
    assert page.url == f"{site}/beheer/"

    page.click("#logout-form [type=submit]")
    log_in()
    assert "/beheer/tweede-stap/?" in page.url
    check("code")
    page.fill("[name=code]", "000000")
    page.click(SUBMIT)
    check("code wrong")
    page.get_by_role("button", name="Uitloggen").click()

    # The paused login, after wrong passwords for one account.
    for _ in range(4):
        page.goto(f"{site}/portaal/inloggen/")
        page.fill("[name=username]", "iemand@example.org")
        page.fill("[name=password]", "geraden")
        page.click("main [type=submit]")
    assert page.locator("h1").inner_text() == "Inloggen staat even stil"
    check("login paused")
    context.close()
    assert not blocked, blocked
    assert not failures, "\n\n".join(f"{name}:\n{report}" for name, report in failures.items())
