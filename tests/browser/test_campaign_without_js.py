"""The promotion kit, the embed screen and the reach pages in real Chromium with JavaScript
switched off: each shows its content, every link and download on it answers, its forms
submit; the kit speaks English under /en/ and German under /de/."""

from urllib.parse import urljoin

import pytest
from django.contrib.auth.models import Permission

from campaign.models import CampaignPage, TrackedLink
from campaign.services.links import tracked_link_create
from providers.models import User
from tests.factories import UserFactory
from tests.helpers import link_visits

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-enough-secret-42"


@pytest.fixture
def world(agenda, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    choir = agenda["choir"]
    User.objects.create_user(email="koor@example.org", password=PASSWORD, provider=choir.provider)
    staff = UserFactory(email="redactie@example.org", is_staff=True)
    staff.set_password(PASSWORD)
    staff.save()
    staff.user_permissions.add(Permission.objects.get(codename="view_linkvisitday"))
    CampaignPage.objects.create(
        edition=choir.edition, slug="kinderen", title="Voor kinderen", is_published=True
    )
    link = tracked_link_create(
        edition=choir.edition,
        channel="poster",
        provider=choir.provider,
        activity=choir,
        label="Poster in de bibliotheek",
    )
    link_visits(link, 12, 7)
    return agenda


@pytest.fixture
def no_js(browser):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}, locale="nl-NL"
    )
    page = context.new_page()
    yield page
    context.close()


def log_in(page, site, email, url="/portaal/inloggen/"):
    page.goto(site + url)
    page.fill("[name=username]", email)
    page.fill("[name=password]", PASSWORD)
    page.click("form [type=submit]" if "beheer" in url else "main [type=submit]")


def check_links(page, scope: str) -> int:
    """Every link and image inside `scope` answers 200 with content (with the page's login)."""
    hrefs = page.locator(f"{scope} a[href]").evaluate_all("all => all.map(a => a.href)")
    srcs = page.locator(f"{scope} img[src], {scope} iframe[src]").evaluate_all(
        "all => all.map(e => e.src)"
    )
    targets = sorted({urljoin(page.url, url).split("#")[0] for url in [*hrefs, *srcs]})
    targets = [url for url in targets if url and url != page.url.split("#")[0]]
    for url in targets:
        response = page.request.get(url)
        assert response.status == 200, url
        assert response.body(), url
    return len(targets)


def test_the_kits_work_without_javascript(no_js, site, world):
    choir = world["choir"]
    log_in(no_js, site, "koor@example.org")
    no_js.wait_for_url(site + "/portaal/")
    for url in ["/portaal/promotie/", f"/portaal/activiteiten/{choir.pk}/promotie/"]:
        no_js.goto(site + url)
        assert no_js.locator("h1").inner_text().startswith("Promotiekit")
        assert no_js.locator("#kit-links").inner_text() == "Links en QR-codes"
        assert "/r/" in no_js.locator("#link-poster").input_value()
        embed = no_js.locator("#embed-code").input_value()
        assert embed.startswith("<iframe src=") and f"/widget/{choir.provider.slug}/" in embed
        social = no_js.locator("#text-nl-social").input_value()
        assert "/r/" in social
        # QR codes (SVG, PNG) for every channel, the share images and their downloads, the
        # poster and the flyer.
        assert check_links(no_js, ".kit") >= 4 * 2 + 3 + 9 + 2
        no_js.click("text=Poster (A4)")
        assert no_js.locator("svg").count() >= 1
        assert "/r/" in no_js.locator("main").inner_text()


@pytest.mark.parametrize(
    ("prefix", "heading", "section", "label", "print_button"),
    [
        ("/en", "Promotion kit for", "Links and QR codes", "Short link for", "Poster (A4)"),
        ("/de", "Werbepaket für", "Links und QR-Codes", "Kurzer Link für", "Plakat (A4)"),
    ],
)
def test_the_kit_speaks_the_pages_language(
    no_js, site, world, prefix, heading, section, label, print_button
):
    log_in(no_js, site, "koor@example.org")
    no_js.wait_for_url(site + "/portaal/")
    no_js.goto(f"{site}{prefix}/portaal/promotie/")
    assert no_js.locator("html").get_attribute("lang") == prefix[1:]
    assert no_js.locator("h1").inner_text().startswith(heading)
    assert no_js.locator("#kit-links").inner_text() == section
    assert no_js.locator("label[for=link-poster]").inner_text().startswith(label)
    assert no_js.get_by_role("link", name=print_button).count() == 1
    main = no_js.locator("main").inner_text()
    for dutch in ["Links en QR-codes", "Teksten om te kopiëren", "Code voor je website"]:
        assert dutch not in main


def test_the_reach_pages_work_without_javascript(no_js, site, world):
    log_in(no_js, site, "koor@example.org")
    no_js.wait_for_url(site + "/portaal/")
    no_js.goto(site + "/portaal/bereik/")
    assert no_js.locator("h1").inner_text() == "Bereik van je promotie"
    assert "Poster in de bibliotheek" in no_js.locator("main").inner_text()
    assert no_js.locator("main table").count() >= 1
    check_links(no_js, "main")
    no_js.context.clear_cookies()

    log_in(no_js, site, "redactie@example.org", "/beheer/login/")
    no_js.goto(site + "/beheer/bereik/")
    assert no_js.locator("#content h1").inner_text() == "Bereik van de campagne"
    assert "Poster in de bibliotheek" in no_js.locator("#content").inner_text()
    # The CSV downloads and the other editions' links answer.
    assert check_links(no_js, "#content") >= 4
    csv = no_js.request.get(site + "/beheer/bereik/links.csv")
    assert csv.headers["content-type"].startswith("text/csv")
    assert "Poster in de bibliotheek" in csv.text()


def test_the_embed_screen_and_the_link_form_work_without_javascript(no_js, site, world):
    log_in(no_js, site, "koor@example.org")
    no_js.wait_for_url(site + "/portaal/")
    no_js.goto(site + "/portaal/insluiten/")
    assert no_js.locator("h1").inner_text() == "Op je website zetten"
    no_js.select_option("[name=taal]", "en")
    no_js.fill("[name=agenda]", f"{site}/agenda/?doelgroep=senioren")
    no_js.click("text=Toon de code")
    assert "doelgroep%3Dsenioren" in no_js.url
    code = no_js.locator("#embed-agenda-code").input_value()
    assert "/en/widget/agenda/?doelgroep=senioren" in code
    assert no_js.locator("iframe.widget-preview").count() == 3
    check_links(no_js, "main")

    no_js.goto(site + "/portaal/links/nieuw/")
    no_js.check("[name=target][value=page]")
    no_js.select_option("[name=campaign_page]", label="Voor kinderen")
    no_js.check("[name=channel][value=flyer]")
    no_js.click("main form.portal-form [type=submit]")
    assert no_js.locator(".field-error").count() == 0, no_js.locator("main").inner_text()
    no_js.wait_for_url(site + "/portaal/links/")
    assert "Voor kinderen" in no_js.locator("main").inner_text()
    assert TrackedLink.objects.filter(page__slug="kinderen", channel="flyer").exists()
