"""Small counts never show, on the page or in the CSV, and no total gives one away."""

import csv
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from agenda.models import Reservation
from campaign.models import TrackedLink
from campaign.suppression import Count, suppress
from impact.figures import edition_dashboard
from tests.factories import ProviderFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, known):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="beheer"))
    client.force_login(user)
    return client


def row(html: str, label: str) -> list[str]:
    """The cells of the table row headed `label` (the first such row on the page)."""
    match = re.search(rf'<th scope="row">{re.escape(label)}</th>(.*?)</tr>', html, re.S)
    assert match, label
    return re.findall(r"<td[^>]*>(.*?)</td>", match.group(1))


def csv_rows(response) -> dict[str, list[str]]:
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    return {cells[0]: cells[1:] for cells in rows[1:]}


def test_small_counts_show_as_under_five_in_html_and_csv(staff_client):
    # By district: Blerick 8 reservations (2 did not come), Venlo-Centrum 4 (8 places),
    # no postcode 16: 28 in all.
    page = staff_client.get(reverse("impact_staff:dashboard"), {"editie": "2027"})
    html = page.content.decode()
    assert row(html, "Venlo-Centrum")[0] == "&lt; 5"
    csv_page = staff_client.get(reverse("impact_staff:table_csv", args=["district"]))
    rows = csv_rows(csv_page)
    assert rows["Venlo-Centrum"][0] == "< 5"
    # Did not come: 2 in Blerick, hidden, and the share made from it too.
    assert rows["Blerick"][3] == "< 5"
    assert rows["Blerick"][4] not in ("25%", "")
    assert "4" not in rows["Venlo-Centrum"]


def test_a_cell_the_total_would_give_away_is_hidden_too(staff_client):
    # Shown, Blerick's 8 and the 16 without a postcode would give Venlo-Centrum's 4 away
    # from the total of 28: so Blerick's count is hidden as well, as "≥ 5" (it is 8).
    html = staff_client.get(reverse("impact_staff:dashboard")).content.decode()
    assert row(html, "Blerick")[0] == "≥ 5"
    rows = csv_rows(staff_client.get(reverse("impact_staff:table_csv", args=["district"])))
    assert rows["Blerick"][0] == "≥ 5"
    assert rows["Totaal"][0] == "28"


def test_every_breakdown_column_leaves_no_single_hidden_cell(known):
    dashboard = edition_dashboard(known["edition"])
    for table in dashboard.tables:
        for index, column in enumerate(table.columns):
            if column.kind != "count":
                continue
            # Blank: a row the column does not apply to.
            cells = [row[index] for row in table.rows if row[index] != ""]
            hidden = [cell for cell in cells if cell.hidden]
            # One row alone: its total is the same count, hidden by the same rule. Else the
            # hidden cells hold 5 or more together (or nothing is left shown).
            assert len(hidden) != 1 or len(cells) == 1, (table.slug, column.key)
            if hidden and len(hidden) < len(cells):
                assert sum(cell.value for cell in hidden) >= 5, (table.slug, column.key)
            assert all(cell.value >= 5 or cell.hidden for cell in cells)


def test_a_zero_is_hidden_like_any_count_under_five():
    # "0" beside "< 5" would tell which group someone is in; hidden like any small count.
    assert [str(c) for c in suppress([0, 20, 30], with_total=False)] == ["< 5", "20", "30"]


def test_csv_cells_cannot_run_as_formulas(staff_client, known):
    maker = ProviderFactory(name="=HYPERLINK(1)")
    TrackedLink.objects.create(
        code="abc234", edition=known["edition"], provider=maker, channel="poster"
    )
    Reservation.objects.filter(session=known["sessions"][2]).update(referral_code="abc234")
    rows = csv_rows(staff_client.get(reverse("impact_staff:table_csv", args=["link"])))
    assert rows["abc234"][0] == "'=HYPERLINK(1)"


def test_the_provider_page_hides_small_counts(client, known):
    # The music school: 1 of its 6 did not come.
    client.force_login(known["users"][1])
    with translation.override("nl"):
        html = client.get(reverse("impact:provider_results")).content.decode()
    assert row(html, "Niet gekomen")[0] == "&lt; 5"


def test_hidden_cells_hold_at_least_five_together_beside_a_total():
    # 3 and 0 hidden, 20 and 30 shown: the total 53 minus 50 gives their sum, 3, away. So the
    # smallest shown cell is hidden too, until the hidden ones hold 5 or more together.
    assert [str(c) for c in suppress([3, 0, 20, 30])] == ["< 5", "< 5", "≥ 5", "30"]
    # Two small ones that hold 5 together need no third.
    assert [str(c) for c in suppress([3, 2, 20, 30])] == ["< 5", "< 5", "20", "30"]
    # Nothing small: nothing hidden. Nothing left to show: all hidden.
    assert [str(c) for c in suppress([7, 20])] == ["7", "20"]
    assert [str(c) for c in suppress([1, 0])] == ["< 5", "< 5"]
    # Without a total, only the small ones.
    assert [str(c) for c in suppress([3, 0, 20], with_total=False)] == ["< 5", "< 5", "20"]


def test_a_large_count_hidden_to_protect_another_reads_at_least_five():
    # The 7 is hidden only so the total cannot give the 3 back: "< 5" would be untrue.
    assert [str(c) for c in suppress([3, 7, 20, 30])] == ["< 5", "≥ 5", "20", "30"]
    assert str(Count(0, hidden=True)) == "< 5"
    assert str(Count(4, hidden=True)) == "< 5"
    assert str(Count(5, hidden=True)) == "≥ 5"
    assert str(Count(5)) == "5"
