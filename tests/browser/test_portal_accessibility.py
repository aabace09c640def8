"""axe-core (WCAG 2.1 A and AA) finds no violation on the portal's pages."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings

from providers.models import Provider, User, Venue
from providers.services import token_link
from providers.tokens import verification_tokens
from tests.factories import NOW, ReservationFactory, SessionFactory
from tests.helpers import WCAG_21_AA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-enough-secret-42"
HOUR = datetime.timedelta(hours=1)


def test_portal_pages_have_no_axe_violations(browser, site, agenda, clock):
    activity = agenda["hidden"]["draft"]
    SessionFactory(activity=activity)
    User.objects.create_user(email="p@example.org", password=PASSWORD, provider=activity.provider)
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    axe = Axe()
    failures = {}

    def check(name):
        result = axe.run(page, options=WCAG_21_AA)
        if result.violations_count:
            failures[name] = result.generate_report()

    unconfirmed = User.objects.create_user(
        email="nieuw@example.org", provider=activity.provider, email_verified_at=None
    )
    confirm = token_link(unconfirmed, "portal:verify", verification_tokens)
    for name, url in {
        "sign up": "/portaal/aanmelden/",
        "login": "/portaal/inloggen/",
        "password reset": "/portaal/wachtwoord-vergeten/",
    }.items():
        page.goto(site + url)
        check(name)
    page.click("main [type=submit]")
    check("password reset with errors")
    page.goto(site + confirm.removeprefix(settings.SITE_URL))
    assert page.locator("h1").inner_text() == "Bevestig je e-mailadres"
    check("confirm the address")
    page.goto(site + "/portaal/inloggen/")
    page.fill("[name=username]", "p@example.org")
    page.fill("[name=password]", PASSWORD)
    page.click("main [type=submit]")
    pages = {
        "dashboard": "/portaal/",
        "organisation": "/portaal/organisatie/",
        "organisation preview": "/portaal/organisatie/voorbeeld/",
        "colleagues": "/portaal/collegas/",
        "venues": "/portaal/locaties/?q=zaal",
        "venues from the activity form": "/portaal/locaties/?q=zaal&next=%2Fportaal%2F",
        "new venue": "/portaal/locaties/nieuw/",
        "new venue from the activity form": "/portaal/locaties/nieuw/?next=%2Fportaal%2F",
        "new activity": "/portaal/activiteiten/nieuw/",
        "edit activity": f"/portaal/activiteiten/{activity.pk}/",
        "preview": f"/portaal/activiteiten/{activity.pk}/voorbeeld/",
        "withdraw": f"/portaal/activiteiten/{activity.pk}/intrekken/",
        "password change": "/portaal/wachtwoord-wijzigen/",
        "activity in German": "/de/portaal/activiteiten/nieuw/",
    }
    for name, url in pages.items():
        page.goto(site + url)
        check(name)
    page.goto(site + "/portaal/activiteiten/nieuw/")
    page.click("[name=save]")
    check("activity form with errors")
    page.goto(site + "/portaal/organisatie/")
    page.fill("[name=facebook]", "https://www.instagram.com/koor")
    page.click("main form.portal-form [type=submit]")
    check("organisation with errors")
    # An approved organisation's change waits for review: the form says so.
    page.fill("[name=facebook]", "")
    page.fill("[name=name]", "Een nieuwe naam")
    page.click("main form.portal-form [type=submit]")
    check("organisation with changes waiting for review")
    # A venue another provider's public activity uses: only staff change it.
    studio = agenda["studio"].sessions.first().venue
    Venue.objects.filter(pk=studio.pk).update(added_by=activity.provider)
    page.goto(site + f"/portaal/locaties/{studio.pk}/")
    check("shared venue")
    # The attendance list of a session under way, so marking and walk-ins are open.
    today = SessionFactory(activity=activity, starts_at=NOW + HOUR, ends_at=NOW + 2 * HOUR)
    ReservationFactory(
        session=today, name="Anna", email="anna@example.org", party_size=2, consent_contact=True
    )
    ReservationFactory(session=today, name="Bram", email="bram@example.org")
    clock.move_to(today.starts_at + datetime.timedelta(minutes=1))
    page.goto(site + f"/portaal/tijden/{today.pk}/aanmeldingen/")
    check("attendance list")
    page.click(".attendance-actions button >> nth=0")
    check("attendance list after marking")
    page.fill("[name=walk_ins]", "-1")
    page.click("main form.portal-form [type=submit]")
    check("walk-ins with errors")
    page.emulate_media(media="print")
    check("attendance list printed")
    page.emulate_media(media="screen")
    # Before approval, no new venues.
    Provider.objects.filter(pk=activity.provider_id).update(status=Provider.Status.PENDING)
    page.goto(site + "/portaal/locaties/nieuw/")
    check("new venue before approval")
    context.close()
    assert not failures, "\n\n".join(f"{name}:\n{report}" for name, report in failures.items())


def test_kept_form_and_unconfirmed_login_have_no_axe_violations(
    browser, site, agenda, tmp_path, settings
):
    from PIL import Image

    settings.MEDIA_ROOT = tmp_path / "media"
    activity = agenda["hidden"]["draft"]
    User.objects.create_user(email="p@example.org", password=PASSWORD, provider=activity.provider)
    User.objects.create_user(
        email="nieuw@example.org",
        password=PASSWORD,
        provider=activity.provider,
        is_active=False,
        email_verified_at=None,
    )
    photo = tmp_path / "foto.jpg"
    Image.new("RGB", (800, 600), (80, 30, 120)).save(photo, "JPEG")
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    axe = Axe()
    failures = {}

    def check(name):
        result = axe.run(page, options=WCAG_21_AA)
        if result.violations_count:
            failures[name] = result.generate_report()

    page.goto(site + "/portaal/inloggen/")
    page.fill("[name=username]", "nieuw@example.org")
    page.fill("[name=password]", PASSWORD)
    page.click("main form.portal-form [type=submit]")
    assert page.get_by_text("Bevestig eerst je e-mailadres").is_visible()
    check("login of an unconfirmed account")
    page.goto(site + "/portaal/bevestiging-opnieuw/")
    check("send the confirmation link again")
    page.goto(site + "/portaal/inloggen/")
    page.fill("[name=username]", "p@example.org")
    page.fill("[name=password]", PASSWORD)
    page.click("main form.portal-form [type=submit]")
    page.goto(site + "/portaal/activiteiten/nieuw/")
    page.set_input_files("[name=upload]", str(photo))
    page.click("[name=save]")
    assert page.locator(".photo-thumb img").count() == 1
    check("activity form with a kept photo and errors")
    page.click("[name=more_rows]")
    check("activity form after more rows")
    context.close()
    assert not failures, "\n\n".join(f"{name}:\n{report}" for name, report in failures.items())
