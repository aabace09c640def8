"""A short reservation form, and changing one's mind safely (issue 14, item 3)."""

import re

import pytest
from django.core import mail
from django.utils import translation

from agenda.models import Activity, Reservation
from agenda.services.errors import ReservationError
from agenda.services.reservations import reservation_cancel, reservation_reduce
from outbox.services import mail_send_due
from tests.factories import ActivityFactory, SessionFactory, reserve
from tests.helpers import assert_counters_match, form_data, form_url

pytestmark = pytest.mark.django_db


def english(reservation):
    with translation.override("en"):
        return reservation.personal_path()


def _fold(html, fold_id="optional-questions"):
    return re.search(rf'<details class="fold" id="{fold_id}"[^>]*>', html).group()


# The form.


def test_the_party_size_question_fits_whether_parents_stay(client, reference_data):
    stay = SessionFactory(activity=ActivityFactory())
    drop_off = SessionFactory(activity=ActivityFactory(parents_stay=Activity.ParentsStay.DROP_OFF))
    assert (
        "How many people are coming, you included?"
        in client.get(form_url(stay, "en")).content.decode()
    )
    html = client.get(form_url(drop_off, "en")).content.decode()
    assert "How many children are you signing up?" in html
    assert "do not count yourself" in html
    assert "you included" not in html
    # In Dutch too.
    assert "Hoeveel kinderen meld je aan?" in client.get(form_url(drop_off)).content.decode()


def test_optional_questions_and_privacy_are_folded(client, session):
    html = client.get(form_url(session, "en")).content.decode()
    assert " open" not in _fold(html)
    optional = html.split('id="optional-questions"', 1)[1].split("</details>", 1)[0]
    for name in ("age_bracket", "postcode", "channel", "consent_contact", "consent_followup"):
        assert f'name="{name}"' in optional
    assert re.search(r'<details class="fold privacy-note">\s*<summary>What we do', html)
    # The button comes after the folds, not after pages of text: only summaries between.
    assert html.index('type="submit"') > html.index("privacy-note")


def test_an_error_inside_the_fold_opens_it_and_keeps_the_values(client, session):
    data = form_data(1, postcode="5912 AB", channel="999999", age_bracket="")
    response = client.post(form_url(session, "en"), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert " open" in _fold(html)
    assert 'value="5912 AB"' in html
    assert 'value="Bewoner 1"' in html
    # An error outside the fold leaves it closed, with its values still there.
    response = client.post(form_url(session, "en"), form_data(1, email="", postcode="5912 AB"))
    html = response.content.decode()
    assert " open" not in _fold(html)
    assert 'value="5912 AB"' in html


# Cancelling asks first.


def test_cancelling_asks_for_confirmation(client, session):
    reservation = reserve(session, 1, party_size=2)
    response = client.post(english(reservation), {"action": "cancel"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cancel your reservation?" in html
    assert "Yes, cancel my reservation" in html
    reservation.refresh_from_db()
    assert reservation.state == Reservation.State.CONFIRMED  # nothing happened yet

    response = client.post(english(reservation), {"action": "cancel", "confirm": "yes"})
    assert response.status_code == 302
    reservation.refresh_from_db()
    assert reservation.state == Reservation.State.CANCELLED
    assert_counters_match(session)


@pytest.fixture
def cancelled(session):
    """A place cancelled from the e-mail's link while the personal page is open in another tab."""
    reservation = reserve(session, 1)
    reservation_cancel(reservation=reservation)
    mail.outbox.clear()
    return reservation


def test_a_cancelled_place_is_not_offered_for_cancelling_again(client, cancelled):
    html = client.post(english(cancelled), {"action": "cancel"}).content.decode()
    assert "Cancel your reservation?" not in html
    assert "Yes, cancel my reservation" not in html
    assert "Your reservation is cancelled" in html


def test_cancelling_a_cancelled_place_claims_no_e_mail(
    client, cancelled, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(english(cancelled), {"action": "cancel", "confirm": "yes"}, follow=True)
    assert mail.outbox == []  # nothing was sent …
    assert "We have sent you an e-mail to confirm" not in done.content.decode()  # … nor said


# Coming with fewer people.


def test_lowering_the_party_size_gives_the_freed_places_to_the_waiting_list(client, session):
    mail.outbox.clear()
    big = reserve(session, 1, party_size=4)  # 4 of 5
    waiting = reserve(session, 2, party_size=3)  # waits
    assert waiting.state == Reservation.State.WAITING
    page = client.get(english(big)).content.decode()
    assert "Coming with fewer people?" in page
    assert re.findall(r'<option value="(\d+)"', page) == ["1", "2", "3"]

    response = client.post(english(big), {"action": "fewer", "party_size": "2"})
    assert response.status_code == 302
    big.refresh_from_db()
    waiting.refresh_from_db()
    assert (big.state, big.party_size) == (Reservation.State.CONFIRMED, 2)
    assert waiting.state == Reservation.State.CONFIRMED  # 2 + 3 = 5 fit now
    assert_counters_match(session)
    assert "fewer people now" in client.get(response["Location"]).content.decode()

    mail_send_due()
    to_big = [m for m in mail.outbox if m.to == ["bewoner1@example.org"]]
    assert any("Fewer people" in m.subject or "Minder personen" in m.subject for m in to_big)
    assert any(m.to == ["bewoner2@example.org"] for m in mail.outbox)


def test_a_waiting_party_that_shrinks_may_get_in(session):
    reserve(session, 1, party_size=4)
    waiting = reserve(session, 2, party_size=3)
    promoted = reservation_reduce(reservation=waiting, party_size=1)
    assert promoted == [waiting]
    waiting.refresh_from_db()
    assert (waiting.state, waiting.party_size) == (Reservation.State.CONFIRMED, 1)
    assert_counters_match(session)


@pytest.mark.parametrize("size", [0, 2, 3])
def test_the_party_size_can_only_go_down(session, size):
    reservation = reserve(session, 1, party_size=2)
    with pytest.raises(ReservationError):
        reservation_reduce(reservation=reservation, party_size=size)
    reservation.refresh_from_db()
    assert reservation.party_size == 2
    assert_counters_match(session)


def test_a_party_of_one_is_not_offered_fewer(client, session):
    reservation = reserve(session, 1)
    assert "Coming with fewer people?" not in client.get(english(reservation)).content.decode()


def test_fewer_people_with_a_number_of_thousands_of_digits_changes_nothing(client, session):
    """Refused as any number that is not fewer (int() would fail on it): the page again."""
    reservation = reserve(session, 1, party_size=2)
    response = client.post(english(reservation), {"action": "fewer", "party_size": "9" * 5000})
    assert response.status_code == 409
    assert "Coming with fewer people?" in response.content.decode()
    reservation.refresh_from_db()
    assert reservation.party_size == 2
