"""The impact dashboard, its printable report and a provider's results page pass axe (WCAG 2.1
A and AA) at desktop and phone width, and every chart is a named, described image."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory
from tests.helpers import WCAG_21_AA
from tests.impact.editions import impact_editions

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def logged_in(browser, live_server, user, width):
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    return context


def charts_are_named_and_described(page) -> int:
    charts = page.locator("svg.chart")
    for index in range(charts.count()):
        chart = charts.nth(index)
        assert chart.get_attribute("role") == "img"
        title = chart.locator("title").text_content()
        desc = chart.locator("desc").text_content()
        assert title and desc
        # Named by its title alone (a screen reader reads the name first), described by the
        # desc that reads out every value.
        title_id = chart.get_attribute("aria-labelledby")
        desc_id = chart.get_attribute("aria-describedby")
        assert chart.locator(f"title#{title_id}").count() == 1
        assert chart.locator(f"desc#{desc_id}").count() == 1
    return charts.count()


@pytest.mark.parametrize("width", [1280, 390])
def test_impact_pages_pass_axe_and_charts_have_title_and_desc(
    browser, live_server, reference_data, clock, width
):
    known = impact_editions(clock)
    staff = UserFactory(is_staff=True)
    staff.groups.add(Group.objects.get_or_create(name="redactie")[0])
    axe = Axe()
    failures = {}
    pages = [
        (staff, "dashboard", reverse("impact_staff:dashboard") + "?editie=2027"),
        (staff, "report", reverse("impact_staff:report") + "?editie=2027"),
        (known["users"][0], "provider results", reverse("impact:provider_results")),
    ]
    for user, name, url in pages:
        context = logged_in(browser, live_server, user, width)
        page = context.new_page()
        page.goto(live_server.url + url)
        assert page.locator("h1").count() == 1, name
        assert charts_are_named_and_described(page) >= 1, name
        result = axe.run(page, options=WCAG_21_AA)
        if result.violations_count:
            failures[name] = result.generate_report()
        if name == "dashboard":
            # Each chart has its table beside it.
            assert page.locator("svg.chart").count() == page.locator("table.impact-table").count()
        context.close()
    assert not failures, "\n\n".join(f"{name}:\n{report}" for name, report in failures.items())
