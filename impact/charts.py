"""Charts drawn on the server as SVG: no chart library, no JavaScript.

Each chart is an <svg role="img"> named by its <title> and described by its <desc> (which
reads out every value), and the page puts the same figures in a table beside it. Hidden
counts (campaign.suppression) draw no bar, only their "< 5". Colours: the site's plum and
mint, both above 3:1 against the white background, text in the site's ink (AA).
"""

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

INK = "#1b1530"
NOW_COLOUR = "#4b1d7a"  # --plum: 11.4:1 on white
BEFORE_COLOUR = "#0b6b4f"  # --mint: 6.6:1 on white
WIDTH = 480
VALUE_WIDTH = 60
LABEL_HEIGHT = 18  # each label on its own line above its bar(s), never cut off at the side
BAR_HEIGHT = 16
GAP = 10


def _amount(cell) -> int:
    """What a bar may show: nothing for a hidden count."""
    return 0 if getattr(cell, "hidden", False) else int(getattr(cell, "value", cell) or 0)


def _short(label: str, length: int = 60) -> str:
    label = str(label)
    return label if len(label) <= length else label[: length - 1] + "…"


def _frame(chart_id: str, title: str, desc: str, height: int, body: SafeString) -> SafeString:
    return format_html(
        '<svg class="chart" role="img" aria-labelledby="{id}-title" aria-describedby="{id}-desc" '
        'viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        'xmlns="http://www.w3.org/2000/svg" font-size="13" font-family="system-ui, sans-serif">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{body}</svg>',
        id=chart_id,
        width=WIDTH,
        height=height,
        title=title,
        desc=desc,
        body=body,
    )


def horizontal_bars(chart_id: str, title: str, bars: list[tuple[str, object]]) -> SafeString:
    """One bar per (label, count), longest for the largest count."""
    desc = "; ".join(f"{label}: {cell}" for label, cell in bars) or _("No figures yet.")
    largest = max([_amount(cell) for _label, cell in bars] + [1])
    room = WIDTH - VALUE_WIDTH
    step = LABEL_HEIGHT + BAR_HEIGHT + GAP
    rows = []
    for index, (label, cell) in enumerate(bars):
        top = GAP + index * step
        length = round(room * _amount(cell) / largest)
        rows.append(
            format_html(
                '<text x="0" y="{ly}" fill="{ink}">{label}</text>'
                '<rect x="0" y="{y}" width="{length}" height="{h}" rx="3" fill="{colour}"/>'
                '<text x="{vx}" y="{vy}" fill="{ink}">{value}</text>',
                ly=top + 13,
                ink=INK,
                label=_short(label),
                y=top + LABEL_HEIGHT,
                length=length,
                h=BAR_HEIGHT,
                colour=NOW_COLOUR,
                vx=length + 6,
                vy=top + LABEL_HEIGHT + BAR_HEIGHT - 3,
                value=str(cell),
            )
        )
    height = GAP + max(len(bars), 1) * step
    return _frame(chart_id, title, desc, height, mark_safe("".join(rows)))


def compared_bars(
    chart_id: str, title: str, items: list[tuple[str, object, object]], now: str, before: str
) -> SafeString:
    """Two bars per (label, this edition, previous edition), with a legend on top."""
    desc = "; ".join(
        _("%(label)s: %(now)s in %(this)s, %(before)s in %(previous)s")
        % {"label": label, "now": a, "before": b, "this": now, "previous": before}
        for label, a, b in items
    ) or _("No figures yet.")
    largest = max([_amount(a) for _l, a, _b in items] + [_amount(b) for _l, _a, b in items] + [1])
    room = WIDTH - VALUE_WIDTH
    legend = format_html(
        '<rect x="0" y="6" width="14" height="14" fill="{c1}"/>'
        '<text x="20" y="18" fill="{ink}">{now}</text>'
        '<rect x="200" y="6" width="14" height="14" fill="{c2}"/>'
        '<text x="220" y="18" fill="{ink}">{before}</text>',
        c1=NOW_COLOUR,
        c2=BEFORE_COLOUR,
        ink=INK,
        now=_short(now, 24),
        before=_short(before, 24),
    )
    group = LABEL_HEIGHT + 2 * BAR_HEIGHT + 4 + GAP
    rows = [legend]
    for index, (label, a, b) in enumerate(items):
        top = 32 + index * group
        rows.append(
            format_html(
                '<text x="0" y="{ty}" fill="{ink}">{label}</text>',
                ty=top + 13,
                ink=INK,
                label=_short(label),
            )
        )
        for offset, cell, colour in (
            (LABEL_HEIGHT, a, NOW_COLOUR),
            (LABEL_HEIGHT + BAR_HEIGHT + 4, b, BEFORE_COLOUR),
        ):
            length = round(room * _amount(cell) / largest)
            rows.append(
                format_html(
                    '<rect x="0" y="{y}" width="{length}" height="{h}" rx="3" fill="{c}"/>'
                    '<text x="{vx}" y="{ty}" fill="{ink}">{value}</text>',
                    y=top + offset,
                    length=length,
                    h=BAR_HEIGHT,
                    c=colour,
                    vx=length + 6,
                    ty=top + offset + BAR_HEIGHT - 3,
                    ink=INK,
                    value=str(cell),
                )
            )
    height = 32 + max(len(items), 1) * group
    return _frame(chart_id, title, desc, height, mark_safe("".join(rows)))


__all__ = ["compared_bars", "horizontal_bars"]
