"""A German browser on the Dutch site gets a one-line pointer to the German page (issue 14):
no redirect, dismissible, remembered, and nothing at all without JavaScript."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.helpers import WCAG_21_AA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def german(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="de-DE")
    yield context
    context.close()


def test_a_german_browser_is_pointed_to_the_german_page_until_it_says_no(german, site):
    page = german.new_page()
    response = page.goto(f"{site}/")
    assert response.url == f"{site}/"  # no redirect: the Dutch page, as for search engines
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    pointer = page.get_by_role("complementary", name="Sprache")
    expect(pointer).to_be_visible()
    expect(pointer).to_have_attribute("lang", "de")
    link = pointer.get_by_role("link", name="Diese Seite gibt es auch auf Deutsch.")
    expect(link).to_have_attribute("href", "/de/")
    assert not Axe().run(page, options=WCAG_21_AA).violations_count

    # On the German page itself: nothing to point at.
    link.click()
    page.wait_for_url(f"{site}/de/")
    expect(page.locator(".language-pointer")).to_have_count(0)

    page.goto(f"{site}/agenda/")
    page.get_by_role("button", name="Nein, danke").click()
    expect(page.locator(".language-pointer")).to_have_count(0)
    page.goto(f"{site}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator(".language-pointer")).to_have_count(0)


def test_without_javascript_there_is_no_pointer(browser, site):
    context = browser.new_context(locale="de-DE", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator(".language-pointer")).to_have_count(0)
    expect(page.get_by_text("Diese Seite gibt es auch auf Deutsch.")).to_have_count(0)
    context.close()


def test_a_dutch_browser_gets_no_pointer(browser, site):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.goto(f"{site}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.wait_for_load_state("load")
    expect(page.locator(".language-pointer")).to_have_count(0)
    context.close()
