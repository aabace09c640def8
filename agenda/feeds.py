"""Which sessions each calendar feed holds, and what the feed is called; each function gives
the feed serialized."""

from django.db.models import Prefetch
from django.utils.translation import gettext

from agenda.filters import AgendaFilter
from agenda.ical import absolute_url, feed_ical
from agenda.models import Activity, Session
from providers.models import Discipline


def _for_calendar(sessions):
    """Everything an event shows, in a fixed number of queries whatever the number of sessions."""
    return sessions.select_related("activity__provider", "venue__district").prefetch_related(
        Prefetch("activity__disciplines", queryset=Discipline.objects.order_by("position", "name"))
    )


def selection_sessions(filterset: AgendaFilter):
    """The sessions the filtered agenda shows, on every page, plus the ones cancelled since.

    A subscribed calendar must learn about a cancellation, so cancelled sessions that match
    the filters otherwise stay in the feed (marked cancelled); every other session is exactly
    one the agenda page shows for the same query string.
    """
    activities = filterset.activities()
    sessions = filterset.matching_sessions(include_cancelled=True).filter(
        activity__in=activities.values("pk")
    )
    return _for_calendar(sessions).order_by("starts_at", "pk")


def edition_sessions(edition):
    public = Activity.objects.public().in_edition(edition)
    return _for_calendar(Session.objects.filter(activity__in=public)).order_by("starts_at", "pk")


def selection_calendar(filterset: AgendaFilter, page_url: str) -> bytes:
    edition = filterset.edition
    # Named after the selection ("Week 3 Venlo – Kinderen, Blerick"), so a resident with two
    # subscriptions tells them apart in the calendar app.
    labels = [chip["label"] for chip in filterset.active_filters()]
    if labels:
        name = f"Week 3 Venlo – {', '.join(labels)}"
    else:
        name = gettext("Week 3 Venlo %(year)s") % {"year": edition.year}
    description = gettext("Free trial activities during Venlo's culture week.")
    return feed_ical(
        selection_sessions(filterset),
        name=name,
        description=description,
        url=absolute_url(page_url),
    )


def provider_calendar(provider, edition) -> bytes:
    sessions = edition_sessions(edition).filter(activity__provider=provider)
    return feed_ical(
        sessions,
        name=f"{provider.name} – Week 3 Venlo {edition.year}",
        description=gettext("Free trial activities of %(provider)s during Week 3 Venlo.")
        % {"provider": provider.name},
        url=absolute_url(provider.get_absolute_url()),
    )


def activity_calendar(activity) -> bytes:
    sessions = _for_calendar(activity.sessions.all()).order_by("starts_at", "pk")
    return feed_ical(
        sessions,
        name=f"{activity.title} – Week 3 Venlo",
        description=gettext("Every session of %(activity)s by %(provider)s.")
        % {"activity": activity.title, "provider": activity.provider.name},
        url=absolute_url(activity.get_absolute_url()),
    )


def activity_session(activity, session_pk: int):
    """One session of the activity, ready for session_ics(); None when it is not one of its."""
    return _for_calendar(activity.sessions.filter(pk=session_pk)).first()


def favourites_calendar(activities, edition) -> bytes:
    """Every session of a visitor's favourite activities (agenda.favourites)."""
    public = Activity.objects.public().in_edition(edition)
    sessions = _for_calendar(
        Session.objects.filter(activity__in=public.filter(pk__in=[a.pk for a in activities]))
    ).order_by("starts_at", "pk")
    return feed_ical(
        sessions,
        name=gettext("My Week 3 programme"),
        description=gettext("The activities I saved on the Week 3 Venlo agenda."),
    )


def reservations_calendar(reservations) -> bytes:
    """The sessions of one resident's places ("Mijn Week 3"): the ones with a spot. A place in
    line joins when it gets a spot; a cancelled one leaves."""
    sessions = _for_calendar(
        Session.objects.filter(pk__in=[r.session_id for r in reservations if r.is_confirmed])
    ).order_by("starts_at", "pk")
    return feed_ical(
        sessions,
        name=gettext("My reservations – Week 3 Venlo"),
        description=gettext("Your reserved spots during Week 3 Venlo."),
    )
