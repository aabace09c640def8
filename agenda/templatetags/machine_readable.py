"""Template tags for what machines read on a page: feeds, calendar links, JSON-LD, share meta."""

from django import template
from django.urls import reverse
from django.utils.translation import get_language, to_locale

from agenda import structured_data
from agenda.caching import room_marker
from agenda.ical import absolute_url

register = template.Library()


@register.simple_tag
def subscribe_links(feed_name: str, query: str = "", **kwargs) -> dict:
    path = reverse(f"agenda:{feed_name}", kwargs=kwargs or None)
    return structured_data.subscribe_links(f"{path}?{query}" if query else path)


@register.simple_tag
def session_calendar_links(session, activity) -> dict:
    return {
        "ics": reverse(
            "agenda:session_ics", kwargs={"slug": activity.slug, "session_pk": session.pk}
        ),
        "google": structured_data.google_calendar_link(session, activity),
        "outlook": structured_data.outlook_calendar_link(session, activity),
    }


@register.simple_tag(takes_context=True)
def activity_json_ld(context, activity, sessions):
    events = []
    for session in sessions:
        event = structured_data.session_event(session, activity)
        # On a page rendered for the cache, the availability is filled in when it is served.
        marker = room_marker(context.get("request"), session, "ld")
        if marker is not None:
            event["offers"]["availability"] = {"w3a": session.pk}
        events.append(event)
    return structured_data.json_ld(events)


@register.inclusion_tag("partials/_share_meta.html", takes_context=True)
def share_meta(context, title, description, kind="website", activity=None, image=None):
    """Open Graph and Twitter tags; `image`: a dict (url, width, height, alt) of a page's own
    share image, else the activity's card or the site's generic image."""
    request = context["request"]
    current = get_language() or "nl"
    locales = {"nl": "nl_NL", "en": "en_GB", "de": "de_DE"}
    return {
        "title": title,
        "description": description,
        "kind": kind,
        "url": absolute_url(request.get_full_path()),
        "image": image
        or (
            structured_data.activity_share_card(activity)
            if activity is not None
            else structured_data.share_image()
        ),
        "locale": locales.get(current, to_locale(current)),
        "alternate_locales": [code for lang, code in locales.items() if lang != current],
    }
