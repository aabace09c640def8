"""Small counts hidden in every figure the campaign and the dashboard show or export.

A count under 5, 0 included, shows as "< 5": few enough to point at a person. Hiding cells of a
row that also shows its total would not help if the hidden cells held fewer than 5 together (the
total minus the shown cells gives their sum back: hidden 3 and 0 make 3), so `suppress` then
keeps hiding the smallest shown cell until the hidden ones hold at least 5 together, or none is
left shown. A cell of 5 or more hidden only to protect another reads "≥ 5", not "< 5".
"""

from collections.abc import Sequence
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


def suppress(values: Sequence[int], *, with_total: bool = True) -> list[Count]:
    """The cells of one breakdown, small ones hidden; with a total shown beside them, the
    smallest shown cells are hidden too until the hidden ones hold at least THRESHOLD together
    (or none is left shown), so that the total minus the shown cells gives away no small sum."""
    hidden = [is_small(value) for value in values]
    if with_total and any(hidden):
        shown = sorted((value, index) for index, value in enumerate(values) if not hidden[index])
        held = sum(value for value, flag in zip(values, hidden, strict=True) if flag)
        for value, index in shown:
            if held >= THRESHOLD:
                break
            hidden[index] = True
            held += value
    return [Count(value, hidden=flag) for value, flag in zip(values, hidden, strict=True)]
