"""Template tags for the public pages: the formatting of agenda.formatting, free spots in words."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from agenda import markup
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


def _in_language(text: str, language: str):
    """`text`, marked with its language where that is not the page's, so that a screen reader
    reads a Dutch title in a German sentence in Dutch."""
    if language == (get_language() or "nl")[:2]:
        return text
    return markup.html('<span lang="{}">{}</span>', language, text)


@register.filter
def local_title(activity):
    """The activity's title for this visitor (English or German where the provider gave one),
    marked with its language: for a title inside a translated sentence."""
    return _in_language(activity.local_title, activity.local_title_lang)


@register.filter
def dutch(text: str):
    """Text entered in Dutch (an activity's own title in the portal), marked as Dutch on an
    English or German page."""
    return _in_language(text, "nl")


@register.simple_tag(takes_context=True)
def room(context, session, part: str) -> str:
    """A session's places ("spots": the label; "reserve": the button): rendered here, or, on a
    page rendered for the cache, a marker that agenda.caching fills in when it is served."""
    marker = room_marker(context.get("request"), session, part)
    return mark_safe(marker if marker is not None else render_room(session, part))


@register.simple_tag
def filter_choices(bound_field, columns=False, counts=None) -> str:
    """A multiple-choice filter as a fieldset of plain checkboxes.

    Written here rather than by Django's widget templates or a template loop: the agenda shows
    some seventy options on every page. `counts`: option value → how many results choosing it
    would give (agenda.facets), shown after its label.
    """
    selected = {str(value) for value in (bound_field.value() or [])}
    name, prefix = bound_field.html_name, bound_field.auto_id
    rows = []
    for index, (choice, label) in enumerate(bound_field.field.choices):
        value, option_id = str(choice), f"{prefix}_{index}"
        checked = " checked" if value in selected else ""
        described, count = _count(counts, value, option_id)
        rows.append((name, value, option_id, checked, described, option_id, label, count))
    options = markup.html_join(
        "\n",
        '<div class="check"><input type="checkbox" name="{}" value="{}" id="{}"{}{}>'
        '<label for="{}">{}</label>{}</div>',
        rows,
    )
    return markup.html(
        '<fieldset class="filter-group">\n<legend>{}</legend>\n'
        '<div class="choices{}">\n{}\n</div>\n</fieldset>',
        bound_field.label,
        " choices-columns" if columns else "",
        options,
    )


def _count(counts, value, option_id) -> tuple[str, str]:
    """The input's reference to its count, and the count: a description of the checkbox, so
    its name stays the option's name."""
    if counts is None:
        return "", ""
    count_id = f"{option_id}_count"
    return (
        markup.html(' aria-describedby="{}"', count_id),
        markup.html(' <span class="count" id="{}">({})</span>', count_id, counts.get(value, 0)),
    )
