"""Dates, times and ages in plain words, in the visitor's language and Venlo's time zone.

A plain module, so services, forms and feeds format the way templates do (the `agenda`
template tags register these same functions as filters).
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

# Date formats are translatable (Django's date syntax): German writes "Montag, 18. Januar".
# pgettext, not pgettext_lazy: they are read while rendering, in the visitor's language.


def day_format() -> str:
    return pgettext("date format: weekday, day and month", "l j F")


def short_day_format() -> str:
    return pgettext("date format: short weekday, day and month", "D j F")


def day_month_format() -> str:
    return pgettext("date format: day and month", "j F")


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
    day = date_format(start, day_format())
    return f"{day}, {start:%H:%M}–{end:%H:%M}"


def session_short(session) -> str:
    start = timezone.localtime(session.starts_at)
    end = timezone.localtime(session.ends_at)
    return f"{date_format(start, short_day_format())}, {start:%H:%M}–{end:%H:%M}"


def day_month(day) -> str:
    return date_format(day, day_month_format())


def day_month_year(day) -> str:
    """'18 January 2027'; German '18. Januar 2027' (the year follows the day and month, as the
    home page writes it, in all three languages)."""
    return f"{date_format(day, day_month_format())} {day.year}"


def date_time(moment) -> str:
    """'18 January 2027, 19:30' in the visitor's language and Venlo's time zone."""
    local = timezone.localtime(moment)
    return f"{day_month_year(local)}, {local:%H:%M}"
