"""Plain helpers that several test modules use; shared fixtures live in the conftest.py files."""

import datetime
import io
import re
from html.parser import HTMLParser

from django.db.models import OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image

from agenda.models import Activity, Audience, Reservation, ReservationState, Session
from agenda.services.activities import activity_save
from agenda.services.drafts import activity_data
from agenda.services.moderation import activity_approve, activity_submit
from agenda.services.reservations import reservation_cancel
from campaign.models import LinkVisitDay
from providers.models import Discipline
from tests.factories import (
    EDITION_START,
    THURSDAY,
    TUESDAY,
    WEDNESDAY,
    EditionFactory,
    ProviderFactory,
    ReservationFactory,
    VenueFactory,
    local,
    reserve,
)

# Reservations.


def form_url(session, prefix=""):
    """The form's address in Dutch (no prefix) or, with prefix "/en", in English."""
    with translation.override(prefix.strip("/") or "nl"):
        return reverse(
            "agenda:reservation_create",
            kwargs={"slug": session.activity.slug, "session_pk": session.pk},
        )


def form_data(n=1, **extra):
    return {
        "name": f"Bewoner {n}",
        "email": f"bewoner{n}@example.org",
        "party_size": "1",
        "age_bracket": "",
        "postcode": "",
        "channel": "",
        "website": "",
        **extra,
    }


def assert_counters_match(session):
    session.refresh_from_db()
    confirmed, waiting = Reservation.State.CONFIRMED, Reservation.State.WAITING
    sums = {
        state: session.reservations.filter(state=state).aggregate(s=Sum("party_size"))["s"] or 0
        for state in (confirmed, waiting)
    }
    assert session.places_booked == sums[confirmed]
    assert session.places_waiting == sums[waiting]
    if session.capacity is not None:
        assert session.places_booked <= session.capacity


# The public agenda at scale.


