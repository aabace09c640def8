"""Issue 14 for residents, in real Chromium on a phone: a short reservation form, the way
back to a filtered agenda, favourites without JavaScript, and the new pages under axe."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import translation
from playwright.sync_api import expect

from agenda.favourites import COOKIE
from agenda.models import Activity
from tests.factories import TUESDAY, reserve
from tests.helpers import WCAG_21_AA, form_url

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PHONE = {"width": 390, "height": 844}
# Two phone screens: the submit button ends within this distance of the form's top.
MAX_BUTTON_DISTANCE = 1700


@pytest.mark.parametrize("javascript", [True, False], ids=["with JS", "without JS"])
@pytest.mark.parametrize("parents", list(Activity.ParentsStay))
def test_the_submit_button_is_within_two_phone_screens(browser, site, agenda, javascript, parents):
    choir = agenda["choir"]
    Activity.objects.filter(pk=choir.pk).update(parents_stay=parents)
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript, locale="nl-NL")
    page = context.new_page()
    page.goto(site + form_url(choir.sessions.get()))

    def distance():
        form = page.locator("form.reservation-form").bounding_box()
        button = page.locator("form.reservation-form button[type=submit]").bounding_box()
        return button["y"] + button["height"] - form["y"]

    assert distance() <= MAX_BUTTON_DISTANCE
    # With an error message on top, too.
    page.get_by_label("Je e-mailadres").fill("geen adres")
    page.locator("form.reservation-form button[type=submit]").click()
    page.wait_for_selector(".field-error")
    assert distance() <= MAX_BUTTON_DISTANCE
    # The folded questions open and keep working without JavaScript.
    page.get_by_text("Een paar vragen (niet verplicht)").click()
    expect(page.get_by_label("Je postcode (niet verplicht)")).to_be_visible()
    context.close()


def test_back_link_restores_the_filtered_agenda_and_the_day_comes_first(phone, site, agenda):
    page = phone
    query = f"dag={TUESDAY.isoformat()}&wijk=blerick"
    page.goto(f"{site}/agenda/?{query}")
    results = page.locator(".card-title a").all_inner_texts()
    page.get_by_role("link", name=agenda["choir"].title).click()
    first = page.locator(".session-list > li").first
    expect(first).to_contain_text("Past bij je zoekopdracht")
    page.get_by_role("link", name=re.compile("Terug naar je zoekopdracht")).click()
    assert page.url.endswith(f"/agenda/?{query}")
    assert page.locator(".card-title a").all_inner_texts() == results


def test_favourites_work_without_javascript(browser, site, agenda):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    choir = agenda["choir"]
    page.goto(site + choir.get_absolute_url())
    page.get_by_role("button", name="Bewaar in mijn favorieten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn Week 3-programma")
    expect(page.locator(".favourite h2")).to_have_text([choir.title])
    assert [c["name"] for c in context.cookies()] == [COOKIE]
    # The activity page, cached for everyone, looks just as it did.
    page.goto(site + choir.get_absolute_url())
    expect(page.get_by_role("button", name="Bewaar in mijn favorieten")).to_be_visible()
    page.goto(site + "/favorieten/")
    page.get_by_role("button", name=re.compile("^Verwijderen")).click()
    expect(page.locator(".favourite")).to_have_count(0)
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_new_resident_pages_have_no_axe_violations(browser, site, agenda, settings, width):
    settings.RESERVATION_RATE_LIMIT = "off"
    choir_session = agenda["choir"].sessions.get()
    reservation = reserve(choir_session, 1, party_size=3, language="en")
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_cookies(
        [
            {
                "name": COOKIE,
                "value": f"{agenda['choir'].pk}.{agenda['studio'].pk}",
                "url": site,
            }
        ]
    )
    page = context.new_page()
    axe = Axe()
    failures = {}

    def check(name):
        result = axe.run(page, options=WCAG_21_AA)
        if result.violations_count:
            failures[name] = result.generate_report()

    page.goto(site + "/en/favorieten/")
    check("favourites")
    with translation.override("en"):
        page.goto(site + reservation.personal_path())
    check("reservation with fewer people")
    page.get_by_role("button", name="Cancel my reservation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cancel your reservation?")
    check("cancel confirmation")
    page.goto(site + "/en/mijn-week3/")
    page.get_by_label("Your e-mail address").fill("someone@example.org")
    page.get_by_role("button", name="Send me the link").click()
    expect(page.get_by_text("Check your e-mail.")).to_be_visible()
    check("mijn week 3 link sent")
    context.close()
    assert not failures, "\n\n".join(f"{name}:\n{report}" for name, report in failures.items())
