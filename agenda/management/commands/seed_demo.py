"""Fill the database with a realistic Dutch Week 3 edition of Venlo, for demos and benchmarks."""

import datetime
import hashlib
import random
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from agenda.management.commands._demo_data import (
    COMMUNITY_VENUES,
    PROVIDERS,
    TRANSLATIONS,
    VENUES,
    DemoActivity,
    DemoProvider,
)
from agenda.management.commands._demo_history import seed_history
from agenda.models import (
    Activity,
    ActivityDecision,
    ActivityRevision,
    ActivityState,
    AgeBracket,
    Audience,
    Channel,
    Decision,
    Edition,
    Registration,
    Reservation,
    ReservationState,
    Session,
)
from agenda.services.drafts import activity_data
from providers.models import Discipline, District, PostcodeRange, Provider, Venue


def analyze() -> None:
    """Fresh planner statistics for what was just written. Thousands of rows arrive at once,
    and statistics taken while the tables were nearly empty (autovacuum's last look, a test
    database's earlier tests) make PostgreSQL plan nested loops over them: counting the
    districts for the report alone took 20 s that way at `--scale 1000`. Inside the seeding
    transaction ANALYZE sees its own rows."""
    tables = connection.introspection.django_table_names(only_existing=True)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {', '.join(map(connection.ops.quote_name, sorted(tables)))}")


# Part of every random seed: change it to get a different, but again stable, demo.
SEED = "week3-demo-1"
EXTRA_PREFIX = "extra-"
# Published on purpose: the logins only exist with DEBUG=True or --with-logins.
DEMO_PASSWORD = "week3demo"
STAFF_EMAIL = "redactie@example.org"
ADMIN_EMAIL = "admin@example.org"
BATCH_SIZE = 500
# Demo reservations use this domain, so a re-run finds (and only touches) its own rows.
DEMO_DOMAIN = "@deelnemer.example.org"
# A demo reservation holds its place before and after the session (marked came or not).
HELD_STATES = [ReservationState.CONFIRMED, ReservationState.ATTENDED, ReservationState.NO_SHOW]
# The approved activity with a proposed change waiting for review.
WAITING_CHANGE = "zangles-proberen"
DEMO_FIRST_NAMES = [
    "Anouk",
    "Bram",
    "Daan",
    "Emma",
    "Fatima",
    "Gijs",
    "Hanna",
    "Ivo",
    "Julia",
    "Kees",
    "Lotte",
    "Mehmet",
    "Noor",
    "Olga",
    "Pieter",
    "Roos",
    "Sem",
    "Tessa",
    "Vera",
    "Yusuf",
]

# (start hour, start minute, length in minutes) that fit each group's day.
WEEKDAY_SLOTS = {
    "children": [(15, 30, 60), (16, 0, 60), (14, 0, 90)],
    "youth": [(16, 30, 90), (19, 0, 90)],
    "seniors": [(10, 0, 90), (14, 0, 90)],
    "families": [(15, 30, 75), (18, 30, 60)],
    "general": [(10, 0, 90), (19, 30, 90), (20, 0, 120)],
}
WEEKEND_SLOTS = {
    "children": [(10, 0, 60), (11, 0, 75), (14, 0, 90)],
    "youth": [(13, 0, 120), (15, 0, 90)],
    "seniors": [(10, 30, 90), (14, 0, 90)],
    "families": [(10, 0, 90), (13, 30, 90), (15, 0, 90)],
    "general": [(10, 30, 90), (14, 0, 120), (15, 30, 90)],
}
CAPACITIES = [8, 10, 12, 12, 15, 15, 16, 20, 20, 24, 25, 30]
# Music, dance and making things work without much talk.
WORDLESS_DISCIPLINES = {"muziek", "dans", "ambacht", "beeldende-kunst", "fotografie"}

