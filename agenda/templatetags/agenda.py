"""Template tags for the public pages: the formatting of agenda.formatting, free spots in words."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from agenda.caching import render_room, room_marker
from agenda.formatting import (
    age_range,
    date_time,
    day_month,
    day_month_year,
    session_short,
    session_when,
)

register = template.Library()

register.filter(age_range)
register.filter(session_when)
register.filter(session_short)
register.filter(day_month)
register.filter(day_month_year)
register.filter(date_time, expects_localtime=True)


@register.simple_tag
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


@register.simple_tag(takes_context=True)
def room(context, session, part: str) -> str:
    """A session's places ("spots": the label; "reserve": the button): rendered here, or, on a
    page rendered for the cache, a marker that agenda.caching fills in when it is served."""
    marker = room_marker(context.get("request"), session, part)
    return mark_safe(marker if marker is not None else render_room(session, part))


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
