"""A provider signs up, staff approve, the provider submits an activity, staff approve it."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from PIL import Image
from playwright.sync_api import expect

from agenda.models import Activity
from outbox.services import mail_send_due
from providers.models import User
from tests.factories import THURSDAY, TUESDAY, WEDNESDAY, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-enough-secret-42"


@pytest.fixture
def moderator(site):
    user = UserFactory(email="redactie@example.org", is_staff=True, password=PASSWORD)
    group, _ = Group.objects.get_or_create(name="redactie")
    if not group.permissions.exists():
        import importlib

        from django.db import connection
        from django.db.migrations.loader import MigrationLoader

        name = "0010_moderation_groups"
        state = MigrationLoader(connection).project_state(("agenda", name))
        importlib.import_module(f"agenda.migrations.{name}").create(state.apps, None)
    user.groups.add(Group.objects.get(name="redactie"))
    return user


@pytest.fixture
def page(browser, site):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


def photo(tmp_path):
    path = tmp_path / "choir.jpg"
    Image.new("RGB", (1200, 800), (80, 30, 120)).save(path, "JPEG")
    return str(path)


def admin_login(page, site, user):
    page.goto(f"{site}/beheer/login/")
    page.fill("[name=username]", user.email)
    page.fill("[name=password]", PASSWORD)
    page.click("[type=submit]")


def admin_action(page, site, changelist, title, action):
    page.goto(f"{site}/beheer/{changelist}/")
    page.get_by_role("row").filter(has_text=title).get_by_role("checkbox").check()
    page.select_option("[name=action]", action)
    page.click("[name=index]")


def fill_session(page, index, day, venue_label):
    page.select_option(f"[name=sessions-{index}-day]", day.isoformat())
    page.fill(f"[name=sessions-{index}-start]", "19:00")
    page.fill(f"[name=sessions-{index}-end]", "20:30")
    page.select_option(f"[name=sessions-{index}-venue]", label=venue_label)
    page.fill(f"[name=sessions-{index}-capacity]", "12")


def log_in(page, site, email):
    page.goto(f"{site}/en/portaal/inloggen/")
    page.fill("[name=username]", email)
    page.fill("[name=password]", PASSWORD)
    page.click("main [type=submit]")


def create_activity(page, site, tmp_path, title):
    page.goto(f"{site}/en/portaal/activiteiten/nieuw/")
    page.fill("main [name=title]", title)
    page.fill("main [name=description]", "Sing along with our choir, no experience needed.")
    page.get_by_label("Singing").check()
    page.get_by_role("checkbox", name="Adults").check()
    page.set_input_files("[name=upload]", photo(tmp_path))
    page.fill("[name=image_alt]", "The choir on stage")
    venue = "Zaal De Kring – Kerkstraat 2, Venlo"
    for index, day in enumerate([TUESDAY, WEDNESDAY, THURSDAY]):
        fill_session(page, index, day, venue)
    page.click("[name=preview]")
    expect(page.locator(".preview-banner")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator(".session")).to_have_count(3)
    page.get_by_role("link", name="Back to editing").click()


def test_sign_up_approve_submit_approve_public(page, site, moderator, tmp_path):
    page.goto(f"{site}/en/portaal/aanmelden/")
    page.fill("[name=organisation]", "Gemengd Koor Tegelen")
    page.select_option("[name=kind]", "association")
    page.fill("[name=first_name]", "Mia")
    page.fill("[name=email]", "mia@example.org")
    page.fill("[name=password]", PASSWORD)
    page.click("main [type=submit]")
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()
    mail_send_due()  # the worker sends the confirmation link, never the request itself
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    page.goto(site + link.split("week3.example.org", 1)[1])
    page.click("main form [type=submit]")  # confirming is a POST, not the link's GET
    expect(page.get_by_text("The municipality still checks your organisation")).to_be_visible()

    staff = page.context.browser.new_context(locale="en-GB").new_page()
    admin_login(staff, site, moderator)
    admin_action(
        staff, site, "providers/pendingprovider", "Gemengd Koor Tegelen", "approve_providers"
    )
    expect(staff.locator(".messagelist")).to_contain_text("1")

    create_activity(page, site, tmp_path, "Open repetitie Gemengd Koor")
    page.click("[name=submit]")
    expect(page.get_by_text("The municipality checks your activity")).to_be_visible()
    assert Activity.objects.get(title="Open repetitie Gemengd Koor").state == "submitted"

    staff.goto(f"{site}/beheer/")
    expect(staff.locator("#moderation-queues")).to_contain_text("1")
    admin_action(staff, site, "agenda/submittedactivity", "Open repetitie Gemengd Koor", "approve")
    expect(staff.locator(".messagelist")).to_contain_text("1")

    page.goto(f"{site}/en/agenda/")
    expect(page.get_by_role("link", name="Open repetitie Gemengd Koor")).to_be_visible()
    srcset = page.locator("img[srcset]").first.get_attribute("srcset")
    assert "480w" in srcset
    staff.context.close()


def test_request_changes_edit_and_approve_again(page, site, moderator, tmp_path, agenda):
    provider = agenda["choir"].provider
    user = User.objects.create_user(email="koor@example.org", password=PASSWORD, provider=provider)
    log_in(page, site, user.email)
    create_activity(page, site, tmp_path, "Zingen voor iedereen")
    page.click("[name=submit]")

    staff = page.context.browser.new_context(locale="en-GB").new_page()
    admin_login(staff, site, moderator)
    admin_action(staff, site, "agenda/submittedactivity", "Zingen voor iedereen", "request_changes")
    staff.fill("[name=message]", "Please say which songs you sing.")
    staff.click("#content [type=submit]")

    page.goto(f"{site}/en/portaal/")
    expect(page.get_by_text("Please say which songs you sing.")).to_be_visible()
    page.get_by_role("link", name="Zingen voor iedereen", exact=True).click()
    page.fill("main [name=description]", "We sing pop songs and old Limburg songs.")
    page.click("[name=submit]")

    admin_action(staff, site, "agenda/submittedactivity", "Zingen voor iedereen", "approve")
    page.goto(f"{site}/en/agenda/")
    page.get_by_role("link", name="Zingen voor iedereen").click()
    expect(page.get_by_text("old Limburg songs")).to_be_visible()
    staff.context.close()
