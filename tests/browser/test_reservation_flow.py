"""A resident on a phone reserves from the activity page, then cancels through the e-mail link."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import translation
from playwright.sync_api import expect

from agenda.models import Reservation

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_reserve_on_a_phone_and_cancel_from_the_email(phone, site, agenda, settings):
    page = phone
    choir = agenda["choir"]
    with translation.override("en"):
        page.goto(site + choir.get_absolute_url())
    page.get_by_role("link", name=re.compile("^Reserve for free")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reserve your free spot")

    page.get_by_label("Your name").fill("Anna de Vries")
    page.get_by_label("Your e-mail address").fill("anna@example.org")
    page.get_by_label("How many people are coming").select_option("2")
    # Both opt-ins start unticked; the honeypot is out of sight.
    expect(page.get_by_label("The organiser may e-mail me", exact=False)).not_to_be_checked()
    expect(page.locator("input[name=website]")).not_to_be_in_viewport()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_role("button", name="Reserve my free spot").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your spot is reserved!")
    reservation = Reservation.objects.get(email="anna@example.org")
    assert (reservation.state, reservation.party_size) == ("confirmed", 2)

    (message,) = [m for m in mail.outbox if m.to == ["anna@example.org"]]
    link = re.search(r"https://week3\.example\.org(/\S+/reservering/\S+/)", message.body).group(1)
    page.goto(site + link)
    expect(page.get_by_role("heading", level=1)).to_have_text("You have a spot")
    reservation.refresh_from_db()
    assert reservation.state == "confirmed"  # opening the link cancels nothing

    page.get_by_role("button", name="Cancel my reservation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cancel your reservation?")
    reservation.refresh_from_db()
    assert reservation.state == "confirmed"  # it asks first
    page.get_by_role("button", name="Yes, cancel my reservation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your reservation is cancelled")
    reservation.refresh_from_db()
    assert reservation.state == "cancelled"
    choir_session = choir.sessions.get()
    choir_session.refresh_from_db()
    assert choir_session.places_booked == 2  # the fixture's two, ours freed again
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.hosts == {urlsplit(site).netloc}
