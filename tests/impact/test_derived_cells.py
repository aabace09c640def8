"""No hidden cell can be worked out from the shown ones: rates beside their hidden counts,
"came" and "did not come" beside "booked", the totals beside the headline, and the tables that
add up another table's rows (priority neighbourhoods, link channels)."""

import datetime

import pytest
from django.utils import translation

from agenda.models import Session
from impact.figures import edition_dashboard
from impact.figures.breakdowns import visitor_tables
from impact.figures.scope import Scope
from impact.figures.tables import build
from tests.factories import (
    EDITION_START,
    ActivityFactory,
    EditionFactory,
    SessionFactory,
    local,
    reserve,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def texts(table) -> dict[str, list[str]]:
    return {str(row[0]): [str(cell) for cell in row[1:]] for row in table.rows}


def offer_row(offered, booked, limited, participants, reported, conversions):
    return {
        "activities": 1,
        "offered": offered,
        "booked": booked,
        "booked_limited": limited,
        "participants": participants,
        "participants_reported": reported,
        "conversions": conversions,
        "age_known": 0,
        "age_inside": 0,
    }


def test_a_rate_is_hidden_with_the_count_it_stands_for():
    # Y's places booked (12) and participants (12) are hidden to protect X's 3; its places
    # booked within the places offered (6) and participants with numbers (12) are not. Shown,
    # the fill rate and the conversion rate would be the way back to the hidden cells.
    table = build(
        "t",
        "T",
        [
            ("X", offer_row(10, 3, 3, 3, 3, 5)),
            ("Y", offer_row(10, 12, 6, 12, 12, 6)),
            ("Z", offer_row(40, 30, 20, 30, 30, 10)),
            ("W", offer_row(10, 40, 5, 40, 40, 10)),
            ("V", offer_row(50, 50, 50, 50, 5, 10)),
        ],
        offer=True,
        total=False,
    )
    # activities, offered, booked, fill rate, participants, went on, conversion rate, fit
    y = texts(table)["Y"]
    assert y[2] == "≥ 5"  # booked
    assert y[3] == "hidden"  # fill rate
    assert y[4] == "≥ 5"  # participants
    assert y[6] == "hidden"  # conversion rate


def test_came_and_did_not_come_are_hidden_together():
    # All marked: 10 booked = 7 came + 3 did not. "7" beside "10" gives the 3 away.
    table = build(
        "t",
        "T",
        [
            ("A", {"reservations": 10, "booked": 10, "attended": 7, "no_show": 3}),
            ("B", {"reservations": 40, "booked": 40, "attended": 30, "no_show": 10}),
            ("C", {"reservations": 40, "booked": 40, "attended": 32, "no_show": 8}),
        ],
        offer=False,
        total=True,
    )
    # reservations, places, came, did not come, no-show rate
    assert texts(table)["A"] == ["10", "10", "≥ 5", "< 5", "hidden"]


def test_table_totals_hide_what_the_headline_hides(known):
    # 26 came with a reservation and 3 walked in: the headline hides both (participants minus
    # came would give the walk-ins). A table total showing 26 would do the same.
    first = known["sessions"][0]
    Session.objects.filter(pk__in=[s.pk for s in known["sessions"]]).update(walk_ins=0)
    Session.objects.filter(pk=first.pk).update(walk_ins=3)
    dashboard = edition_dashboard(known["edition"])
    headline = {figure.key: figure.now for figure in dashboard.figures}
    assert headline["attended"].hidden and headline["walk_ins"].hidden
    for table in dashboard.tables:
        if table.total is None or table.columns[-1].key != "no_show_rate":
            continue
        index = table.column_index("attended")
        assert table.total[index].hidden, table.slug
        # Nor do the table's shown cells add up to the hidden total.
        assert any(row[index].hidden for row in table.rows), table.slug


def test_districts_cannot_be_worked_out_from_the_priority_table(reference_data):
    # Klingerberg 3 and Vastenavondkamp 9 (priority neighbourhoods), Blerick 40, Tegelen 6.
    # The priority table shows 12: with Vastenavondkamp's 9 shown, Klingerberg's 3 follows.
    edition = EditionFactory(year=2030)
    session = SessionFactory(
        activity=ActivityFactory(edition=edition),
        starts_at=local(EDITION_START + datetime.timedelta(days=2), 14),
        capacity=None,
    )
    n = 0
    for postcode, people in [("5923AB", 3), ("5925AB", 9), ("5921AB", 40), ("5931AB", 6)]:
        for _ in range(people):
            n += 1
            reserve(session, n, postcode=postcode)
    tables = {table.slug: table for table in visitor_tables(Scope(edition))}
    assert texts(tables["priority"])["Priority neighbourhood"][:2] == ["12", "12"]
    districts = texts(tables["district"])
    assert districts["Klingerberg"][:2] == ["< 5", "< 5"]
    assert districts["Vastenavondkamp"][:2] == ["≥ 5", "≥ 5"]


def test_links_cannot_be_worked_out_from_the_link_channel_table(reference_data):
    # Posters: links of 3 and 9 reservations; flyers: 20 and 6. The link-channel table shows
    # 12 for posters: with the 9 shown, the 3 follows.
    from agenda.models import Reservation
    from campaign.models import TrackedLink

    edition = EditionFactory(year=2030)
    activity = ActivityFactory(edition=edition)
    session = SessionFactory(
        activity=activity,
        starts_at=local(EDITION_START + datetime.timedelta(days=2), 14),
        capacity=None,
    )
    n = 0
    for code, channel, people in [
        ("post01", "poster", 3),
        ("post02", "poster", 9),
        ("flye01", "flyer", 20),
        ("flye02", "flyer", 6),
    ]:
        TrackedLink.objects.create(
            code=code, edition=edition, provider=activity.provider, channel=channel
        )
        made = []
        for _ in range(people):
            n += 1
            made.append(reserve(session, n).pk)
        Reservation.objects.filter(pk__in=made).update(referral_code=code)
    tables = {table.slug: table for table in visitor_tables(Scope(edition))}
    assert texts(tables["link-channel"])["Poster"][0] == "12"
    links = texts(tables["link"])
    # made by, channel, visits, reservations …
    assert links["post01"][3] == "< 5"
    assert links["post02"][3] == "≥ 5"


def test_a_sum_the_priority_table_hides_is_not_the_sum_of_shown_districts(reference_data):
    # No postcode 3, Vastenavondkamp 10 (priority), Blerick 6 and Tegelen 30. The priority
    # table hides the 3 and, to protect it, the priority neighbourhoods' 10. The district table
    # hides the 3 and Blerick's 6 (the smallest); showing Vastenavondkamp's 10 would give the
    # priority sum back, and with it the 3 (total − other − priority).
    edition = EditionFactory(year=2030)
    session = SessionFactory(
        activity=ActivityFactory(edition=edition),
        starts_at=local(EDITION_START + datetime.timedelta(days=2), 14),
        capacity=None,
    )
    n = 0
    for postcode, people in [("", 3), ("5925AB", 10), ("5921AB", 6), ("5931AB", 30)]:
        for _ in range(people):
            n += 1
            reserve(session, n, postcode=postcode)
    tables = {table.slug: table for table in visitor_tables(Scope(edition))}
    assert texts(tables["priority"])["Priority neighbourhood"][0] == "≥ 5"
    assert texts(tables["district"])["Vastenavondkamp"][0] == "≥ 5"
