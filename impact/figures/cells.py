"""Figures as shown: counts with small ones hidden (campaign.suppression), rates and scores
hidden whenever a count they are made from is hidden."""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from campaign.suppression import Count, count

HIDDEN_RATE = _("hidden")
NOTHING = "–"


@dataclass(frozen=True)
class Rate:
    """A share (numerator / denominator) shown as a percentage."""

    numerator: int
    denominator: int
    hidden: bool = False

    @property
    def value(self) -> float | None:
        if self.hidden or not self.denominator:
            return None
        return self.numerator / self.denominator

    @property
    def percent(self) -> int | None:
        """Rounded half up, as people round: 62.5 → 63."""
        if self.value is None:
            return None
        return int(self.numerator * 100 / self.denominator + 0.5)

    def __str__(self) -> str:
        if self.hidden:
            return str(HIDDEN_RATE)
        return NOTHING if self.percent is None else f"{self.percent}%"


def rate(numerator: Count, denominator: Count) -> Rate:
    return Rate(numerator.value, denominator.value, hidden=numerator.hidden or denominator.hidden)


@dataclass(frozen=True)
class Score:
    """An average of 1–5 ratings, hidden when fewer than five people rated."""

    total: int
    number: int
    hidden: bool = False

    @property
    def value(self) -> float | None:
        if self.hidden or not self.number:
            return None
        return self.total / self.number

    def __str__(self) -> str:
        if self.hidden:
            return str(HIDDEN_RATE)
        return NOTHING if self.value is None else number_format(round(self.value, 1), 1)


def score(total: int, number: Count) -> Score:
    return Score(total, number.value, hidden=number.hidden)


@dataclass(frozen=True)
class Change:
    """This edition against the previous one: a difference of counts, or of percentage points
    for rates; hidden when either side is hidden."""

    difference: float | None
    hidden: bool = False
    unit: str = ""  # "" a count, "pt" percentage points, "score" a 1–5 score

    def __str__(self) -> str:
        if self.hidden:
            return str(HIDDEN_RATE)
        if self.difference is None:
            return NOTHING
        if self.unit == "pt":
            text = number_format(round(abs(self.difference)), 0) + " " + str(_("pt"))
        elif self.unit == "score":
            text = number_format(round(abs(self.difference), 1), 1)
        else:
            text = str(abs(int(self.difference)))
        sign = "+" if self.difference > 0 else ("−" if self.difference < 0 else "±")
        return f"{sign}{text}"


def change(now, before) -> Change:
    if now is None or before is None:
        return Change(None)
    if isinstance(now, Count):
        if now.hidden or before.hidden:
            return Change(None, hidden=True)
        return Change(now.value - before.value)
    if now.hidden or before.hidden:
        return Change(None, hidden=True)
    if isinstance(now, Rate):
        if now.percent is None or before.percent is None:
            return Change(None)
        return Change(now.percent - before.percent, unit="pt")
    if now.value is None or before.value is None:
        return Change(None)
    return Change(now.value - before.value, unit="score")


def plain(value: int) -> Count:
    """A count that is no person's: activities, sessions, places offered."""
    return Count(value)


__all__ = ["Change", "Count", "Rate", "Score", "change", "count", "plain", "rate", "score"]
