"""Dates, times, ages and free spots in plain words, in the visitor's language and Venlo's
time zone.

A plain module, so services, forms and feeds format the way templates do (the `agenda`
template tags register these same functions as filters).
"""

import datetime
from functools import lru_cache

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, ngettext, pgettext
from django.utils.translation import gettext as _

# Date formats are translatable (Django's date syntax): German writes "Montag, 18. Januar".
# pgettext, not pgettext_lazy: they are read while rendering, in the visitor's language.


def day_format() -> str:
    return pgettext("date format: weekday, day and month", "l j F")


def short_day_format() -> str:
    return pgettext("date format: short weekday, day and month", "D j F")


def day_month_format() -> str:
    return pgettext("date format: day and month", "j F")


@lru_cache(maxsize=1024)
def _day(day: datetime.date, style: str, language: str) -> str:
    return date_format(
        day, {"long": day_format, "short": short_day_format, "month": day_month_format}[style]()
    )


def _day_in(day: datetime.date, style: str) -> str:
    """A date as words ("long": weekday, day and month; "short"; "month": day and month), in the
    active language: remembered, since an agenda page writes the same few days sixty times."""
    if isinstance(day, datetime.datetime):
        day = day.date()
    return _day(day, style, get_language() or "")


def age_range(activity) -> str:
    low, high = activity.min_age, activity.max_age
    if low is None and high is None:
        return _("All ages")
    if high is None:
        return _("From %(low)s years") % {"low": low}
    if low is None or low == 0:
        return _("Up to %(high)s years") % {"high": high}
    return _("For %(low)s–%(high)s years") % {"low": low, "high": high}


def session_when(session) -> str:
    """'Tuesday 19 January, 19:30–21:00' in the visitor's language and Venlo's time zone."""
    start = timezone.localtime(session.starts_at)
    end = timezone.localtime(session.ends_at)
    return f"{_day_in(start.date(), 'long')}, {start:%H:%M}–{end:%H:%M}"


def session_short(session) -> str:
    start = timezone.localtime(session.starts_at)
    end = timezone.localtime(session.ends_at)
    return f"{_day_in(start.date(), 'short')}, {start:%H:%M}–{end:%H:%M}"


def day_month(day) -> str:
    return _day_in(day, "month")


def day_month_year(day) -> str:
    """'18 January 2027'; German '18. Januar 2027' (the year follows the day and month, as the
    home page writes it, in all three languages)."""
    return f"{day_month(day)} {day.year}"


def date_time(moment) -> str:
    """'18 January 2027, 19:30' in the visitor's language and Venlo's time zone."""
    local = timezone.localtime(moment)
    return f"{day_month_year(local)}, {local:%H:%M}"


def spots_status(session) -> dict:
    """What a resident needs to know about room in a session, as a label and a kind for styling."""
    if session.is_cancelled:
        return {"kind": "cancelled", "label": _("Cancelled")}
    if session.is_past:
        return {"kind": "past", "label": _("Over")}
    closed = session.closed_for_reservations
    if closed == "walk_in":
        return {"kind": "walk-in", "label": _("Walk-in")}
    if closed:
        # Reservations close at the start; free places are no news any more.
        return {"kind": "past", "label": _("Under way")}
    left = session.spots_left
    if left is None:
        return {"kind": "free", "label": _("Spots free")}
    if left == 0:
        return {"kind": "full", "label": _("Full – waiting list")}
    return {
        "kind": "free",
        "label": ngettext("%(count)s spot left", "%(count)s spots left", left) % {"count": left},
    }