def grow_agenda(count: int) -> Activity:
    """Add `count` public activities, each with two sessions, an audience and a discipline."""
    edition = EditionFactory()
    providers = [ProviderFactory() for _ in range(5)]
    venues = [VenueFactory() for _ in range(3)]
    start = Activity.objects.count()
    activities = Activity.objects.bulk_create(
        Activity(
            edition=edition,
            provider=providers[i % len(providers)],
            title=f"Activiteit {i}",
            slug=f"activiteit-{i}",
            description="Doe mee.",
            state=Activity.State.APPROVED,
        )
        for i in range(start, start + count)
    )
    sessions, places = [], []
    for i, activity in enumerate(activities):
        for offset in (0, 2):
            day = EDITION_START + datetime.timedelta(days=(i + offset) % 7)
            sessions.append(
                Session(
                    activity=activity,
                    venue=venues[i % 3],
                    starts_at=local(day, 19),
                    ends_at=local(day, 21),
                    capacity=10,
                )
            )
            places.append(i % 11)  # from none to all ten
    Session.objects.bulk_create(sessions)
    # Those places booked in parties of up to four. Hundreds of reservations one by one through
    # the service would take seconds per call: the rows in bulk, and the counters summed from
    # them in the database, so they match the reservations as reservation_create keeps them.
    Reservation.objects.bulk_create(
        Reservation(
            session=session,
            name=f"Bewoner {n}",
            email=f"bewoner{n}@example.org",
            party_size=party_size,
            token=f"grow-{session.pk}-{n}",
        )
        for session, booked in zip(sessions, places, strict=True)
        for n, party_size in enumerate([4] * (booked // 4) + [booked % 4] * bool(booked % 4))
    )
    confirmed = (
        Reservation.objects.filter(session=OuterRef("pk"), state=Reservation.State.CONFIRMED)
        .values("session")
        .annotate(places=Sum("party_size"))
        .values("places")
    )
    Session.objects.filter(pk__in=[session.pk for session in sessions]).update(
        places_booked=Coalesce(Subquery(confirmed), 0)
    )
    audiences = list(Audience.objects.all())
    disciplines = list(Discipline.objects.all())
    Activity.audiences.through.objects.bulk_create(
        Activity.audiences.through(activity=a, audience=audiences[i % len(audiences)])
        for i, a in enumerate(activities)
    )
    Activity.disciplines.through.objects.bulk_create(
        Activity.disciplines.through(activity=a, discipline=disciplines[i % len(disciplines)])
        for i, a in enumerate(activities)
    )
    return activities[0]


# The portal.


def activity_post(venue, **extra):
    """The portal's activity form as posted: an activity with two sessions at `venue`."""
    data = {
        "disciplines": [str(Discipline.objects.get(slug="zang").pk)],
        "audiences": [str(Audience.objects.get(slug="kinderen").pk)],
        "title": "Open repetitie",
        "description": "Zing mee.",
        "registration": "reserve",
        "max_party_size": "4",
        "min_age": "8",
        "max_age": "80",
        "image_alt": "",
        "sessions-TOTAL_FORMS": "2",
        "sessions-INITIAL_FORMS": "0",
        "sessions-0-day": TUESDAY.isoformat(),
        "sessions-0-start": "19:00",
        "sessions-0-end": "20:30",
        "sessions-0-venue": str(venue.pk),
        "sessions-0-capacity": "15",
        "sessions-1-day": WEDNESDAY.isoformat(),
        "sessions-1-start": "19:00",
        "sessions-1-end": "20:30",
        "sessions-1-venue": str(venue.pk),
        "sessions-1-capacity": "15",
    }
    data.update(extra)
    return data


def link_in(message):
    """The path of the first link in an e-mail's body."""
    return re.search(r"https?://\S+", message.body).group(0).split("week3.example.org")[1]


def jpeg_with_gps(size=(1600, 900)) -> bytes:
    image = Image.new("RGB", size, (200, 40, 90))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° when shown.
    exif[0x8825] = {1: "N", 2: (51.0, 22.0, 12.5), 3: "E", 4: (6.0, 10.0, 3.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


# Moderation.

# A name that HTML escaping would mangle, for the plain-text e-mails.
TRICKY_TITLE = "Rock & Roll voor 't Hof"


def submitted(world):
    """The world's activity, sent to the moderators by its provider's user."""
    activity = world["activity"]
    activity_submit(activity=activity, by=world["user"])
    activity.refresh_from_db()
    return activity


def approved(world, moderator):
    """The world's activity, submitted and approved."""
    activity = submitted(world)
    activity_approve(activity=activity, by=moderator)
    activity.refresh_from_db()
    return activity


def proposed_change(world, moderator, title):
    """The approved activity with a new title proposed, and the data that proposed it."""
    activity = approved(world, moderator)
    data = activity_data(activity)
    data["title"] = title
    activity_save(activity=activity, data=data, by=world["user"])
    return activity, data


def moved_change(world, moderator, people=9, places=16):
    """The approved activity with a change proposed that moves its booked session an hour
    later (`people` reservations holding `places` places), adds a session and rewrites the
    description. Returns the activity and the session."""
    activity = approved(world, moderator)
    session = world["session"]
    Session.objects.filter(pk=session.pk).update(capacity=40)
    Activity.objects.filter(pk=activity.pk).update(max_party_size=4)
    pairs = places - people
    for n in range(people):
        reserve(session, n, party_size=2 if n < pairs else 1)
    data = activity_data(activity)
    data["description"] = "Zing mee met het hele koor."
    moved = data["sessions"][0]
    moved["starts_at"] = (session.starts_at + datetime.timedelta(hours=1)).isoformat()
    moved["ends_at"] = (session.ends_at + datetime.timedelta(hours=1)).isoformat()
    data["sessions"].append(
        {
            **moved,
            "id": None,
            "starts_at": local(THURSDAY, 19).isoformat(),
            "ends_at": local(THURSDAY, 21).isoformat(),
        }
    )
    activity_save(activity=activity, data=data, by=world["user"])
    return activity, session


def changelist_action(client, model, action, pks, **extra):
    """The admin action `action` on the rows `pks` of `model`'s list (e.g. "agenda_activity")."""
    url = reverse(f"admin:{model}_changelist")
    return client.post(url, {"action": action, "_selected_action": pks, **extra}, follow=True)


# Browser tests: what axe-core checks.

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


# The campaign's reach.


def link_visits(link, *counts):
    """Visits through `link` on the days before today, the last count yesterday."""
    for days_ago, count in enumerate(reversed(counts), start=1):
        LinkVisitDay.objects.create(
            link=link, day=timezone.localdate() - datetime.timedelta(days=days_ago), visits=count
        )


def reservation_through(link, session, party_size=1, channel=None, state=None):
    """A reservation made after a visit through `link` (the attribution sets the code)."""
    reservation = ReservationFactory(session=session, party_size=party_size, channel=channel)
    Reservation.objects.filter(pk=reservation.pk).update(referral_code=link.code if link else "")
    if state == ReservationState.CANCELLED:
        reservation_cancel(reservation=reservation)
    elif state:
        # Who came is marked after the session (agenda.services.attendance); set it directly.
        Reservation.objects.filter(pk=reservation.pk).update(state=state)
    return reservation


class _Tables(HTMLParser):
    """Each table's rows as lists of cell texts, by the table's id."""

    def __init__(self, html):
        super().__init__()
        self.tables, self.current, self.row, self.cell = {}, None, None, None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.current = self.tables.setdefault(dict(attrs).get("id"), [])
        elif tag == "tr" and self.current is not None:
            self.row = []
            self.current.append(self.row)
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(" ".join(" ".join(self.cell).split()))
            self.cell = None
        elif tag == "table":
            self.current = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def html_tables(html: str) -> dict[str, list[list[str]]]:
    """Each table of the page by its id: its rows as lists of cell texts."""
    return _Tables(html).tables
