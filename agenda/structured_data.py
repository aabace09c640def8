"""schema.org Event data for activity pages, and the calendar links shown next to each session."""

import datetime
import json
from urllib.parse import urlencode

from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

from agenda.ical import absolute_url, session_description, session_location

SHARE_IMAGE = "img/share.png"
SHARE_IMAGE_SIZE = (1200, 630)
# The escapes of django.utils.html.json_script: no "</script>" or "<!--" can end the block.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def share_image(activity=None) -> dict:
    """The activity's photo when it is large enough for a sharing preview, else the default."""
    if activity is not None and activity.image:
        try:
            width, height = activity.image.width, activity.image.height
        except (OSError, ValueError):
            width = height = 0
        if width >= SHARE_IMAGE_SIZE[0]:
            return {
                "url": absolute_url(activity.image.url),
                "width": width,
                "height": height,
                "alt": activity.image_alt,
            }
    width, height = SHARE_IMAGE_SIZE
    return {
        "url": absolute_url(static(SHARE_IMAGE)),
        "width": width,
        "height": height,
        "alt": "Week 3 Venlo",
    }


def activity_share_card(activity) -> dict:
    """The activity's own 1200×630 card (title, day and time, provider, short link) for its
    sharing preview. The campaign app draws it at this address on the first request; agenda
    names the address only, it imports nothing from campaign. The `v` changes with the activity,
    so a preview that services keep by address shows the new card after a change."""
    width, height = SHARE_IMAGE_SIZE
    path = reverse(
        "campaign:activity_share_image",
        kwargs={"slug": activity.slug, "size": f"{width}x{height}"},
    )
    return {
        "url": absolute_url(f"{path}?v={int(activity.updated_at.timestamp())}"),
        "width": width,
        "height": height,
        "alt": f"{activity.local_title} · Week 3 Venlo",
    }


def _iso(moment) -> str:
    return timezone.localtime(moment).isoformat()


def session_event(session, activity) -> dict:
    venue = session.venue
    url = absolute_url(activity.get_absolute_url())
    place = {
        "@type": "Place",
        "name": venue.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": venue.street,
            "postalCode": venue.postcode_display,
            "addressLocality": venue.city,
            "addressRegion": "Limburg",
            "addressCountry": "NL",
        },
    }
    if venue.latitude is not None and venue.longitude is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(venue.latitude),
            "longitude": float(venue.longitude),
        }
    provider = activity.provider
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": activity.title,
        "description": activity.description,
        "startDate": _iso(session.starts_at),
        "endDate": _iso(session.ends_at),
        "eventStatus": "https://schema.org/EventCancelled"
        if session.is_cancelled
        else "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": place,
        "image": [share_image(activity)["url"]],
        "isAccessibleForFree": True,
        "organizer": {
            "@type": "Organization",
            "name": provider.name,
            "url": provider.website or absolute_url(provider.get_absolute_url()),
        },
        "offers": {
            "@type": "Offer",
            "price": 0,
            "priceCurrency": "EUR",
            "availability": "https://schema.org/SoldOut"
            if session.is_full
            else "https://schema.org/InStock",
            "url": url,
        },
        "url": url,
    }


def json_ld(data) -> SafeString:
    """A JSON-LD script element whose content cannot close the element early."""
    text = json.dumps(data, ensure_ascii=False, indent=None).translate(_JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def _utc(moment) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def google_calendar_link(session, activity) -> str:
    url = absolute_url(activity.get_absolute_url())
    query = {
        "action": "TEMPLATE",
        "text": activity.title,
        "dates": f"{_utc(session.starts_at)}/{_utc(session.ends_at)}",
        "details": strip_tags(session_description(session, url)),
        "location": session_location(session),
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query)


def outlook_calendar_link(session, activity) -> str:
    url = absolute_url(activity.get_absolute_url())
    query = {
        "subject": activity.title,
        "startdt": _iso(session.starts_at),
        "enddt": _iso(session.ends_at),
        "location": session_location(session),
        "body": session_description(session, url),
        "path": "/calendar/action/compose",
        "rru": "addevent",
    }
    return "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(query)


def subscribe_links(feed_path: str) -> dict:
    """The https address of a feed, its webcal:// twin and Google Calendar's subscribe link."""
    https = absolute_url(feed_path)
    webcal = "webcal://" + https.split("://", 1)[1]
    return {
        "https": https,
        "webcal": webcal,
        "google": "https://calendar.google.com/calendar/render?" + urlencode({"cid": webcal}),
    }
