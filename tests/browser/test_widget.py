"""The widget in real Chromium, framed by a page of another site: it shows the provider's
approved activities, asks nothing of any host but ours, and the rest of the site stays unframed."""

import http.server
import threading
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from providers.models import User
from tests.helpers import WCAG_21_AA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-enough-secret-42"


@pytest.fixture
def other_site():
    """Another origin (127.0.0.1 on a port of its own; the live server is localhost): serves
    `other_site.html` at every address."""

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = server.html.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    server.html = ""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_address[1]}/"
    yield server
    server.shutdown()
    server.server_close()


def test_another_site_frames_the_widget_which_asks_only_our_host(browser, site, agenda, other_site):
    provider = agenda["choir"].provider
    other_site.html = (
        "<!doctype html><html lang='en'><head><title>De Merel</title></head><body>"
        "<h1>Our choir</h1>"
        f"<iframe id='widget' src='{site}/widget/{provider.slug}/' title='Week 3'></iframe>"
        f"<iframe id='agenda' src='{site}/agenda/' title='Agenda'></iframe>"
        "</body></html>"
    )
    context = browser.new_context(viewport={"width": 1024, "height": 900}, locale="nl-NL")
    page = context.new_page()
    framed_requests = []

    def record(request):
        if request.frame.parent_frame is not None:
            framed_requests.append(request.url)

    page.on("request", record)
    page.goto(other_site.url)
    assert urlsplit(page.url).netloc != urlsplit(site).netloc  # truly another origin

    widget = page.frame_locator("#widget")
    titles = widget.locator(".widget-title")
    titles.first.wait_for()
    assert [title.splitlines()[0] for title in titles.all_inner_texts()] == [
        "Kinderkoor De Merel zingt"
    ]
    assert "(opent in een nieuw tabblad)" in titles.first.inner_text()  # for screen readers
    assert "Nog 8 plekken" in widget.locator("main").inner_text()
    page.wait_for_load_state("networkidle")

    # Everything the framed pages asked for came from the site itself.
    assert framed_requests
    assert {urlsplit(url).netloc for url in framed_requests} == {urlsplit(site).netloc}
    assert any(url.endswith("/static/css/widget.css") for url in framed_requests)

    # Any other page of the site refuses to be framed: the browser shows nothing of it.
    agenda_frame = page.frame(url=lambda url: url.startswith(f"{site}/agenda/"))
    assert agenda_frame is None or agenda_frame.locator(".site-header").count() == 0

    # A link opens the activity in a new tab, through the tracked link.
    with context.expect_page() as opened:
        widget.locator(".widget-title a").first.click()
    tab = opened.value
    tab.wait_for_load_state()
    assert tab.url == f"{site}{agenda['choir'].get_absolute_url()}"
    assert tab.locator("h1").inner_text() == "Kinderkoor De Merel zingt"
    context.close()


def test_the_widget_and_the_embed_screen_have_no_axe_violations(browser, site, agenda):
    provider = agenda["choir"].provider
    User.objects.create_user(email="koor@example.org", password=PASSWORD, provider=provider)
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    axe = Axe()
    failures = {}

    def check(name):
        result = axe.run(page, options=WCAG_21_AA)
        if result.violations_count:
            failures[name] = result.generate_report()

    for name, url in {
        "provider widget": f"/widget/{provider.slug}/",
        "provider widget in German": f"/de/widget/{provider.slug}/",
        "agenda widget": "/en/widget/agenda/?doelgroep=senioren",
        "widget not found": "/widget/bestaat-niet/",
    }.items():
        page.goto(site + url)
        check(name)
    page.goto(site + "/portaal/inloggen/")
    page.fill("[name=username]", "koor@example.org")
    page.fill("[name=password]", PASSWORD)
    page.click("main [type=submit]")
    page.goto(site + "/portaal/insluiten/?agenda=doelgroep%3Dkinderen")
    assert page.locator("h1").inner_text() == "Op je website zetten"
    page.frame_locator(".widget-preview").first.locator(".widget-title").first.wait_for()
    check("embed screen")
    # With JavaScript, a button copies the code (without, the text area is there to copy).
    page.get_by_role("button", name="Kopieer de code").first.click()
    # The clipboard answers asynchronously: wait for the status to say so.
    expect(page.locator(".copy-status").first).to_have_text(
        "Gekopieerd. Plak het nu in je website."
    )
    context.close()
    assert not failures, "\n\n".join(f"{name}:\n{report}" for name, report in failures.items())
