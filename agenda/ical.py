"""iCalendar (RFC 5545 / RFC 7986) for sessions: subscription feeds and single-session downloads."""

import datetime
import functools
import hashlib
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import caches
from django.utils.translation import get_language, gettext
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vDuration

PRODID = "-//Gemeente Venlo//Week 3 agenda//NL"
# Calendar apps re-fetch a subscription at most this often; the feed says so (RFC 7986).
REFRESH_INTERVAL = datetime.timedelta(hours=1)
# SEQUENCE counts whole seconds since this moment: it only ever rises, and fits an integer.
SEQUENCE_EPOCH = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
# A built event stays ready this long in the fragments cache; a change gives it a new key.
EVENT_TIMEOUT = 24 * 60 * 60
END = b"END:VCALENDAR\r\n"


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def session_uid(session) -> str:
    """Stable per session: the primary key never changes, neither does the site's host."""
    host = urlsplit(settings.SITE_URL).hostname or "week3"
    return f"session-{session.pk}@{host}"


def session_last_modified(session) -> datetime.datetime:
    """The latest change to anything the event shows: the session, its activity or its venue."""
    return max(session.updated_at, session.activity.updated_at, session.venue.updated_at)


def sequence_at(moment: datetime.datetime) -> int:
    return max(int((moment - SEQUENCE_EPOCH).total_seconds()), 0)


def session_sequence(session) -> int:
    """Rises with every change, derived from the timestamps rather than a stored counter."""
    return sequence_at(session_last_modified(session))


def session_description(session, url: str) -> str:
    activity = session.activity
    parts = [
        activity.local_summary,
        activity.description.strip(),
        f"{gettext('By')}: {activity.provider.name}",
    ]
    if activity.what_to_bring:
        parts.append(f"{gettext('What to bring')}: {activity.what_to_bring}")
    parts.append(f"{activity.get_registration_display()} – {url}")
    return "\n\n".join(part for part in parts if part)


def session_location(session) -> str:
    venue = session.venue
    return f"{venue.name}, {venue.address}"


def event_for_session(session, *, cancelled_at: datetime.datetime | None = None) -> Event:
    """The session as a VEVENT; `cancelled_at` cancels it for one resident (their own cancel).

    A cancellation must be a newer revision of the same UID than the confirmation the resident
    imported, or calendars ignore it: when the session itself did not change, the moment of
    cancelling raises DTSTAMP and SEQUENCE.
    """
    activity = session.activity
    venue = session.venue
    zone = ZoneInfo(settings.TIME_ZONE)
    url = absolute_url(activity.get_absolute_url())
    modified = session_last_modified(session)
    if cancelled_at is not None:
        modified = max(modified, cancelled_at)
    sequence = sequence_at(modified)
    modified = modified.astimezone(datetime.UTC).replace(microsecond=0)

    event = Event()
    event.add("uid", session_uid(session))
    # Without METHOD, DTSTAMP means the last revision (RFC 5545 3.8.7.2): the body stays
    # byte-identical between requests, so ETags and caches hold.
    event.add("dtstamp", modified)
    event.add("last-modified", modified)
    event.add("sequence", sequence)
    event.add("dtstart", session.starts_at.astimezone(zone))
    event.add("dtend", session.ends_at.astimezone(zone))
    event.add("summary", activity.local_title, parameters={"LANGUAGE": activity.local_title_lang})
    event.add("description", session_description(session, url))
    event.add("location", session_location(session))
    if venue.latitude is not None and venue.longitude is not None:
        event.add("geo", (float(venue.latitude), float(venue.longitude)))
    event.add("url", url)
    categories = [discipline.label for discipline in activity.disciplines.all()]
    if categories:
        event.add("categories", categories)
    cancelled = session.is_cancelled or cancelled_at is not None
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def _last_sunday_1970(month: int) -> datetime.date:
    day = datetime.date(1970, month + 1, 1) if month < 12 else datetime.date(1971, 1, 1)
    day -= datetime.timedelta(days=1)
    return day - datetime.timedelta(days=(day.weekday() - 6) % 7)


