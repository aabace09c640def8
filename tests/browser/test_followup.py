"""The follow-up question answered with the keyboard only, and axe-core (WCAG 2.1 A and AA) on
the question page and on the portal's page for entering conversions."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe

from agenda.models import FollowUp
from agenda.services.followups import followups_send
from providers.models import User
from tests.factories import EDITION_START, local, reserve
from tests.helpers import WCAG_21_AA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-enough-secret-42"


def no_violations(page, name):
    result = Axe().run(page, options=WCAG_21_AA)
    assert not result.violations_count, f"{name}:\n{result.generate_report()}"


def tab_to(page, selector, limit=40):
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def test_answer_the_question_with_the_keyboard_only(browser, site, agenda, clock):
    session = agenda["choir"].sessions.get()
    reserve(session, 1, consent_followup=True)
    clock.move_to(session.ends_at + datetime.timedelta(hours=13))
    followups_send()
    followup = FollowUp.objects.get()

    page = browser.new_context(viewport={"width": 390, "height": 900}).new_page()
    page.goto(site + followup.personal_path())
    assert page.locator("h1").inner_text() == "Hoe was het?"
    no_violations(page, "question")

    page.locator("body").focus()
    tab_to(page, "[name=rating]")
    page.keyboard.press("Space")  # 1
    for _ in range(3):
        page.keyboard.press("ArrowRight")  # … 4
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "wants_to_continue"
    page.keyboard.press("Space")  # yes
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "signed_up"
    page.keyboard.press("ArrowRight")  # no
    page.keyboard.press("Tab")
    page.keyboard.type("Gezellig koor")
    tab_to(page, "[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**bedankt=1")
    assert page.locator("h1").inner_text() == "Bedankt voor je antwoord"

    followup.refresh_from_db()
    assert (followup.rating, followup.wants_to_continue, followup.signed_up) == (4, "yes", False)
    assert followup.comment == "Gezellig koor"
    page.context.close()


def test_the_portal_entry_page_has_no_axe_violations(browser, site, agenda, clock):
    choir = agenda["choir"]
    User.objects.create_user(email="p@example.org", password=PASSWORD, provider=choir.provider)
    clock.move_to(local(EDITION_START + datetime.timedelta(days=7), 10))
    page = browser.new_context(viewport={"width": 390, "height": 900}).new_page()
    page.goto(site + "/portaal/inloggen/")
    page.fill("[name=username]", "p@example.org")
    page.fill("[name=password]", PASSWORD)
    page.click("main [type=submit]")
    page.wait_for_url("**/portaal/")
    page.goto(site + "/portaal/resultaten/invullen/")
    assert page.locator(f"[name=activity-{choir.pk}-joined]").count() == 1
    no_violations(page, "conversions")
    page.fill(f"[name=activity-{choir.pk}-joined]", "9")
    page.fill(f"[name=activity-{choir.pk}-course_signups]", "0")
    page.click(f"#activity-{choir.pk} [type=submit]")
    assert page.locator(".errorlist").count() >= 1
    no_violations(page, "conversions with an error")
    page.context.close()
