"""Small counts hidden in every figure the campaign and the dashboard show or export.

A count under 5, 0 included, shows as "< 5": few enough to point at a person. Hiding one cell of a
row that also shows its total would not help (the total minus the other cells gives it back),
so `suppress` then hides a second cell too: the smallest other one.
"""

from collections.abc import Sequence
from dataclasses import dataclass

THRESHOLD = 5
HIDDEN_TEXT = "< 5"


def is_small(value: int) -> bool:
    """0 too: a link or a group that shows "0" beside others that show "< 5" would tell which
    of them someone used (a provider's personal link in an e-mail to one person)."""
    return value < THRESHOLD


@dataclass(frozen=True)
class Count:
    """A count as shown: its value only when it is not hidden."""

    value: int
    hidden: bool = False

    def __str__(self) -> str:
        return HIDDEN_TEXT if self.hidden else str(self.value)

    @property
    def shown(self) -> int | None:
        return None if self.hidden else self.value


def count(value: int) -> Count:
    """One figure on its own (no total beside it)."""
    return Count(value, hidden=is_small(value))


def suppress(values: Sequence[int], *, with_total: bool = True) -> list[Count]:
    """The cells of one breakdown, small ones hidden; with a total shown beside them, never
    exactly one hidden cell (a second, the smallest other, is hidden with it)."""
    hidden = [is_small(value) for value in values]
    if with_total and hidden.count(True) == 1:
        # A second hidden cell must hold people: hiding a zero would give the first one away.
        others = [
            (value, index) for index, value in enumerate(values) if not hidden[index] and value
        ]
        if others:
            hidden[min(others)[1]] = True
    return [Count(value, hidden=flag) for value, flag in zip(values, hidden, strict=True)]
