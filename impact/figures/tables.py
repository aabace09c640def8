"""A breakdown as shown: columns, rows of cells (small counts hidden column by column, with the
total row counted as shown), and the plain text of every cell for the CSV export."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from campaign.suppression import count, suppress
from impact.figures.cells import plain, rate


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


def _hidden_columns(rows: list[dict], keys: list[str]) -> tuple[list[dict], dict]:
    """Each count column suppressed against its total; the totals on their own."""
    columns = {}
    for key in keys:
        private = [i for i, row in enumerate(rows) if not _public(key, row)]
        hidden = dict(zip(private, suppress([rows[i].get(key, 0) for i in private]), strict=True))
        columns[key] = [hidden.get(i) or plain(row.get(key, 0)) for i, row in enumerate(rows)]
    shown = [{key: columns[key][i] for key in keys} for i in range(len(rows))]
    totals = {key: count(sum(row.get(key, 0) for row in rows)) for key in keys}
    return shown, totals


def _offer_cells(raw: dict, hidden: dict) -> list:
    offered = plain(raw.get("offered", 0))
    return [
        plain(raw.get("activities", 0)),
        offered,
        hidden["booked"],
        rate(hidden["booked_limited"], offered),
        hidden["participants"],
        hidden["conversions"],
        rate(hidden["conversions"], hidden["participants_reported"]),
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
    slug, title, labelled: list[tuple[str, dict]], *, offer: bool, total: bool, extra=None
) -> Table:
    """A table of `labelled` (label, raw counts) rows; `extra` columns come after the label."""
    extra = extra or []
    raws = [raw for _label, raw in labelled]
    for raw in raws:
        raw["marked"] = raw.get("attended", 0) + raw.get("no_show", 0)
    keys = OFFER_COUNTS if offer else VISITOR_COUNTS
    cells = _offer_cells if offer else _visitor_cells
    shown, totals = _hidden_columns(raws, keys)
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
