"""A breakdown as shown: columns, rows of cells (small counts hidden column by column, with the
total row counted as shown), and the plain text of every cell for the CSV export."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from campaign.suppression import Count, hide_within, is_small, suppress
from impact.figures.cells import Rate, plain, rate


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = "count"  # text, count (people), plain (not people), rate


@dataclass
class Table:
    slug: str
    title: str
    columns: list[Column]
    rows: list[list] = field(default_factory=list)
    total: list | None = None
    chart_column: str = "booked"
    # On the page and in the chart: the first `shown` rows (all of them in the CSV).
    shown: int | None = None

    @property
    def more(self) -> int:
        return max(len(self.rows) - self.shown, 0) if self.shown else 0

    def column_index(self, key: str) -> int:
        return next(i for i, column in enumerate(self.columns) if column.key == key)

    def chart_bars(self) -> list[tuple[str, object]]:
        """(label, count) of the chart's column, row by row."""
        index = self.column_index(self.chart_column)
        return [(str(row[0]), row[index]) for row in self.rows[: self.shown]]

    def shown_rows(self) -> list[list[tuple[object, bool]]]:
        """Each row's cells with whether they are numbers (right-aligned)."""
        numeric = [column.kind != "text" for column in self.columns]
        return [list(zip(row, numeric, strict=True)) for row in self.rows[: self.shown]]

    def csv_rows(self) -> list[list[str]]:
        rows = [[str(column.label) for column in self.columns]]
        rows += [[str(cell) for cell in row] for row in self.rows]
        if self.total:
            rows.append([str(cell) for cell in self.total])
        return rows


OFFER_COLUMNS = [
    Column("activities", _("Activities"), "plain"),
    Column("offered", _("Places offered"), "plain"),
    Column("booked", _("Places booked"), "count"),
    Column("fill_rate", _("Fill rate"), "rate"),
    Column("participants", _("Participants"), "count"),
    Column("conversions", _("Went on"), "count"),
    Column("conversion_rate", _("Conversion rate"), "rate"),
    Column("audience_fit", _("Audience fit"), "rate"),
]
VISITOR_COLUMNS = [
    Column("reservations", _("Reservations"), "count"),
    Column("booked", _("Places booked"), "count"),
    Column("attended", _("Came"), "count"),
    Column("no_show", _("Did not come"), "count"),
    Column("no_show_rate", _("No-show rate"), "rate"),
]
# The counts each kind of table hides when small (the rest is derived from them).
OFFER_COUNTS = [
    "booked_limited",
    "booked",
    "participants",
    "participants_reported",
    "conversions",
    "age_known",
    "age_inside",
]
VISITOR_COUNTS = ["reservations", "booked", "attended", "no_show", "marked"]


def _public(key: str, row: dict) -> bool:
    """A count the row's shown figures already give: booked within the places offered, where
    no places were offered, is 0 for all to see. Hiding it protects no one, and would force a
    second hidden cell (a fill rate) for nothing."""
    return key == "booked_limited" and not row.get("offered")


# Within a row of a visitor table, "came" and "did not come" add up to the places booked once
# every reservation is marked: one hidden alone would be given away by the other.
PAIRED = ("attended", "no_show")


def _hidden_columns(
    rows: list[dict], keys: list[str], groups: list[tuple[list[int], dict]], total_hidden: dict
) -> tuple[list[dict], dict]:
    """Each count column suppressed against its total and against each group of rows whose sum
    is shown elsewhere (`groups`: (rows, {key: subtotal hidden}), the priority table's
    subtotals of districts …; a group whose subtotal is hidden keeps a hidden cell); "came" and
    "did not come" hidden together within a row; the totals on their own, hidden also where
    `total_hidden` says so (the headline's flags for the same figure)."""
    everything = list(range(len(rows)))
    values = {key: [row.get(key, 0) for row in rows] for key in keys}
    locked = {key: {i for i in everything if _public(key, rows[i])} for key in keys}
    flags = {
        key: [is_small(value) and i not in locked[key] for i, value in enumerate(values[key])]
        for key in keys
    }
    totals = {
        key: Count(
            sum(values[key]), hidden=is_small(sum(values[key])) or total_hidden.get(key, False)
        )
        for key in keys
    }
    paired = all(key in keys for key in PAIRED)
    if paired and any(totals[key].hidden for key in PAIRED):
        for key in PAIRED:
            totals[key] = Count(totals[key].value, hidden=True)
    changed = True
    while changed:
        changed = False
        for key in keys:
            if totals[key].hidden and not any(flags[key]):
                # A hidden total must not be the sum of the shown cells: one of them goes too.
                candidates = [
                    (v, i) for i, v in enumerate(values[key]) if v and i not in locked[key]
                ]
                if candidates:
                    flags[key][min(candidates)[1]] = True
            for members, subtotal_hidden in groups:
                if subtotal_hidden.get(key) and not any(flags[key][i] for i in members):
                    # The other table hides this sum: its shown parts must not add up to it.
                    # The smallest count that holds people; a lone zero if that is all.
                    column = values[key]
                    candidates = [
                        (column[i] == 0, column[i], i) for i in members if i not in locked[key]
                    ]
                    if candidates:
                        flags[key][min(candidates)[2]] = True
            flags[key] = hide_within(
                values[key],
                flags[key],
                [everything, *(members for members, _hidden in groups)],
                locked=locked[key],
            )
        if paired:
            for i in everything:
                if flags[PAIRED[0]][i] != flags[PAIRED[1]][i]:
                    flags[PAIRED[0]][i] = flags[PAIRED[1]][i] = True
                    changed = True
    shown = [
        {
            key: Count(values[key][i], hidden=flags[key][i])
            if i not in locked[key]
            else plain(values[key][i])
            for key in keys
        }
        for i in everything
    ]
    return shown, totals