ACTIVITY_FIELDS = [
    "provider",
    "title",
    "description",
    "min_age",
    "max_age",
    "no_dutch_needed",
    "title_en",
    "summary_en",
    "title_de",
    "summary_de",
    "registration",
    "parents_stay",
    "what_to_bring",
    "follow_up",
    "image",
    "image_alt",
    "state",
]
SESSION_FIELDS = ["starts_at", "ends_at", "venue", "capacity", "places_booked", "is_cancelled"]
# The through table, and the column that points away from the activity.
LINKS = {"disciplines": "discipline_id", "audiences": "audience_id", "languages": "language_id"}


@dataclass
class ActivityPlan:
    """Everything one activity should look like after seeding, before it touches the database."""

    activity: Activity
    disciplines: list[int]
    audiences: list[int]
    languages: list[str]
    sessions: list[Session]


def default_year(today: datetime.date) -> int:
    """The year of the next Week 3: this year's until it is over, then next year's."""
    if today > datetime.date.fromisocalendar(today.year, 3, 7):
        return today.year + 1
    return today.year


def segment(min_age: int | None, max_age: int | None, audiences) -> str:
    if max_age is not None and max_age <= 12:
        return "children"
    if max_age is not None and max_age <= 18:
        return "youth"
    if min_age is not None and min_age >= 60:
        return "seniors"
    if {"gezinnen", "kinderen"} & set(audiences):
        return "families"
    return "general"


def plan_sessions(rng, edition, count, group, venue_ids, *, walk_in, guest_venue_ids):
    """`count` sessions on different days of the edition, at times that suit `group`."""
    tz = timezone.get_default_timezone()
    days = sorted(rng.sample(edition.days, count))
    sessions = []
    for index, day in enumerate(days):
        slots = WEEKEND_SLOTS if day.isoweekday() >= 6 else WEEKDAY_SLOTS
        hour, minute, length = rng.choice(slots[group])
        starts_at = datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=tz)
        venue_id = venue_ids[index % len(venue_ids)]
        if rng.random() < 0.12:
            # Community centres host guests, which spreads the agenda over more districts.
            venue_id = rng.choice(guest_venue_ids)
        capacity, booked = None, 0
        if not walk_in:
            capacity = rng.choice(CAPACITIES)
            roll = rng.random()
            if roll < 0.18:
                booked = capacity
            elif roll < 0.75:
                booked = rng.randint(1, capacity - 1)
        sessions.append(
            Session(
                starts_at=starts_at,
                ends_at=starts_at + datetime.timedelta(minutes=length),
                venue_id=venue_id,
                capacity=capacity,
                places_booked=booked,
                is_cancelled=rng.random() < 0.05,
            )
        )
    return sessions


