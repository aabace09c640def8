"""A volunteer finishes the activity form in one go, in real Chromium: the chosen photo stays
across a validation error and "more rows", a new venue is added mid-form without losing the
title, the preview has no link that answers 404, required fields are marked; and an
unconfirmed account is told to confirm first, with a button to send the link again."""

import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.core import mail
from PIL import Image
from playwright.sync_api import expect

from outbox.services import mail_send_due
from providers.models import Provider, User
from tests.factories import TUESDAY, WEDNESDAY

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-enough-secret-42"
VENUE = "Zaal De Kring – Kerkstraat 2, Venlo"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def volunteer(agenda):
    provider = agenda["choir"].provider
    Provider.objects.filter(pk=provider.pk).update(status=Provider.Status.APPROVED)
    return User.objects.create_user(email="koor@example.org", password=PASSWORD, provider=provider)


def _context(browser, javascript=True):
    return browser.new_context(locale="en-GB", java_script_enabled=javascript)


def _log_in(page, site, email):
    page.goto(f"{site}/en/portaal/inloggen/")
    page.fill("[name=username]", email)
    page.fill("[name=password]", PASSWORD)
    page.click("main form.portal-form [type=submit]")


def _photo(tmp_path):
    path = tmp_path / "choir.jpg"
    Image.new("RGB", (1200, 800), (80, 30, 120)).save(path, "JPEG")
    return str(path)


def _thumbnail(page):
    return page.locator(".photo-thumb img")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_photo_survives_an_error_and_more_rows(browser, site, volunteer, tmp_path, javascript):
    context = _context(browser, javascript)
    page = context.new_page()
    _log_in(page, site, volunteer.email)
    page.goto(f"{site}/en/portaal/activiteiten/nieuw/")
    page.fill("main [name=title]", "Open repetitie")
    page.set_input_files("[name=upload]", _photo(tmp_path))
    page.fill("[name=image_alt]", "The choir on stage")
    # No description, no times: the form comes back with messages, and the photo.
    page.click("[name=save]")
    expect(page.get_by_text("Some fields need your attention")).to_be_visible()
    expect(_thumbnail(page)).to_have_attribute("src", re.compile(r"/pending/\w+-480\.jpg$"))
    expect(_thumbnail(page)).to_have_attribute("alt", "The choir on stage")
    expect(page.locator("main [name=title]")).to_have_value("Open repetitie")
    # More rows: without JavaScript the page comes back at the new rows, photo kept.
    page.click("[name=more_rows]")
    expect(page.locator("[data-session-row]")).to_have_count(6 if not javascript else 4)
    expect(_thumbnail(page)).to_be_visible()
    if not javascript:
        assert page.url.endswith("#time-4")
    page.fill("main [name=description]", "Sing along.")
    page.get_by_role("checkbox", name="Singing").check()
    page.get_by_role("checkbox", name="Adults").check()
    page.select_option("[name=sessions-3-day]", TUESDAY.isoformat())
    page.fill("[name=sessions-3-start]", "19:00")
    page.fill("[name=sessions-3-end]", "20:30")
    page.select_option("[name=sessions-3-venue]", label=VENUE)
    page.fill("[name=sessions-3-capacity]", "12")
    page.click("[name=save]")
    expect(page.get_by_text("Saved. Nobody else sees this draft yet.")).to_be_visible()
    activity = volunteer.provider.activities.get(title="Open repetitie")
    assert activity.image.name.startswith("activities/")
    assert activity.sessions.count() == 1
    # The saved photo shows as a thumbnail, not as a file name.
    expect(_thumbnail(page)).to_have_attribute("src", re.compile(r"/activities/\w+-480\.jpg$"))
    expect(page.get_by_text(activity.image.name)).to_have_count(0)
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_new_venue_mid_form_keeps_the_title(browser, site, volunteer, javascript):
    context = _context(browser, javascript)
    page = context.new_page()
    _log_in(page, site, volunteer.email)
    page.goto(f"{site}/en/portaal/activiteiten/nieuw/")
    page.fill("main [name=title]", "Zingen in de nieuwe zaal")
    page.select_option("[name=sessions-0-day]", WEDNESDAY.isoformat())
    page.fill("[name=sessions-0-start]", "19:00")
    page.click("[name=add_venue]")
    page.get_by_role("link", name="Add a venue").click()
    page.fill("[name=name]", "Zaal Nieuw")
    page.fill("[name=street]", "Kloosterstraat 9")
    page.fill("[name=postcode]", "5921 AA")
    page.fill("[name=city]", "Venlo")
    page.click("main form.portal-form [type=submit]")
    expect(page.locator("main [name=title]")).to_have_value("Zingen in de nieuwe zaal")
    expect(page.locator("[name=sessions-0-day]")).to_have_value(WEDNESDAY.isoformat())
    expect(page.locator("[name=sessions-0-start]")).to_have_value("19:00")
    expect(page.locator("[name=sessions-0-venue] option:checked")).to_have_text(
        "Zaal Nieuw – Kloosterstraat 9, Venlo"
    )
    expect(page.get_by_text("Some fields need your attention")).to_have_count(0)
    assert not volunteer.provider.activities.filter(title="Zingen in de nieuwe zaal").exists()
    context.close()


