"""Visits through a tracked link are counted once per browser per day, buffered; a reservation
made in that browser within REFERRAL_DAYS carries the link, also after the retention purge."""

import datetime
import time

import pytest
from django.db.models import Sum

from agenda.models import Channel, Reservation
from agenda.services.scheduled import reservations_purge
from campaign.models import LinkVisitDay, TrackedLink
from campaign.services import visits
from campaign.services.links import tracked_link_create
from tests.factories import NOW, THURSDAY, SessionFactory, local
from tests.helpers import form_data, form_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def link(agenda):
    return tracked_link_create(
        edition=agenda["edition"],
        channel=TrackedLink.Channel.FLYER,
        provider=agenda["choir"].provider,
        activity=agenda["choir"],
    )


@pytest.fixture
def session(agenda):
    """A session late in the week, still open whichever day of the test a resident reserves."""
    return SessionFactory(
        activity=agenda["choir"], starts_at=local(THURSDAY, 19), ends_at=local(THURSDAY, 21)
    )


def visits_on(link, day=None) -> int:
    visits.link_visits_flush()
    rows = LinkVisitDay.objects.filter(link=link)
    if day:
        rows = rows.filter(day=day)
    return rows.aggregate(total=Sum("visits"))["total"] or 0


def test_one_visit_per_browser_per_day(visitor, link, clock):
    assert visitor.get(f"/r/{link.code}").status_code == 302
    assert visitor.get(f"/r/{link.code}").status_code == 302
    assert visits_on(link) == 1
    clock.shift(datetime.timedelta(days=1))
    visitor.get(f"/r/{link.code}")
    visitor.get(f"/r/{link.code}")
    assert visits_on(link, NOW.date() + datetime.timedelta(days=1)) == 1
    assert visits_on(link) == 2


def test_each_browser_counts(client, link):
    for _browser in range(3):
        client.cookies.clear()
        client.get(f"/r/{link.code}", headers={"user-agent": "Mozilla/5.0 Firefox/130.0"})
    assert visits_on(link) == 3


def test_two_links_in_one_browser_count_each(visitor, agenda, link):
    other = tracked_link_create(edition=agenda["edition"], channel=TrackedLink.Channel.POSTER)
    for code in (link.code, other.code, link.code, other.code):
        visitor.get(f"/r/{code}")
    assert visits_on(link) == 1
    assert visits_on(other) == 1


@pytest.mark.parametrize(
    "agent",
    [
        "",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "WhatsApp/2.23.20.0",
        "facebookexternalhit/1.1",
        "curl/8.5.0",
    ],
)
def test_crawlers_and_previews_are_sent_on_but_not_counted(client, link, agent):
    response = client.get(f"/r/{link.code}", headers={"user-agent": agent})
    assert response.status_code == 302
    assert visits_on(link) == 0


def test_a_head_request_is_not_counted(visitor, link):
    assert visitor.head(f"/r/{link.code}").status_code == 302
    assert visits_on(link) == 0


def test_the_cookie_holds_codes_and_a_day_only(visitor, link, settings):
    response = visitor.get(f"/r/{link.code}")
    cookie = response.cookies[settings.REFERRAL_COOKIE]
    assert cookie.value == f"{NOW:%Y%m%d}.{link.code}.{link.code}"
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] == 7 * 24 * 60 * 60


def test_the_cookie_is_secure_with_production_settings(visitor, link, settings):
    settings.SESSION_COOKIE_SECURE = True
    response = visitor.get(f"/r/{link.code}")
    assert response.cookies[settings.REFERRAL_COOKIE]["secure"] is True


def test_visits_wait_in_the_buffer_until_a_flush(visitor, link, monkeypatch):
    monkeypatch.setattr(visits, "_last_flush", time.monotonic())  # just written
    monkeypatch.setattr(visits, "FLUSH_SECONDS", 3600)
    visitor.get(f"/r/{link.code}")
    assert visits.link_visits_pending() == 1
    assert not LinkVisitDay.objects.exists()
    assert visits.link_visits_flush() == 1
    assert LinkVisitDay.objects.get(link=link).visits == 1
    assert visits.link_visits_pending() == 0


