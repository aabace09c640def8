"""Small counts hidden in every figure the campaign and the dashboard show or export.

A count under 5, 0 included, shows as "< 5": few enough to point at a person. Hiding cells of a
row that also shows its total would not help if the hidden cells held fewer than 5 together (the
total minus the shown cells gives their sum back: hidden 3 and 0 make 3), so `suppress` then
keeps hiding the smallest shown cell until the hidden ones hold at least 5 together, or none is
left shown. A cell of 5 or more hidden only to protect another reads "≥ 5", not "< 5".
"""

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

THRESHOLD = 5
HIDDEN_TEXT = "< 5"
LARGE_HIDDEN_TEXT = "≥ 5"


def is_small(value: int) -> bool:
    """0 too: a link or a group that shows "0" beside others that show "< 5" would tell which
    of them someone used (a provider's personal link in an e-mail to one person)."""
    return value < THRESHOLD


@dataclass(frozen=True)
class Count:
    """A count as shown: its value only when it is not hidden. A hidden count under 5 reads
    "< 5"; one of 5 or more, hidden only so that a total cannot give a small one back, reads
    "≥ 5" ("< 5" would be untrue)."""

    value: int
    hidden: bool = False

    def __str__(self) -> str:
        if not self.hidden:
            return str(self.value)
        return HIDDEN_TEXT if is_small(self.value) else LARGE_HIDDEN_TEXT

    @property
    def shown(self) -> int | None:
        return None if self.hidden else self.value


def count(value: int) -> Count:
    """One figure on its own (no total beside it)."""
    return Count(value, hidden=is_small(value))


def hide_within(
    values: Sequence[int],
    hidden: Sequence[bool],
    groups: Iterable[Sequence[int]],
    *,
    locked: Collection[int] = (),
) -> list[bool]:
    """`hidden` made safe for `groups`: cells (indices) whose sum is shown elsewhere (a total,
    a subtotal). In each group with a hidden cell, the smallest shown cells are hidden too until
    the hidden ones hold at least THRESHOLD together, or none is left shown (`locked` cells
    are never hidden). Repeated until no group changes: a cell hidden for one group counts in
    the others it is in."""
    flags = list(hidden)
    groups = [list(group) for group in groups]
    changed = True
    while changed:
        changed = False
        for group in groups:
            if not any(flags[i] for i in group):
                continue
            held = sum(values[i] for i in group if flags[i])
            shown = sorted((values[i], i) for i in group if not flags[i] and i not in locked)
            if held < THRESHOLD and shown:
                flags[shown[0][1]] = True
                changed = True
    return flags


def suppress(values: Sequence[int], *, with_total: bool = True) -> list[Count]:
    """The cells of one breakdown, small ones hidden; with a total shown beside them, the
    smallest shown cells are hidden too until the hidden ones hold at least THRESHOLD together
    (or none is left shown), so that the total minus the shown cells gives away no small sum."""
    hidden = [is_small(value) for value in values]
    if with_total:
        hidden = hide_within(values, hidden, [range(len(values))])
    return [Count(value, hidden=flag) for value, flag in zip(values, hidden, strict=True)]