def test_no_link_on_the_preview_answers_404(browser, site, volunteer, agenda):
    activity = agenda["hidden"]["draft"]
    activity.provider = volunteer.provider
    activity.save()
    context = _context(browser)
    page = context.new_page()
    _log_in(page, site, volunteer.email)
    preview = f"{site}/en/portaal/activiteiten/{activity.pk}/voorbeeld/"
    page.goto(preview)
    expect(page.locator(".preview-banner")).to_be_visible()
    expect(page.get_by_role("button", name="Reserve for free")).to_be_disabled()
    links = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    local = {
        link.split("#")[0]
        for link in (urljoin(preview, href) for href in links)
        if urlsplit(link).netloc == urlsplit(site).netloc
    }
    assert len(local) > 5
    dead = [link for link in sorted(local) if page.request.get(link).status == 404]
    assert dead == []
    page.get_by_role("button", name="Send to the municipality").click()
    expect(page.get_by_text("The municipality checks your activity")).to_be_visible()
    context.close()


def test_required_fields_are_marked(browser, site, volunteer):
    context = _context(browser)
    page = context.new_page()
    _log_in(page, site, volunteer.email)
    page.goto(f"{site}/en/portaal/activiteiten/nieuw/")
    expect(page.get_by_label("Title (required)")).to_be_visible()
    expect(page.get_by_label("Description (required)")).to_be_visible()
    expect(page.get_by_label("What to bring", exact=False)).not_to_have_accessible_name(
        re.compile("required")
    )
    context.close()


def test_an_unconfirmed_login_gets_confirm_first_and_a_resend_button(browser, site, agenda):
    context = _context(browser)
    page = context.new_page()
    page.goto(f"{site}/en/portaal/aanmelden/")
    expect(page.locator("[name=kind] option:checked")).to_have_text("Choose…")
    page.fill("[name=organisation]", "Gemengd Koor Tegelen")
    page.select_option("[name=kind]", "association")
    page.fill("[name=first_name]", "Mia")
    page.fill("[name=email]", "mia@example.org")
    page.fill("[name=password]", PASSWORD)
    page.click("main form.portal-form [type=submit]")
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()
    mail_send_due()
    mail.outbox.clear()
    _log_in(page, site, "mia@example.org")
    expect(page.get_by_text("Confirm your e-mail address first")).to_be_visible()
    page.get_by_role("button", name="Send the confirmation link again").click()
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()
    assert mail_send_due() == (1, 0)
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    page.goto(site + urlsplit(link).path)
    page.click("main form [type=submit]")
    expect(page.get_by_text("Your e-mail address is confirmed")).to_be_visible()
    context.close()
