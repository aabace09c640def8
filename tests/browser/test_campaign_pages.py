"""Campaign landing pages in a real browser: no axe violations at phone and desktop width,
reachable and usable by keyboard from the home page, and complete without JavaScript."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from campaign.models import CampaignPage, CampaignPick
from campaign.services.pages import campaign_page_save
from tests.helpers import WCAG_21_AA, jpeg_with_gps

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def campaign_page(site, agenda, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    page = CampaignPage(
        edition=agenda["edition"],
        slug="kinderen",
        title="Voor kinderen",
        title_en="For children",
        intro="Zingen, dansen of tekenen: probeer het een keer gratis.",
        intro_en="Singing, dancing or drawing: try it once for free.",
        hero_alt="Kinderen zingen samen in een zaal.",
        hero_alt_en="Children singing together in a hall.",
        agenda_query="doelgroep=kinderen",
        is_published=True,
    )
    photo = SimpleUploadedFile("held.jpg", jpeg_with_gps((1600, 600)), content_type="image/jpeg")
    campaign_page_save(page=page, hero=photo)
    CampaignPick.objects.create(page=page, activity=agenda["studio"], position=0)
    return page


@pytest.mark.parametrize("width", [390, 1280])
def test_campaign_pages_have_no_axe_violations(browser, site, campaign_page, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    axe = Axe()
    failures = {}
    for url in ("/campagne/kinderen/", "/en/campagne/kinderen/", "/"):
        page.goto(site + url)
        result = axe.run(page, options=WCAG_21_AA)
        if result.violations_count:
            failures[url] = result.generate_report()
    if width == 390:
        page.goto(site + "/campagne/kinderen/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
    assert not failures, "\n\n".join(f"{url}:\n{report}" for url, report in failures.items())


def test_keyboard_reaches_the_page_from_home_and_goes_on_to_the_agenda(phone, site, campaign_page):
    page = phone
    page.goto(f"{site}/")
    link = page.get_by_role("link", name="Voor kinderen")
    for _press in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == "/campagne/kinderen/":
            break
    expect(link).to_be_focused()
    assert page.evaluate("getComputedStyle(document.activeElement).boxShadow") != "none"
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Voor kinderen")
    expect(page.get_by_role("img", name="Kinderen zingen samen in een zaal.")).to_be_attached()

    more = page.get_by_role("link", name="Bekijk ze allemaal in de agenda")
    for _press in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('button-secondary')"):
            break
    expect(more).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url("**/agenda/?doelgroep=kinderen")
    expect(page.get_by_role("link", name="Kinderkoor De Merel zingt")).to_be_visible()


def test_works_without_javascript(browser, site, campaign_page):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{site}/campagne/kinderen/")
    cards = page.locator(".card-title")
    expect(cards).to_have_text(["Open atelier", "Kinderkoor De Merel zingt"])
    page.get_by_role("link", name="Kinderkoor De Merel zingt").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kinderkoor De Merel zingt")
    context.close()
