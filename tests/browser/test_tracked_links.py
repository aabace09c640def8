"""A resident follows a tracked link from a poster in real Chromium, reserves, and the
reservation carries the link; the provider's link pages pass axe."""

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from agenda.models import Reservation
from campaign.models import TrackedLink
from campaign.services.links import tracked_link_create
from providers.models import User
from tests.helpers import WCAG_21_AA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-enough-secret-42"


def test_follow_a_link_then_reserve_and_the_reservation_carries_it(phone, site, agenda):
    choir = agenda["choir"]
    link = tracked_link_create(
        edition=agenda["edition"],
        channel=TrackedLink.Channel.POSTER,
        provider=choir.provider,
        activity=choir,
    )
    page = phone
    page.goto(f"{site}/r/{link.code}")
    assert urlsplit(page.url).path == choir.get_absolute_url()
    page.get_by_role("link", name=re.compile("^Gratis reserveren")).first.click()
    page.get_by_label("Je naam").fill("Anna de Vries")
    page.get_by_label("Je e-mailadres").fill("anna@example.org")
    page.get_by_role("button", name=re.compile("Reserveer")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("gereserveerd"))
    assert Reservation.objects.get(email="anna@example.org").referral_code == link.code
    assert page.hosts == {urlsplit(site).netloc}


def test_portal_link_pages_have_no_axe_violations(browser, site, agenda):
    choir = agenda["choir"]
    User.objects.create_user(email="p@example.org", password=PASSWORD, provider=choir.provider)
    link = tracked_link_create(
        edition=agenda["edition"],
        channel=TrackedLink.Channel.FLYER,
        provider=choir.provider,
        activity=choir,
        label="Flyer op de markt",
    )
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    page.goto(site + "/portaal/inloggen/")
    page.fill("[name=username]", "p@example.org")
    page.fill("[name=password]", PASSWORD)
    page.click("main [type=submit]")
    axe = Axe()
    failures = {}

    def check(name):
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, name
        result = axe.run(page, options=WCAG_21_AA)
        if result.violations_count:
            failures[name] = result.generate_report()

    for name, url in {
        "links": "/portaal/links/",
        "new link": "/portaal/links/nieuw/",
        "edit link": f"/portaal/links/{link.pk}/",
        "remove link": f"/portaal/links/{link.pk}/verwijderen/",
        "links in English": "/en/portaal/links/",
        "unknown link": "/r/zzzzzz",
    }.items():
        page.goto(site + url)
        check(name)
    page.goto(site + "/portaal/links/nieuw/")
    page.get_by_label("Een van je activiteiten", exact=False).check()
    page.get_by_role("button", name="Maak de link").click()
    check("new link with errors")
    page.locator("select[name=activity]").select_option(str(choir.pk))
    page.get_by_role("button", name="Maak de link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Je links")
    check("links with a message")
    context.close()
    assert not failures, "\n".join(f"{k}:\n{v}" for k, v in failures.items())