def test_a_finished_request_writes_the_buffer_once_a_second_has_passed(visitor, link, monkeypatch):
    monkeypatch.setattr(visits, "FLUSH_SECONDS", 0)
    visitor.get(f"/r/{link.code}")  # written when its answer has gone out
    assert visits.link_visits_pending() == 0
    assert LinkVisitDay.objects.get(link=link).visits == 1


def test_flushes_add_up(link):
    day = NOW.date()
    for _visit in range(3):
        visits.link_visit_record(link_id=link.pk, day=day)
    visits.link_visits_flush()
    visits.link_visit_record(link_id=link.pk, day=day)
    visits.link_visits_flush()
    assert LinkVisitDay.objects.get(link=link, day=day).visits == 4


def test_visits_of_a_removed_link_are_dropped(agenda, link):
    visits.link_visit_record(link_id=link.pk, day=NOW.date())
    link.delete()
    assert visits.link_visits_flush() == 1  # written away without an error
    assert not LinkVisitDay.objects.exists()


def reserve_via_form(browser, session, n=1, **extra):
    response = browser.post(form_url(session), form_data(n, **extra))
    assert response.status_code == 302, response.content.decode()[:2000]
    return Reservation.objects.get(email=f"bewoner{n}@example.org")


def test_a_reservation_in_that_browser_carries_the_link(visitor, link, session):
    visitor.get(f"/r/{link.code}")
    assert reserve_via_form(visitor, session).referral_code == link.code


def test_a_reservation_six_days_later_still_carries_the_link(visitor, link, session, clock):
    visitor.get(f"/r/{link.code}")
    clock.shift(datetime.timedelta(days=6))
    assert reserve_via_form(visitor, session).referral_code == link.code


def test_a_reservation_after_seven_days_carries_no_link(visitor, link, session, clock):
    visitor.get(f"/r/{link.code}")
    clock.shift(datetime.timedelta(days=8))
    assert reserve_via_form(visitor, session).referral_code == ""


def test_the_last_link_followed_is_the_one_carried(visitor, agenda, link, session):
    other = tracked_link_create(edition=agenda["edition"], channel=TrackedLink.Channel.SOCIAL)
    visitor.get(f"/r/{link.code}")
    visitor.get(f"/r/{other.code}")
    assert reserve_via_form(visitor, session).referral_code == other.code


def test_another_browser_carries_nothing(client, visitor, link, session):
    visitor.get(f"/r/{link.code}")
    assert reserve_via_form(client, session).referral_code == ""


def test_a_forged_cookie_is_ignored(client, session, settings):
    client.cookies[settings.REFERRAL_COOKIE] = f"{NOW:%Y%m%d}.<script>.x"
    assert reserve_via_form(client, session).referral_code == ""


def test_link_and_how_you_heard_survive_the_purge(visitor, link, session, settings, clock):
    heard = Channel.objects.first()
    visitor.get(f"/r/{link.code}")
    reservation = reserve_via_form(visitor, session, channel=str(heard.pk))
    assert (reservation.referral_code, reservation.channel) == (link.code, heard)
    later = session.ends_at + datetime.timedelta(days=settings.RESERVATION_RETENTION_DAYS + 1)
    assert reservations_purge(now=later) >= 1
    reservation.refresh_from_db()
    assert reservation.email == "" and reservation.anonymised_at
    assert (reservation.referral_code, reservation.channel) == (link.code, heard)


@pytest.mark.parametrize(
    ("prefix", "words"),
    [
        ("", "Korte links op posters en flyers"),
        ("/en", "Short links on posters and flyers"),
        ("/de", "Kurze Links auf Plakaten und Flyern"),
    ],
)
def test_the_privacy_page_explains_the_link_cookie(client, agenda, settings, prefix, words):
    html = client.get(f"{prefix}/privacy/").content.decode()
    assert words in html
    assert settings.REFERRAL_COOKIE in html
