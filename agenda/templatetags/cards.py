"""The activity card of the agenda and the provider pages, written in Python.

A page lists twenty of them, and the template engine spent more on their some seventy nodes
each than the database on the whole page; this writes the same markup in a fraction of that.
Everything still goes through agenda.markup (format_html, faster), so every value is escaped.
"""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from agenda import markup
from agenda.caching import render_room, room_marker
from agenda.formatting import age_range, session_short
from agenda.templatetags.images import srcset

register = template.Library()

# Sessions a card lists; the rest are counted.
SHOWN_SESSIONS = 3


def _media(activity) -> str:
    if not activity.image:
        return markup.html(
            '<div class="card-placeholder ph-{}" aria-hidden="true"></div>', (activity.pk or 0) % 4
        )
    sources = srcset(activity.image)
    responsive = (
        markup.html(' srcset="{}" sizes="(min-width: 40rem) 20rem, 100vw"', sources)
        if sources
        else ""
    )
    return markup.html(
        '<img src="{}"{} alt="{}" loading="lazy" width="480" height="270">',
        activity.image.url,
        responsive,
        activity.image_alt,
    )


# Activity.welcome_badges → the badge, in the visitor's language (issue 14).
WELCOME_BADGES = {
    "de": _("also in German"),
    "en": _("also in English"),
    "no-dutch": _("no Dutch needed"),
}


def welcome_badges(activity) -> str:
    return markup.html_join(
        "",
        '<span class="tag tag-welcome">{}</span>',
        ((WELCOME_BADGES[badge],) for badge in activity.welcome_badges),
    )


@register.simple_tag
def activity_welcome_badges(activity):
    """The badges for the activity page's tags."""
    return welcome_badges(activity)


def _sessions(request, sessions) -> str:
    def places(session):
        marker = room_marker(request, session, "spots")
        return mark_safe(marker) if marker is not None else render_room(session, "spots")

    return markup.html_join(
        "\n",
        '<li><span class="when">{}</span> <span class="where">{}, {}</span> {}</li>',
        (
            (session_short(s), s.venue.name, s.venue.district.name, places(s))
            for s in sessions[:SHOWN_SESSIONS]
        ),
    )


@register.simple_tag(takes_context=True)
def activity_card(context, activity, level=2, hide_provider=False, query=""):
    """An activity as a card: photo, title, provider, ages and audiences, its first sessions
    (`activity.matching_sessions`) with their places. `level`: the heading level; `query`:
    the agenda's filters, passed on to the activity page (its back link and its sessions)."""
    sessions = activity.matching_sessions
    more = len(sessions) - SHOWN_SESSIONS
    provider = (
        ""
        if hide_provider
        else markup.html('<p class="card-provider">{}</p>', activity.provider.name)
    )
    tags = markup.html_join(
        "", '<span class="tag">{}</span>', ((a.label,) for a in activity.audiences.all())
    )
    more_text = (
        markup.html(
            '<p class="card-more">{}</p>',
            ngettext("and %(counter)s more time", "and %(counter)s more times", more)
            % {"counter": more},
        )
        if more > 0
        else ""
    )
    return markup.html(
        '<article class="card" aria-labelledby="activity-{pk}">\n'
        '<div class="card-media">{media}</div>\n'
        '<div class="card-body">\n'
        '<h{level} class="card-title" id="activity-{pk}" lang="{title_lang}">'
        '<a href="{url}">{title}</a></h{level}>\n'
        "{provider}\n"
        '<p class="card-audience"><span class="tag">{ages}</span>{tags}{badges}</p>\n'
        '<ul class="card-sessions">\n{sessions}\n</ul>\n'
        "{more}\n"
        "</div>\n"
        "</article>",
        pk=activity.pk,
        media=_media(activity),
        level=int(level),
        url=activity.get_absolute_url() + (f"?{query}" if query else ""),
        title=activity.local_title,
        title_lang=activity.local_title_lang,
        provider=provider,
        ages=age_range(activity),
        tags=tags,
        badges=welcome_badges(activity),
        sessions=_sessions(context.get("request"), sessions),
        more=more_text,
    )
