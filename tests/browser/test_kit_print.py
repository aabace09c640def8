"""The promotion kit in Chromium: the poster prints as exactly one A4 page and the flyer as one
A6 page (long titles too), their QR codes scan from the rendered SVG, and the kit page passes
axe on a wide screen and on a phone."""

import io

import pytest
import zxingcpp
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from playwright.sync_api import expect
from pypdf import PdfReader

from campaign.models import TrackedLink
from providers.models import User
from tests.helpers import WCAG_21_AA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-enough-secret-42"
MM = 72 / 25.4  # PDF points per millimetre
A4 = (210, 297)
A6 = (105, 148)


@pytest.fixture
def portal(browser, site, agenda):
    choir = agenda["choir"]
    User.objects.create_user(email="koor@example.org", password=PASSWORD, provider=choir.provider)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.goto(site + "/portaal/inloggen/")
    page.fill("[name=username]", "koor@example.org")
    page.fill("[name=password]", PASSWORD)
    page.click("main [type=submit]")
    page.wait_for_url(site + "/portaal/")
    yield page
    context.close()


def pages_of(pdf: bytes) -> list[tuple[float, float]]:
    """Each page's size in millimetres."""
    reader = PdfReader(io.BytesIO(pdf))
    return [
        (round(float(p.mediabox.width) / MM), round(float(p.mediabox.height) / MM))
        for p in reader.pages
    ]


def scan(png: bytes) -> list[str]:
    with Image.open(io.BytesIO(png)) as image:
        return [result.text for result in zxingcpp.read_barcodes(image.convert("L"))]


@pytest.mark.parametrize(
    "title",
    [
        "Kinderkoor De Merel zingt",
        "Zingen, swingen en springen met het grote kinderkoor van de Muziekschool Venlo en hun "
        "vrienden uit Blerick",
    ],
)
def test_poster_and_flyer_print_as_exactly_one_page(portal, site, agenda, title):
    choir = agenda["choir"]
    choir.title = title
    choir.save()
    # In another language than the browser's, the page also offers the visitor's language (a
    # pointer at the top): it stays off the paper.
    for prefix in ("", "/de"):
        for name, size in [("poster", A4), ("flyer", A6)]:
            portal.goto(f"{site}{prefix}/portaal/activiteiten/{choir.pk}/promotie/{name}/")
            assert title in portal.locator(".sheet-title").inner_text()
            pdf = portal.pdf(prefer_css_page_size=True, print_background=True)
            assert pages_of(pdf) == [size], (prefix, name)
    portal.goto(f"{site}/en/portaal/promotie/poster/")
    assert pages_of(portal.pdf(prefer_css_page_size=True)) == [A4]


def test_the_printed_qr_code_and_the_svg_download_scan_to_the_link(portal, site, agenda):
    choir = agenda["choir"]
    for name in ("poster", "flyer"):
        portal.goto(f"{site}/portaal/activiteiten/{choir.pk}/promotie/{name}/")
        link = TrackedLink.objects.get(activity=choir, channel=name)
        expected = [f"https://week3.example.org/r/{link.code}"]
        portal.emulate_media(media="print")
        assert scan(portal.locator(".sheet .qr").screenshot()) == expected, name
        portal.emulate_media(media="screen")
    # The SVG file itself, drawn by Chromium.
    response = portal.request.get(
        f"{site}/portaal/activiteiten/{choir.pk}/promotie/qr/?kanaal=social&formaat=svg"
    )
    link = TrackedLink.objects.get(activity=choir, channel="social")
    portal.set_content(f"<body style='margin:0'>{response.text()}</body>")
    assert scan(portal.locator("svg").screenshot()) == [f"https://week3.example.org/r/{link.code}"]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_kit_pages_have_no_axe_violations(portal, site, agenda, width):
    choir = agenda["choir"]
    portal.set_viewport_size({"width": width, "height": 900})
    axe = Axe()
    failures = {}
    for name, url in {
        "provider kit": "/portaal/promotie/",
        "activity kit": f"/portaal/activiteiten/{choir.pk}/promotie/",
        "poster": f"/portaal/activiteiten/{choir.pk}/promotie/poster/",
        "flyer": f"/en/portaal/activiteiten/{choir.pk}/promotie/flyer/",
    }.items():
        portal.goto(site + url)
        result = axe.run(portal, options=WCAG_21_AA)
        if result.violations_count:
            failures[name] = result.generate_report()
        # Nothing wider than the screen.
        assert portal.evaluate("document.documentElement.scrollWidth") <= width, name
    assert not failures, "\n\n".join(f"{name}:\n{report}" for name, report in failures.items())


def test_a_text_is_copied_with_one_click(portal, site, agenda):
    choir = agenda["choir"]
    portal.context.grant_permissions(["clipboard-read", "clipboard-write"])
    portal.goto(f"{site}/portaal/activiteiten/{choir.pk}/promotie/")
    portal.get_by_role("button", name="Kopiëren: WhatsApp-bericht (Nederlands)").click()
    # The clipboard answers asynchronously: wait for the button to say so.
    expect(portal.locator(".kit-copied").filter(has_text="Gekopieerd")).to_have_count(1)
    copied = portal.evaluate("navigator.clipboard.readText()")
    assert copied == portal.locator("#text-nl-whatsapp").input_value()
    assert "Kinderkoor De Merel zingt" in copied
