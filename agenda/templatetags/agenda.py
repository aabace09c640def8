"""Small formatting helpers for the public pages: ages, times and free spots in plain words."""

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

# Date formats are translatable (Django's date syntax): German writes "Montag, 18. Januar".
# pgettext, not pgettext_lazy: they are read while rendering, in the visitor's language.


def day_format() -> str:
    return pgettext("date format: weekday, day and month", "l j F")


def short_day_format() -> str:
    return pgettext("date format: short weekday, day and month", "D j F")


def day_month_format() -> str:
    return pgettext("date format: day and month", "j F")


register = template.Library()


@register.filter
def age_range(activity) -> str:
    low, high = activity.min_age, activity.max_age
    if low is None and high is None:
        return _("All ages")
    if high is None:
        return _("From %(low)s years") % {"low": low}
    if low is None or low == 0:
        return _("Up to %(high)s years") % {"high": high}
    return _("For %(low)s–%(high)s years") % {"low": low, "high": high}


@register.filter
def session_when(session) -> str:
    """'Tuesday 19 January, 19:30–21:00' in the visitor's language and Venlo's time zone."""
    start = timezone.localtime(session.starts_at)
    end = timezone.localtime(session.ends_at)
    day = date_format(start, day_format())
    return f"{day}, {start:%H:%M}–{end:%H:%M}"


@register.filter
def session_short(session) -> str:
    start = timezone.localtime(session.starts_at)
    end = timezone.localtime(session.ends_at)
    return f"{date_format(start, short_day_format())}, {start:%H:%M}–{end:%H:%M}"


@register.filter
def day_month(day) -> str:
    return date_format(day, day_month_format())


@register.filter
def day_month_year(day) -> str:
    """'18 January 2027'; German '18. Januar 2027' (the year follows the day and month, as the
    home page writes it, in all three languages)."""
    return f"{date_format(day, day_month_format())} {day.year}"


@register.filter(expects_localtime=True)
def date_time(moment) -> str:
    """'18 January 2027, 19:30' in the visitor's language and Venlo's time zone."""
    local = timezone.localtime(moment)
    return f"{day_month_year(local)}, {local:%H:%M}"


@register.simple_tag
def spots_status(session, activity) -> dict:
    """What a resident needs to know about room in a session, as a label and a kind for styling."""
    if session.is_cancelled:
        return {"kind": "cancelled", "label": _("Cancelled")}
    if session.is_past:
        return {"kind": "past", "label": _("Over")}
    if activity.is_walk_in:
        return {"kind": "walk-in", "label": _("Walk-in")}
    if session.has_started:
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


@register.filter
def placeholder_variant(pk) -> int:
    """One of four decorative patterns for an activity without a photo, stable per activity."""
    return (pk or 0) % 4


@register.simple_tag
def checkbox_options(bound_field) -> list[dict]:
    """The options of a multiple-choice filter, ready to render as plain checkboxes.

    Cheaper than rendering each option through Django's widget templates, which the agenda
    would otherwise do some sixty times per page.
    """
    selected = {str(value) for value in (bound_field.value() or [])}
    return [
        {
            "id": f"{bound_field.auto_id}_{index}",
            "value": str(value),
            "label": label,
            "checked": str(value) in selected,
        }
        for index, (value, label) in enumerate(bound_field.field.choices)
    ]
