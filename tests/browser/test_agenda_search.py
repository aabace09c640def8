"""A resident on a phone, without JavaScript, asks the agenda a question in plain words, finds
the activity, sees how many each option gives, and subscribes without scrolling far."""

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.factories import TUESDAY

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_a_question_in_plain_words_on_a_phone_without_javascript(browser, site):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="en-GB", java_script_enabled=False
    )
    page = context.new_page()
    page.goto(f"{site}/en/agenda/")
    page.get_by_role("searchbox").fill("children singing on tuesday in blerick")
    page.get_by_role("button", name="Search", exact=True).click()

    # "tuesday" became the day filter; the other words found the choir through its audience,
    # its discipline and its venue's district.
    query = parse_qs(urlsplit(page.url).query)
    assert query["q"] == ["children singing on tuesday in blerick"]
    expect(page.get_by_role("link", name="Kinderkoor De Merel zingt")).to_be_visible()
    expect(page.get_by_text("1 free activity", exact=True)).to_be_visible()
    expect(page.get_by_role("searchbox")).to_have_value("children singing in blerick")
    # Subscribing is within the first screen and a half, not at the bottom of the results.
    subscribe = page.locator("summary", has_text="Put this selection in your calendar")
    assert subscribe.bounding_box()["y"] < 1.5 * 844
    subscribe.click()
    expect(page.get_by_role("link", name="Subscribe in your calendar app")).to_be_visible()
    page.locator("summary", has_text="Filters").click()
    tuesday = page.get_by_label(TUESDAY.strftime("%-d %B"), exact=False)
    expect(tuesday).to_be_checked()
    # Each option says how many it would give.
    expect(page.get_by_label("Blerick", exact=True)).to_have_accessible_description("(1)")

    context.close()


def test_nothing_found_offers_a_way_out(phone, site):
    page = phone
    page.goto(f"{site}/agenda/?doelgroep=senioren&wijk=blerick")
    expect(page.get_by_role("heading", name="Geen activiteiten gevonden")).to_be_visible()
    page.get_by_role("link", name="Zonder wijk: 1").click()
    expect(page.get_by_role("link", name="Dansen voor senioren")).to_be_visible()