def _offer_cells(raw: dict, hidden: dict) -> list:
    """A rate is hidden whenever a count of its row it is made from, or the shown count it
    stands for, is hidden: fill rate × places offered would give a hidden "booked" back."""
    offered = plain(raw.get("offered", 0))
    fill = rate(hidden["booked_limited"], offered)
    conversion = rate(hidden["conversions"], hidden["participants_reported"])
    return [
        plain(raw.get("activities", 0)),
        offered,
        hidden["booked"],
        Rate(fill.numerator, fill.denominator, hidden=fill.hidden or hidden["booked"].hidden),
        hidden["participants"],
        hidden["conversions"],
        Rate(
            conversion.numerator,
            conversion.denominator,
            hidden=conversion.hidden or hidden["participants"].hidden,
        ),
        rate(hidden["age_inside"], hidden["age_known"]),
    ]


def _visitor_cells(raw: dict, hidden: dict) -> list:
    return [
        hidden["reservations"],
        hidden["booked"],
        hidden["attended"],
        hidden["no_show"],
        rate(hidden["no_show"], hidden["marked"]),
    ]


def build(
    slug,
    title,
    labelled: list[tuple[str, dict]],
    *,
    offer: bool,
    total: bool,
    extra=None,
    groups: list[tuple[list[int], dict]] | None = None,
    total_hidden: dict | None = None,
) -> Table:
    """A table of `labelled` (label, raw counts) rows; `extra` columns come after the label.
    `groups`: (indices of rows whose sum another table shows, {key: that sum hidden there});
    `total_hidden`: the total row's
    counts the headline hides (by key)."""
    extra = extra or []
    raws = [raw for _label, raw in labelled]
    for raw in raws:
        raw["marked"] = raw.get("attended", 0) + raw.get("no_show", 0)
    keys = OFFER_COUNTS if offer else VISITOR_COUNTS
    cells = _offer_cells if offer else _visitor_cells
    shown, totals = _hidden_columns(raws, keys, groups or [], total_hidden or {})
    extra_cells = {}
    for column in extra:
        if column.kind == "count":
            # Rows the column does not apply to (visits of "no tracked link") stay blank, so
            # their 0 forces no second hidden cell.
            present = [index for index, raw in enumerate(raws) if column.key in raw]
            shown_cells: list = [""] * len(raws)
            hidden = suppress([raws[index][column.key] for index in present])
            for index, cell in zip(present, hidden, strict=True):
                shown_cells[index] = cell
            extra_cells[column.key] = shown_cells
        else:
            extra_cells[column.key] = [raw.get(column.key, "") for raw in raws]
    table = Table(
        slug,
        title,
        [Column("label", title, "text"), *extra, *(OFFER_COLUMNS if offer else VISITOR_COLUMNS)],
        chart_column="participants" if offer else "booked",
    )
    for index, (label, raw) in enumerate(labelled):
        table.rows.append(
            [label, *(extra_cells[c.key][index] for c in extra), *cells(raw, shown[index])]
        )
    if total and labelled:
        summed = {
            key: sum(raw.get(key, 0) for raw in raws)
            for key in {key for raw in raws for key in raw}
        }
        blanks = ["" for _column in extra]
        table.total = [_("Total"), *blanks, *cells(summed, totals)]
    return table


def row_flags(table: Table) -> dict[str, dict[str, bool]]:
    """{row label: {count key: hidden}} of a visitor table, for the tables that break its rows
    down (`build(groups=…)`)."""
    keys = [key for key in VISITOR_COUNTS if key != "marked"]
    return {
        str(row[0]): {key: row[table.column_index(key)].hidden for key in keys}
        for row in table.rows
    }
