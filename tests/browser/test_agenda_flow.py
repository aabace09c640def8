"""A resident on a phone filters the agenda, switches language and opens an activity."""

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.factories import TUESDAY

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_filter_switch_language_and_open_an_activity_on_a_phone(phone, site):
    page = phone
    page.goto(f"{site}/agenda/")
    expect(page.get_by_text("3 gratis activiteiten")).to_be_visible()

    # On a phone the filters are folded away behind one button.
    page.get_by_text("Filters", exact=True).click()
    page.get_by_label("Kinderen").check()
    page.get_by_label(TUESDAY.strftime("%-d januari"), exact=False).check()
    page.get_by_role("button", name="Toon activiteiten").click()

    query = parse_qs(urlsplit(page.url).query)
    assert query["doelgroep"] == ["kinderen"]
    assert query["dag"] == [TUESDAY.isoformat()]
    expect(page.get_by_text("1 gratis activiteit", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Kinderkoor De Merel zingt")).to_be_visible()
    # The results fit the screen: no horizontal scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.get_by_role("link", name="Deutsch").click()
    assert urlsplit(page.url).path == "/de/agenda/"
    assert parse_qs(urlsplit(page.url).query) == query
    expect(page.get_by_text("1 kostenlose Aktivität", exact=False)).to_be_visible()
    page.locator("summary", has_text="Filter").click()
    expect(page.get_by_label("Kinder", exact=True)).to_be_checked()

    page.get_by_role("link", name="Kinderkoor De Merel zingt").click()
    assert urlsplit(page.url).path.startswith("/de/activiteit/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kinderkoor De Merel zingt")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    # Nothing was fetched from any other host.
    assert page.hosts == {urlsplit(site).netloc}


def test_keyboard_user_can_skip_to_the_content_and_sees_focus(phone, site):
    page = phone
    page.goto(f"{site}/agenda/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('main') !== null")
    assert focused
    shadow = page.evaluate("getComputedStyle(document.activeElement).boxShadow")
    assert shadow != "none"
