"""An activity page reached from a filtered agenda keeps that search (issue 14, item 2)."""

import datetime
import re
from html import unescape

import pytest
from django.urls import reverse

from tests.factories import EDITION_START, THURSDAY, TUESDAY, SessionFactory, local

pytestmark = pytest.mark.django_db

SATURDAY = EDITION_START + datetime.timedelta(days=5)


@pytest.fixture
def choir(agenda):
    """The choir sings on Tuesday, Thursday and Saturday."""
    choir = agenda["choir"]
    first = choir.sessions.get()
    for day in (THURSDAY, SATURDAY):
        SessionFactory(
            activity=choir, venue=first.venue, starts_at=local(day, 15), ends_at=local(day, 16)
        )
    return choir


def _card_link(html, slug):
    match = re.search(rf'href="(/activiteit/{slug}/[^"]*)"', html)
    assert match, "no card links to the activity"
    return unescape(match.group(1))


def _back_link(html):
    match = re.search(r'class="breadcrumb"><a href="([^"]*)"', html)
    return unescape(match.group(1))


def _session_items(html):
    return re.findall(r'<li class="session[^"]*">.*?</li>', html, flags=re.S)


def test_back_link_returns_to_the_filtered_agenda(client, choir):
    agenda_url = reverse("agenda:activity_list") + f"?dag={SATURDAY.isoformat()}&wijk=blerick"
    listing = client.get(agenda_url).content.decode()
    activity_url = _card_link(listing, choir.slug)
    assert "dag=" in activity_url and "wijk=blerick" in activity_url

    page = client.get(activity_url).content.decode()
    back = _back_link(page)
    assert back.startswith(reverse("agenda:activity_list") + "?")
    # The back link shows the very same results as the agenda the visitor came from.
    again = client.get(back).content.decode()
    assert f"{SATURDAY.isoformat()}" in back and "wijk=blerick" in back
    assert re.findall(r"card-title[^>]*><a href=\"([^\"]*)\"", again) == re.findall(
        r"card-title[^>]*><a href=\"([^\"]*)\"", listing
    )


def test_back_link_without_a_search_goes_to_the_whole_agenda(client, choir):
    page = client.get(choir.get_absolute_url()).content.decode()
    assert _back_link(page) == reverse("agenda:activity_list")
    assert "Past bij je zoekopdracht" not in page


def test_the_filtered_days_session_comes_first_and_is_marked(client, choir):
    url = choir.get_absolute_url() + f"?dag={SATURDAY.isoformat()}"
    items = _session_items(client.get(url).content.decode())
    assert len(items) == 3
    assert "za 23 jan" in items[0].lower() or "zaterdag" in items[0].lower()
    assert "session-match" in items[0] and "Past bij je zoekopdracht" in items[0]
    assert all("Past bij je zoekopdracht" not in item for item in items[1:])
    # Without the filter, date order.
    plain = _session_items(client.get(choir.get_absolute_url()).content.decode())
    assert "di 19 jan" in plain[0].lower() or "dinsdag" in plain[0].lower()


def test_page_of_the_agenda_is_kept_and_junk_is_dropped(client, choir):
    url = choir.get_absolute_url() + f"?dag={SATURDAY.isoformat()}&utm_source=x&dag=nonsense"
    back = _back_link(client.get(url).content.decode())
    assert "utm_source" not in back
    assert TUESDAY.isoformat() not in back
