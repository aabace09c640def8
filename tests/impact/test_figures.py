"""Every figure of the dashboard on editions with known numbers (tests/impact/conftest.py)."""

import pytest
from django.utils import translation

from agenda.models import Reservation
from campaign.models import LinkVisitDay, TrackedLink
from impact.figures import edition_dashboard, provider_results

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def shown(dashboard) -> dict:
    return {figure.key: figure for figure in dashboard.figures}


def test_every_headline_figure_is_exact(known):
    figures = shown(edition_dashboard(known["edition"]))
    now = {key: str(figure.now) for key, figure in figures.items()}
    assert now == {
        "providers": "3",
        "activities": "3",
        "sessions": "4",
        "offered": "40",
        "reservations": "28",
        "booked": "32",
        "fill_rate": "65%",  # 26 places booked in sessions with a limit / 40
        "attended": "26",
        "no_show": "6",
        "no_show_rate": "19%",  # 6 / (26 + 6) = 18.75 %
        "walk_ins": "11",
        "participants": "37",
        "conversions": "9",
        "conversion_rate": "30%",  # 9 / (16 + 14) participants of activities with numbers
        "audience_fit": "88%",  # 22 of the 25 who came and gave an age
        "sent": "10",
        "answered": "6",
        "response_rate": "60%",
        "score": "4.2",  # 25 / 6
    }
    assert figures["fill_rate"].now.numerator == 26
    assert figures["fill_rate"].now.denominator == 40
    assert figures["no_show_rate"].now.value == 6 / 32
    assert figures["conversion_rate"].now.value == 9 / 30
    assert figures["audience_fit"].now.value == 22 / 25
    assert figures["score"].now.value == 25 / 6


def test_comparison_with_the_previous_edition(known):
    dashboard = edition_dashboard(known["edition"])
    assert dashboard.previous == known["previous"]
    figures = shown(dashboard)
    before = {key: str(figure.before) for key, figure in figures.items()}
    assert before["reservations"] == "20"
    assert before["fill_rate"] == "67%"  # 20 / 30
    assert before["no_show_rate"] == "25%"
    assert before["participants"] == "20"
    assert before["conversions"] == "< 5"  # 2: hidden, and so is its rate
    assert before["conversion_rate"] == "hidden"
    change = {key: str(figure.change) for key, figure in figures.items()}
    assert change["reservations"] == "+8"
    assert change["participants"] == "+17"
    assert change["fill_rate"] == "−2 pt"
    assert change["no_show_rate"] == "−6 pt"
    assert change["conversions"] == "hidden"
    assert change["providers"] == "+2"


def test_the_oldest_edition_has_nothing_to_compare_with(known):
    dashboard = edition_dashboard(known["previous"])
    assert dashboard.previous is None
    assert all(figure.before is None for figure in dashboard.figures)


def test_breakdowns_add_up_per_row(known):
    dashboard = edition_dashboard(known["edition"])
    audience = dashboard.table("audience")
    rows = {str(row[0]): [str(cell) for cell in row[1:]] for row in audience.rows}
    # activities, offered, booked, fill rate, participants, went on, conversion rate, fit
    # Went on: 6, 0 and 3; the 0 and the 3 are hidden (under 5), and the 6 with them: the
    # headline's 9 minus a shown 6 would give the 3 away.
    # Booked within the places offered: 16, 10 and 0, the 0 plain to see (no places were
    # offered), so it hides nothing. Fit: 13 of 14, 4 of 6 (hidden) and 5 of 5 (hidden too).
    assert rows["Children"] == ["1", "20", "16", "80%", "16", "≥ 5", "hidden", "93%"]
    assert rows["Adults"] == ["1", "20", "10", "50%", "7", "< 5", "hidden", "hidden"]
    assert rows["Not given"] == ["1", "0", "6", "–", "14", "< 5", "hidden", "hidden"]
    kinds = dashboard.table("provider-kind")
    kind_rows = {str(row[0]): [str(cell) for cell in row[1:]] for row in kinds.rows}
    assert kind_rows["Amateur association"][:5] == ["2", "40", "26", "65%", "23"]
    assert kind_rows["Music or arts school"][:5] == ["1", "0", "6", "–", "14"]
    language = dashboard.table("language")
    lang_rows = {str(row[0]): [str(cell) for cell in row[1:]] for row in language.rows}
    # reservations, places, came, did not come, no-show rate; "came" is hidden with "did not
    # come" (booked 10 = came 7 + did not come 3 once every reservation is marked).
    assert lang_rows["German"] == ["10", "10", "≥ 5", "< 5", "hidden"]
    assert lang_rows["Dutch"] == ["12", "16", "≥ 5", "< 5", "hidden"]
    assert [str(cell) for cell in language.total[1:]] == ["28", "32", "26", "6", "19%"]


def test_a_provider_sees_its_own_figures_and_no_aggregate_of_one_other(known):
    p1 = known["providers"][0]
    results = provider_results(known["edition"], p1)
    own = {figure.key: str(figure.now) for figure in results.own}
    assert own["activities"] == "1"
    assert own["participants"] == "16"
    assert own["conversion_rate"] == "38%"  # 6 / 16
    # One other association (Dansclub Swing): no comparison, it would be Swing's figures.
    assert results.kind is None
    assert {figure.key: str(figure.before) for figure in results.own}["participants"] == "20"


def test_tracked_links_and_their_channels(known):
    swing = known["providers"][1]
    link = TrackedLink.objects.create(
        code="swing2", edition=known["edition"], provider=swing, channel="poster", label="Zaal"
    )
    LinkVisitDay.objects.create(link=link, day=known["edition"].starts_on, visits=40)
    # The Swingen session's 10 reservations (7 came, 3 did not) came through the poster; the
    # 7 is hidden with the 3, or the 10 booked would give the 3 back.
    Reservation.objects.filter(session=known["sessions"][2]).update(referral_code="swing2")
    dashboard = edition_dashboard(known["edition"])
    links = {str(row[0]): [str(cell) for cell in row[1:]] for row in dashboard.table("link").rows}
    # made by, channel, visits, reservations, places, came, did not come, no-show rate
    assert links["swing2 Zaal"] == [
        "Dansclub Swing",
        "Poster",
        "40",
        "10",
        "10",
        "≥ 5",
        "< 5",
        "hidden",
    ]
    assert links["No tracked link"][3:6] == ["18", "22", "≥ 5"]  # its 3 did not come
    channels = dashboard.table("link-channel")
    by_channel = {str(row[0]): [str(cell) for cell in row[1:4]] for row in channels.rows}
    assert by_channel == {"Poster": ["10", "10", "≥ 5"], "Not given": ["18", "22", "≥ 5"]}
