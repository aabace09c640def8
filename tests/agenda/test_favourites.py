"""Favourites in a cookie, without an account or JavaScript (issue 14, item 4)."""

import pytest
from django.test import Client
from icalendar import Calendar

from agenda.favourites import COOKIE

pytestmark = pytest.mark.django_db

SAVE = "/favorieten/bewaar/"


@pytest.fixture
def browser_client():
    """As a browser without JavaScript: CSRF checks on, the Origin header a form post sends."""
    return Client(enforce_csrf_checks=True, HTTP_ORIGIN="http://testserver")


def test_save_from_the_cached_activity_page_without_javascript(browser_client, agenda):
    choir, dance = agenda["choir"], agenda["dance"]
    page = browser_client.get(choir.get_absolute_url()).content.decode()
    assert f'action="{SAVE}"' in page and f'name="activity" value="{choir.slug}"' in page

    response = browser_client.post(SAVE, {"activity": choir.slug})
    assert response.status_code == 302
    assert browser_client.cookies[COOKIE].value == str(choir.pk)
    browser_client.post(SAVE, {"activity": dance.slug})
    assert "Bewaard" in browser_client.get(response["Location"]).content.decode()
    html = browser_client.get("/favorieten/").content.decode()
    assert choir.title in html and dance.title in html
    assert html.index(dance.title) < html.index(choir.title)  # newest first

    browser_client.post(SAVE, {"activity": choir.slug, "remove": "1"})
    html = browser_client.get("/favorieten/").content.decode()
    assert choir.title not in html and dance.title in html


def test_the_public_page_shows_nothing_of_the_visitors_favourites(client, agenda):
    choir = agenda["choir"]
    before = client.get(choir.get_absolute_url()).content
    client.cookies[COOKIE] = str(choir.pk)
    assert client.get(choir.get_absolute_url()).content == before
    assert b"csrfmiddlewaretoken" not in before


def test_another_site_cannot_save_favourites(agenda):
    choir = agenda["choir"]
    other = Client(HTTP_ORIGIN="https://evil.example.com")
    assert other.post(SAVE, {"activity": choir.slug}).status_code == 403
    cross = Client(HTTP_SEC_FETCH_SITE="cross-site")
    assert cross.post(SAVE, {"activity": choir.slug}).status_code == 403
    assert COOKIE not in other.cookies and COOKIE not in cross.cookies


def test_hidden_activities_and_junk_in_the_cookie_are_ignored(client, agenda):
    hidden = agenda["hidden"]["draft"]
    client.cookies[COOKIE] = f"{agenda['choir'].pk}.x.999999.{hidden.pk}"
    html = client.get("/favorieten/").content.decode()
    assert agenda["choir"].title in html
    assert hidden.title not in html
    assert client.post(SAVE, {"activity": "no-such-activity"}).status_code == 404


@pytest.mark.parametrize("which", ["draft", "rejected", "other_edition", "pending_provider"])
def test_removed_names_only_a_public_activity_of_this_edition(client, agenda, which):
    hidden = agenda["hidden"][which]
    assert hidden.title not in client.get(f"/favorieten/?weg={hidden.slug}").content.decode()
    choir = agenda["choir"]
    html = client.get(f"/favorieten/?weg={choir.slug}").content.decode()
    assert f"Verwijderd: {choir.title}." in html


def test_the_programme_prints_and_exports_as_ics(client, agenda):
    choir, studio = agenda["choir"], agenda["studio"]
    client.cookies[COOKIE] = f"{choir.pk}.{studio.pk}"
    html = client.get("/favorieten/").content.decode()
    assert "/favorieten/programma.ics" in html
    assert 'class="no-print' in html  # buttons stay off the printed programme
    response = client.get("/favorieten/programma.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    summaries = {str(event["summary"]) for event in calendar.walk("VEVENT")}
    assert any(choir.title in s for s in summaries) and any(studio.title in s for s in summaries)
    assert len(calendar.walk("VEVENT")) == choir.sessions.count() + studio.sessions.count()


def test_the_privacy_page_says_what_the_cookie_holds(client, agenda):
    html = client.get("/en/privacy/").content.decode()
    assert "week3_favorieten" in html
    assert "only the numbers of the activities" in html


def test_a_saved_title_is_marked_with_its_language(browser_client, agenda):
    choir, dance = agenda["choir"], agenda["dance"]
    dance.title_en = "Try-out dance class"
    dance.save()
    response = browser_client.post(f"/en{SAVE}", {"activity": choir.slug})
    html = browser_client.get(response["Location"]).content.decode()
    assert f'Saved: <span lang="nl">{choir.title}</span>.' in html
    response = browser_client.post(f"/en{SAVE}", {"activity": dance.slug})
    html = browser_client.get(response["Location"]).content.decode()
    assert "Saved: Try-out dance class." in html
