"""axe-core (WCAG 2.1 A and AA) finds no violation on any public page type."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from providers.models import Provider
from tests.helpers import WCAG_21_AA

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def page_urls(agenda):
    choir = agenda["choir"]
    return {
        "home": "/",
        "agenda": "/agenda/",
        "agenda filtered": "/agenda/?doelgroep=kinderen&leeftijd=8&wijk=blerick",
        "agenda empty": "/agenda/?q=zzzzzz",
        "agenda empty with suggestions": "/agenda/?doelgroep=senioren&wijk=blerick",
        "agenda sorted by free places": "/agenda/?sorteer=plekken&q=dinsdag",
        "agenda ignored filter": "/agenda/?leeftijd=-3&page=999",
        "activity": choir.get_absolute_url(),
        "activity walk-in": agenda["studio"].get_absolute_url(),
        "activity from a filtered agenda": choir.get_absolute_url() + "?dag=2027-01-19",
        "favourites (none yet)": "/favorieten/",
        "provider": choir.provider.get_absolute_url(),
        "not found": "/activiteit/bestaat-niet/",
        "unreadable address": "/agenda/?q=%00",
        "agenda in German": "/de/agenda/?plek=on",
        "home in German": "/de/",
        "activity in English": f"/en/activiteit/{choir.slug}/",
        "accessibility statement": "/en/toegankelijkheid/",
        "colophon": "/colofon/",
        "privacy statement in German": "/de/privacy/",
    }


@pytest.mark.parametrize("width", [390, 1280])
def test_public_pages_have_no_axe_violations(browser, site, agenda, width):
    # The choir's provider with every link, so the contact list and provider card have them all.
    Provider.objects.filter(pk=agenda["choir"].provider_id).update(
        website="https://www.demerel.example/",
        facebook="https://www.facebook.com/demerel",
        instagram="https://www.instagram.com/demerel",
        other_link="https://www.youtube.com/@demerel",
    )
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    axe = Axe()
    failures = {}
    for name, url in page_urls(agenda).items():
        page.goto(site + url)
        if width >= 1000 or "filtered" in name:
            page.evaluate("document.querySelector('.filter-panel')?.setAttribute('open', '')")
            page.evaluate("document.querySelector('.subscribe-top')?.setAttribute('open', '')")
        result = axe.run(page, options=WCAG_21_AA)
        if result.violations_count:
            failures[name] = result.generate_report()
    context.close()
    assert not failures, "\n\n".join(f"{name}:\n{report}" for name, report in failures.items())