def chunks(items, size=BATCH_SIZE):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Command(BaseCommand):
    help = (
        "Create or update a realistic Dutch demo edition of Week 3: providers, venues, "
        "activities and sessions. Deterministic and idempotent. Demo logins (password "
        f"'{DEMO_PASSWORD}') only with DEBUG=True or --with-logins."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--year",
            type=int,
            help="Year of the edition (default: the next Week 3 that has not ended yet).",
        )
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            metavar="N",
            help=(
                f"Also keep exactly N extra approved activities ({EXTRA_PREFIX}00001 …) with "
                "2–4 sessions each, for benchmarks. Extras above N are removed."
            ),
        )
        parser.add_argument(
            "--with-logins",
            action="store_true",
            help="Create the demo logins even when DEBUG is off.",
        )

    def handle(self, *args, year=None, scale=0, with_logins=False, **options):
        if scale < 0:
            raise CommandError("--scale must be 0 or more.")
        year = year or default_year(timezone.localdate())
        if not 2000 <= year <= 2100:
            raise CommandError("--year must be between 2000 and 2100.")
        with transaction.atomic():
            edition = self.seed_edition(year)
            venues = self.seed_venues()
            providers = self.seed_providers()
            self.set_venue_owners(providers)
            lookups = self.lookups()
            plans = [
                self.plan_demo_activity(edition, providers[org.slug], org, act, venues, lookups)
                for org in PROVIDERS
                for act in org.activities
            ]
            self.check_slugs(plans)
            for plan in plans:
                # Slugs are unique here by check_slugs and matched to existing rows by slug,
                # so the per-edition uniqueness check (which would see those rows) is skipped.
                try:
                    plan.activity.full_clean(exclude=["edition"])
                except ValidationError as error:
                    raise CommandError(f"Demo activity {plan.activity.slug}: {error}") from error
            approved = [
                (providers[org.slug], org)
                for org in PROVIDERS
                if org.status == Provider.Status.APPROVED
            ]
            plans += [
                self.plan_extra(edition, number, approved, venues, lookups)
                for number in range(1, scale + 1)
            ]
            self.remove_stale_extras(edition, {plan.activity.slug for plan in plans})
            self.sync_activities(edition, plans)
            self.seed_reservations(edition)
            self.seed_waiting_change(edition)
            seed_history(edition)
            logins = 0
            if settings.DEBUG or with_logins:
                logins = self.seed_logins(list(providers.values()))
            analyze()
        self.report(edition, logins)

    # Edition, venues and providers: few rows, so plain per-row upserts.

    def seed_edition(self, year):
        starts_on = datetime.date.fromisocalendar(year, 3, 1)
        ends_on = starts_on + datetime.timedelta(days=6)
        tz = timezone.get_default_timezone()
        opens = datetime.datetime.combine(
            starts_on - datetime.timedelta(weeks=10), datetime.time(9, 0), tzinfo=tz
        )
        closes = datetime.datetime.combine(
            starts_on - datetime.timedelta(weeks=3), datetime.time(23, 59), tzinfo=tz
        )
        # ISO week 3 always runs from 12–18 to 18–24 January, so the month is fixed.
        intro = (
            f"Week 3 is de cultuurweek van Venlo. Van maandag {starts_on.day} tot en met zondag "
            f"{ends_on.day} januari openen koren, harmonieën, musea, kunstenaars en de Huizen "
            "van de Wijk hun deuren. Je probeert alles één keer gratis. Kies wat bij je past "
            "en reserveer een plek, of loop gewoon binnen."
        )
        intro_en = (
            f"Week 3 is Venlo's culture week. From Monday {starts_on.day} to Sunday "
            f"{ends_on.day} January, choirs, brass bands, museums, artists and the community "
            "centres open their doors. You try everything once, for free. Choose what suits you "
            "and reserve a spot, or just walk in."
        )
        intro_de = (
            f"Week 3 ist die Kulturwoche von Venlo. Von Montag, {starts_on.day}., bis Sonntag, "
            f"{ends_on.day}. Januar öffnen Chöre, Blaskapellen, Museen, Künstler und die "
            "Stadtteilzentren ihre Türen. Du probierst alles einmal kostenlos aus. Wähle, was zu "
            "dir passt, und reserviere einen Platz oder komm einfach vorbei."
        )
        return self.upsert(
            Edition,
            {"year": year},
            {
                "starts_on": starts_on,
                "ends_on": ends_on,
                "submissions_open_from": opens,
                "submissions_open_until": closes,
                "is_published": True,
                "intro": intro,
                "intro_en": intro_en,
                "intro_de": intro_de,
            },
        )

    def seed_venues(self) -> dict[str, Venue]:
        districts = {district.slug: district for district in District.objects.all()}
        venues = {}
        for spec in VENUES:
            street, postcode, city = spec.address
            district = districts.get(spec.district)
            if district is None:
                raise CommandError(f"District {spec.district!r} is missing; run migrate first.")
            # Statistics map postcodes to districts, so a demo venue must agree with that map.
            mapped = PostcodeRange.district_for(postcode)
            if mapped != district:
                raise CommandError(f"{spec.name}: {postcode} maps to {mapped}, not {district}.")
            latitude, longitude = spec.location
            venues[spec.key] = self.upsert(
                Venue,
                {"street": street, "postcode": postcode},
                {
                    "name": spec.name,
                    "city": city,
                    "district_id": district.pk,
                    "latitude": Decimal(latitude),
                    "longitude": Decimal(longitude),
                    "wheelchair_accessible": "wheelchair" in spec.access,
                    "accessible_toilet": "toilet" in spec.access,
                    "hearing_loop": "loop" in spec.access,
                    "accessibility_notes": spec.notes,
                },
            )
        return venues

    def seed_providers(self) -> dict[str, Provider]:
        districts = {district.slug: district.pk for district in District.objects.all()}
        disciplines = {discipline.slug: discipline.pk for discipline in Discipline.objects.all()}
        providers = {}
        for org in PROVIDERS:
            provider = self.upsert(
                Provider,
                {"slug": org.slug},
                {
                    "name": org.name,
                    "kind": org.kind,
                    "status": org.status,
                    "description": org.text,
                    "website": f"https://{org.slug}.example.org/",
                    "public_email": f"info@{org.slug}.example.org",
                    "contact_name": org.contact,
                    "contact_email": f"{org.slug}@example.org",
                    "home_district_id": districts[org.district],
                },
            )
            provider.disciplines.set([disciplines[slug] for slug in org.disciplines])
            providers[org.slug] = provider
        return providers

    def set_venue_owners(self, providers):
        """A venue counts as added by the first demo provider that uses it."""
        owners = {}
        for org in PROVIDERS:
            for key in org.venues:
                owners.setdefault(key, providers[org.slug].pk)
        by_key = {spec.key: spec.address for spec in VENUES}
        for key, provider_id in owners.items():
            street, postcode, _ = by_key[key]
            Venue.objects.filter(street=street, postcode=postcode).exclude(
                added_by_id=provider_id
            ).update(added_by_id=provider_id)

    @staticmethod
    def upsert(model, lookup, values):
        """Like update_or_create, but leaves an unchanged row alone (and its updated_at)."""
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **values)
        elif all(getattr(obj, name) == value for name, value in values.items()):
            return obj
        else:
            for name, value in values.items():
                setattr(obj, name, value)
        try:
            obj.full_clean()
        except ValidationError as error:
            raise CommandError(f"Demo {model.__name__} {lookup}: {error}") from error
        obj.save()
        return obj

    # Activities and sessions: many rows, so planned in memory and written in bulk.

    @staticmethod
    def lookups():
        return {
            "disciplines": {d.slug: d for d in Discipline.objects.all()},
            "audiences": {a.slug: a.pk for a in Audience.objects.all()},
        }

    def plan_demo_activity(
        self, edition, provider, org: DemoProvider, act: DemoActivity, venues, lookups
    ):
        slug = slugify(act.title)
        rng = random.Random(f"{SEED}:{slug}")
        disciplines = list(act.disciplines or org.disciplines[:1])
        min_age, max_age = act.ages

        no_dutch_needed = act.no_dutch_needed
        if not no_dutch_needed and WORDLESS_DISCIPLINES & set(disciplines):
            no_dutch_needed = rng.random() < 0.2
        languages = ["nl"]
        if no_dutch_needed or "nieuwkomers" in act.audiences or rng.random() < 0.15:
            languages.append("en")
        # Venlo borders Germany; German visitors come to the museums and the border villages.
        if rng.random() < (0.35 if org.kind == Provider.Kind.INSTITUTION else 0.1):
            languages.append("de")

        walk_in = act.walk_in if act.walk_in is not None else rng.random() < 0.15
        count = rng.choices([1, 2, 3, 4], weights=[1, 3, 4, 2])[0]
        venue_keys = [act.venue] if act.venue else list(org.venues)
        sessions = plan_sessions(
            rng,
            edition,
            count,
            segment(min_age, max_age, act.audiences),
            [venues[key].pk for key in venue_keys],
            walk_in=walk_in,
            guest_venue_ids=[venues[key].pk for key in COMMUNITY_VENUES],
        )
        activity = Activity(
            edition=edition,
            provider=provider,
            title=act.title,
            slug=slug,
            description=act.text,
            min_age=min_age,
            max_age=max_age,
            no_dutch_needed=no_dutch_needed,
            registration=Registration.WALK_IN if walk_in else Registration.RESERVE,
            # A class for children only (not for families): parents drop them off.
            parents_stay=(
                Activity.ParentsStay.DROP_OFF
                if max_age is not None and max_age <= 14 and "gezinnen" not in act.audiences
                else Activity.ParentsStay.STAY
            ),
            what_to_bring=org.bring if act.bring is None else act.bring,
            follow_up=act.follow_up or org.follow_up,
            state=act.state,
            **TRANSLATIONS.get(slug, {}),
        )
        return ActivityPlan(
            activity=activity,
            disciplines=[lookups["disciplines"][name].pk for name in disciplines],
            audiences=[lookups["audiences"][name] for name in act.audiences],
            languages=languages,
            sessions=sessions,
        )

    def plan_extra(self, edition, number, providers, venues, lookups):
        slug = f"{EXTRA_PREFIX}{number:05d}"
        rng = random.Random(f"{SEED}:{slug}")
        provider, org = providers[number % len(providers)]
        discipline = lookups["disciplines"][rng.choice(org.disciplines)]
        audience = rng.choice(["kinderen", "jongeren", "volwassenen", "senioren", "gezinnen"])
        min_age, max_age = {
            "kinderen": (6, 12),
            "jongeren": (12, 18),
            "senioren": (65, None),
        }.get(audience, (None, None))
        walk_in = rng.random() < 0.25
        sessions = plan_sessions(
            rng,
            edition,
            rng.randint(2, 4),
            segment(min_age, max_age, [audience]),
            [venues[key].pk for key in org.venues],
            walk_in=walk_in,
            guest_venue_ids=[venues[key].pk for key in COMMUNITY_VENUES],
        )
        activity = Activity(
            edition=edition,
            provider=provider,
            title=f"Kennismaken met {discipline.name.lower()} ({number})",
            slug=slug,
            description=(
                f"Een extra proefles van {provider.name} om het agenda-overzicht te vullen. "
                "Je probeert het een keer gratis, samen met anderen."
            ),
            min_age=min_age,
            max_age=max_age,
            registration=Registration.WALK_IN if walk_in else Registration.RESERVE,
            follow_up=org.follow_up,
            state=ActivityState.APPROVED,
        )
        return ActivityPlan(
            activity=activity,
            disciplines=[discipline.pk],
            audiences=[lookups["audiences"][audience]],
            languages=["nl"],
            sessions=sessions,
        )

    @staticmethod
    def check_slugs(plans):
        counts = Counter(plan.activity.slug for plan in plans)
        duplicates = sorted(slug for slug, count in counts.items() if count > 1)
        if duplicates:
            raise CommandError(f"Demo activity titles give duplicate slugs: {duplicates}")
        clashes = sorted(slug for slug in counts if slug.startswith(EXTRA_PREFIX))
        if clashes:
            raise CommandError(f"Demo slugs may not start with {EXTRA_PREFIX!r}: {clashes}")

    @staticmethod
    def remove_stale_extras(edition, wanted_slugs):
        stale = [
            pk
            for pk, slug in Activity.objects.filter(
                edition=edition, slug__startswith=EXTRA_PREFIX
            ).values_list("pk", "slug")
            if slug not in wanted_slugs
        ]
        for batch in chunks(stale):
            Activity.objects.filter(pk__in=batch).delete()

    def sync_activities(self, edition, plans):
        """Make the planned activities, their links and sessions exist, touching only changes.

        Rows are matched by slug (activities) and by position (sessions, oldest first), so a
        second run writes nothing and keeps every primary key.
        """
        now = timezone.now()
        existing = {
            activity.slug: activity for activity in Activity.objects.filter(edition=edition)
        }
        to_create, to_update = [], []
        for plan in plans:
            new = plan.activity
            old = existing.get(new.slug)
            if old is None:
                to_create.append(new)
                continue
            new.pk, new.created_at, new.updated_at = old.pk, old.created_at, old.updated_at
            if any(getattr(old, name) != getattr(new, name) for name in self.attnames(Activity)):
                new.updated_at = now
                to_update.append(new)
        Activity.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
        Activity.objects.bulk_update(to_update, [*ACTIVITY_FIELDS, "updated_at"], BATCH_SIZE)

        planned_ids = {plan.activity.pk for plan in plans}
        for name, column in LINKS.items():
            through = getattr(Activity, name).through
            have = {
                (activity_id, other): pk
                for pk, activity_id, other in through.objects.filter(
                    activity__edition=edition
                ).values_list("pk", "activity_id", column)
                if activity_id in planned_ids
            }
            want = {(plan.activity.pk, other) for plan in plans for other in getattr(plan, name)}
            for batch in chunks(pk for key, pk in have.items() if key not in want):
                through.objects.filter(pk__in=batch).delete()
            through.objects.bulk_create(
                [through(activity_id=a, **{column: other}) for a, other in want - have.keys()],
                batch_size=BATCH_SIZE,
            )

        old_sessions = defaultdict(list)
        for session in Session.objects.filter(activity__edition=edition).order_by("pk"):
            old_sessions[session.activity_id].append(session)
        to_create, to_update, to_delete = [], [], []
        for plan in plans:
            olds = old_sessions.get(plan.activity.pk, [])
            to_delete += [session.pk for session in olds[len(plan.sessions) :]]
            for index, new in enumerate(plan.sessions):
                new.activity_id = plan.activity.pk
                old = olds[index] if index < len(olds) else None
                if old is None:
                    to_create.append(new)
                    continue
                new.pk, new.created_at, new.updated_at = old.pk, old.created_at, old.updated_at
                if any(getattr(old, name) != getattr(new, name) for name in self.attnames(Session)):
                    new.updated_at = now
                    to_update.append(new)
        for batch in chunks(to_delete):
            Session.objects.filter(pk__in=batch).delete()
        Session.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
        Session.objects.bulk_update(to_update, [*SESSION_FIELDS, "updated_at"], BATCH_SIZE)

    @staticmethod
    def seed_reservations(edition):
        """Demo reservations behind every booked place, so the portal's lists add up.

        A session whose demo rows already sum to its booked places is left alone, which keeps
        a second run from changing anything.
        """
        sessions = Session.objects.filter(activity__edition=edition, places_booked__gt=0)
        booked = defaultdict(int)
        for session_id, party in Reservation.objects.filter(
            session__in=sessions, state__in=HELD_STATES, email__endswith=DEMO_DOMAIN
        ).values_list("session_id", "party_size"):
            booked[session_id] += party
        stale = [s for s in sessions.select_related("venue") if booked[s.pk] != s.places_booked]
        Reservation.objects.filter(session__in=stale, email__endswith=DEMO_DOMAIN).delete()
        channels = list(Channel.objects.order_by("pk"))
        brackets = list(AgeBracket.values)
        rows = []
        for session in stale:
            rng = random.Random(f"{SEED}-reservations-{session.pk}")
            left, number = session.places_booked, 0
            while left:
                number += 1
                party = min(left, rng.choice([1, 1, 1, 2, 2, 3]))
                left -= party
                name = rng.choice(DEMO_FIRST_NAMES)
                token = hashlib.sha256(f"{SEED}-{session.pk}-{number}".encode()).hexdigest()
                rows.append(
                    Reservation(
                        session=session,
                        name=f"{name} (demo)",
                        email=f"{name.lower()}.{session.pk}.{number}{DEMO_DOMAIN}",
                        party_size=party,
                        age_bracket=rng.choice(brackets),
                        district=session.venue.district,
                        country=Reservation.Country.NL,
                        channel=rng.choice(channels) if channels else None,
                        consent_contact=rng.random() < 0.4,
                        consent_followup=rng.random() < 0.5,
                        state=ReservationState.CONFIRMED,
                        token=token[:43],
                    )
                )
        Reservation.objects.bulk_create(rows, batch_size=BATCH_SIZE)

    @staticmethod
    def seed_waiting_change(edition):
        """A proposed change in the moderators' queue that moves a booked session an hour
        later, so the review page has a diff and residents to tell. Left alone while open."""
        activity = Activity.objects.filter(
            edition=edition, slug=WAITING_CHANGE, state=ActivityState.APPROVED
        ).first()
        if activity is None or activity.revisions.open().exists():
            return
        session = activity.sessions.active().order_by("-places_booked", "pk").first()
        data = activity_data(activity)
        later = datetime.timedelta(hours=1)
        for row in data["sessions"]:
            if row["id"] == session.pk:
                row["starts_at"] = (session.starts_at + later).isoformat()
                row["ends_at"] = (session.ends_at + later).isoformat()
        data["description"] += "\n\nNa afloop drinken we samen koffie in de foyer."
        ActivityRevision.objects.create(activity=activity, data=data)
        ActivityDecision.objects.create(activity=activity, action=Decision.SUBMIT)

    @staticmethod
    def attnames(model):
        fields = ACTIVITY_FIELDS if model is Activity else SESSION_FIELDS
        return [model._meta.get_field(name).attname for name in fields]

    # Logins

    def seed_logins(self, providers) -> int:
        """Staff, admin and one login per provider, all sharing a single password hash."""
        User = get_user_model()
        # Hashing is slow on purpose; one hash serves every demo account.
        password = make_password(DEMO_PASSWORD)
        wanted = {
            ADMIN_EMAIL: {"first_name": "Beheer", "is_staff": True, "is_superuser": True},
            STAFF_EMAIL: {"first_name": "Redactie", "is_staff": True, "is_superuser": False},
        }
        for provider in providers:
            first_name, _, last_name = provider.contact_name.partition(" ")
            wanted[provider.contact_email] = {
                "first_name": first_name,
                "last_name": last_name,
                "is_staff": False,
                "is_superuser": False,
                "provider_id": provider.pk,
            }
        existing = {user.email: user for user in User.objects.filter(email__in=wanted)}
        to_create, to_update = [], []
        for email, values in wanted.items():
            user = existing.get(email) or User(email=email)
            defaults = {
                "provider_id": None,
                "last_name": "",
                "password": password,
                "is_active": True,
            }
            for name, value in {**defaults, **values}.items():
                setattr(user, name, value)
            (to_update if user.pk else to_create).append(user)
        User.objects.bulk_create(to_create)
        User.objects.bulk_update(
            to_update,
            [
                "password",
                "is_active",
                "first_name",
                "last_name",
                "is_staff",
                "is_superuser",
                "provider",
            ],
        )
        group = Group.objects.filter(name="redactie").first()
        if group is not None:
            group.user_set.add(User.objects.get(email=STAFF_EMAIL))
        return len(wanted)

    def report(self, edition, logins):
        activities = Activity.objects.filter(edition=edition)
        sessions = Session.objects.filter(activity__edition=edition)
        states = Counter(activities.values_list("state", flat=True))
        kinds = Counter(Provider.objects.approved().values_list("kind", flat=True))
        public_sessions = sessions.filter(activity__in=activities.public())
        full = public_sessions.filter(places_booked__gte=F("capacity")).count()
        lines = [
            f"{edition} ({edition.starts_on:%Y-%m-%d} – {edition.ends_on:%Y-%m-%d})",
            f"providers: {Provider.objects.count()} "
            f"({', '.join(f'{kind} {n}' for kind, n in sorted(kinds.items()))}; "
            f"{Provider.objects.exclude(status=Provider.Status.APPROVED).count()} not approved)",
            f"venues: {Venue.objects.count()} in "
            f"{Venue.objects.values('district').distinct().count()} districts",
            f"activities: {activities.count()} "
            f"({', '.join(f'{state} {n}' for state, n in sorted(states.items()))}); "
            f"public {activities.public().count()}, "
            f"walk-in {activities.public().filter(registration=Registration.WALK_IN).count()}",
            f"sessions: {sessions.count()}; of public activities {public_sessions.count()} "
            f"on {public_sessions.dates('starts_at', 'day').count()} days in "
            f"{public_sessions.values('venue__district').distinct().count()} districts, "
            f"{full} full, {public_sessions.filter(is_cancelled=True).count()} cancelled",
            f"demo logins: {logins}" if logins else "demo logins: none (DEBUG is off)",
        ]
        self.stdout.write(self.style.SUCCESS("\n".join(lines)))
