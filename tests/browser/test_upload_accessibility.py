"""axe-core (WCAG 2.1 A and AA) on what a refused upload shows: the form with its message, and
the "too large" page."""

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image

from providers.models import User
from tests.helpers import WCAG_21_AA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-enough-secret-42"


def test_refused_uploads_have_no_axe_violations(browser, site, agenda, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    provider = agenda["choir"].provider
    User.objects.create_user(email="p@example.org", password=PASSWORD, provider=provider)
    buffer = io.BytesIO()
    Image.new("RGBA", (6000, 6000), (20, 120, 200, 255)).save(buffer, "PNG")
    poster = {"name": "poster.png", "mimeType": "image/png", "buffer": buffer.getvalue()}
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    page.goto(site + "/portaal/inloggen/")
    page.fill("[name=username]", "p@example.org")
    page.fill("[name=password]", PASSWORD)
    page.click("main [type=submit]")
    axe = Axe()
    failures = {}

    def upload_and_check(name):
        page.goto(site + "/portaal/organisatie/")
        page.set_input_files("[name=upload]", poster)
        page.click("main form.portal-form [type=submit]")
        result = axe.run(page, options=WCAG_21_AA)
        if result.violations_count:
            failures[name] = result.generate_report()
        return page.content()

    assert "megapixel" in upload_and_check("organisation with a photo refused")
    settings.REQUEST_MAX_BYTES = 10_000
    assert "Dit is te groot om te versturen" in upload_and_check("too large")
    context.close()
    assert not failures, "\n\n".join(f"{name}:\n{report}" for name, report in failures.items())