@functools.cache
def yearly_rule_timezone(name: str) -> Timezone | None:
    """The zone as two yearly "last Sunday" rules, the VTIMEZONE form every client reads.

    icalendar writes a list of RDATEs, which RFC 5545 allows but dateutil-based readers
    (vobject, some Outlook versions) misread, putting summer sessions an hour off. None when
    the zone's changes follow another pattern: then icalendar's own VTIMEZONE is used.
    """
    zone = ZoneInfo(name)
    start = datetime.datetime(datetime.date.today().year, 1, 1, tzinfo=datetime.UTC)
    changes, previous = [], start.astimezone(zone).utcoffset()
    for hour in range(1, 366 * 24):
        moment = start + datetime.timedelta(hours=hour)
        offset = moment.astimezone(zone).utcoffset()
        if offset != previous:
            changes.append((moment + previous, previous, offset, moment.astimezone(zone)))
            previous = offset
    if len(changes) != 2:
        return None
    timezone = Timezone()
    timezone.add("tzid", name)
    for wall_clock, offset_from, offset_to, after in changes:
        day = wall_clock.date()
        if day.weekday() != 6 or (day + datetime.timedelta(days=7)).month == day.month:
            return None
        component = TimezoneDaylight() if after.dst() else TimezoneStandard()
        first = datetime.datetime.combine(_last_sunday_1970(day.month), wall_clock.time())
        component.add("dtstart", first)
        component.add("rrule", {"freq": "yearly", "bymonth": day.month, "byday": "-1SU"})
        component.add("tzoffsetfrom", offset_from)
        component.add("tzoffsetto", offset_to)
        component.add("tzname", after.tzname())
        timezone.add_component(component)
    return timezone


def _calendar(*, name: str, description: str, url: str) -> Calendar:
    """The calendar's own properties and its VTIMEZONE, without events."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    if description:
        calendar.add("description", description)
        calendar.add("x-wr-caldesc", description)
    if url:
        calendar.add("url", url)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    zone = yearly_rule_timezone(settings.TIME_ZONE)
    if zone is not None:
        calendar.add_component(zone)
    return calendar


def calendar_for_sessions(
    sessions,
    *,
    name: str,
    description: str = "",
    url: str = "",
    cancelled_at: datetime.datetime | None = None,
) -> Calendar:
    """One VEVENT per session, local times in the site's time zone with their VTIMEZONE.

    Callers select_related activity__provider and venue__district and prefetch
    activity__disciplines, so building costs no queries per session.
    """
    calendar = _calendar(name=name, description=description, url=url)
    for session in sessions:
        calendar.add_component(event_for_session(session, cancelled_at=cancelled_at))
    calendar.add_missing_timezones()
    return calendar


def _event_key(session) -> str:
    """Changes with anything the session's event shows (the timestamps cover the session, its
    activity and venue; the provider's name and the categories are read as they are)."""
    activity = session.activity
    shown = (
        session.pk,
        session_last_modified(session).isoformat(),
        session.is_cancelled,
        activity.provider.name,
        [discipline.label for discipline in activity.disciplines.all()],
        get_language(),
        settings.SITE_URL,
        settings.TIME_ZONE,
    )
    return "ics-event:" + hashlib.sha256(repr(shown).encode()).hexdigest()[:32]


def feed_ical(sessions, *, name: str, description: str = "", url: str = "") -> bytes:
    """calendar_for_sessions(...).to_ical(), with each event's lines kept in the fragments
    cache: after one activity changes, rebuilding a feed of thousands of sessions builds only
    that activity's events again."""
    if yearly_rule_timezone(settings.TIME_ZONE) is None:  # icalendar must see every event
        return calendar_for_sessions(
            sessions, name=name, description=description, url=url
        ).to_ical()
    sessions = list(sessions)
    keys = [_event_key(session) for session in sessions]
    store = caches["fragments"]
    found = store.get_many(keys)
    built = {}
    for session, key in zip(sessions, keys, strict=True):
        if key not in found:
            built[key] = found[key] = event_for_session(session).to_ical()
    if built:
        store.set_many(built, timeout=EVENT_TIMEOUT)
    head = _calendar(name=name, description=description, url=url).to_ical()
    return head.removesuffix(END) + b"".join(found[key] for key in keys) + END


def session_ics(session, *, cancelled_at: datetime.datetime | None = None) -> bytes:
    """A one-event calendar for a single session, serialized (downloads, e-mail attachments).

    With `cancelled_at` the event says STATUS:CANCELLED, so a calendar drops it: for a resident
    who cancelled their own place in a session that still takes place.
    """
    activity = session.activity
    calendar = calendar_for_sessions(
        [session],
        name=activity.title,
        description=f"Week 3 – {activity.provider.name}",
        url=absolute_url(activity.get_absolute_url()),
        cancelled_at=cancelled_at,
    )
    return calendar.to_ical()
