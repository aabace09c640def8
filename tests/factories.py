"""factory_boy factories for the domain: defaults make a public, approved activity."""

import datetime
from zoneinfo import ZoneInfo

import factory
from django.utils.text import slugify

from agenda.models import Activity, Audience, Edition, Reservation, Session
from agenda.services.reservations import reservation_create
from providers.models import Discipline, District, Provider, User, Venue
from providers.services import provider_sign_up

VENLO = ZoneInfo("Europe/Amsterdam")
EDITION_START = datetime.date(2027, 1, 18)
TUESDAY = EDITION_START + datetime.timedelta(days=1)
WEDNESDAY = EDITION_START + datetime.timedelta(days=2)
THURSDAY = EDITION_START + datetime.timedelta(days=3)


def local(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=VENLO)


# Where every test's clock starts (tests/conftest.py, `clock`): Monday a week before the test
# edition, 10:00 in Venlo, whatever the date on the machine that runs the tests.
NOW = local(EDITION_START - datetime.timedelta(days=7), 10)


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition
        django_get_or_create = ["year"]

    year = EDITION_START.year
    starts_on = EDITION_START
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + datetime.timedelta(days=6))
    is_published = True


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Wijk {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class DisciplineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Discipline
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Discipline {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class AudienceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Audience
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Doelgroep {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provider

    name = factory.Sequence(lambda n: f"Harmonie Nummer {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = Provider.Kind.ASSOCIATION
    status = Provider.Status.APPROVED
    description = "Een vereniging uit Venlo."


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    password = factory.django.Password("week3-test-password")


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    name = factory.Sequence(lambda n: f"Zaal {n}")
    street = factory.Sequence(lambda n: f"Parade {n}")
    postcode = "5911AB"
    district = factory.LazyFunction(lambda: District.objects.get(slug="venlo-centrum"))
    wheelchair_accessible = True


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity
        skip_postgeneration_save = True

    edition = factory.SubFactory(EditionFactory)
    provider = factory.SubFactory(ProviderFactory)
    title = factory.Sequence(lambda n: f"Proefles nummer {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    description = "Kom een keer gratis meedoen."
    state = Activity.State.APPROVED
    registration = Activity.Registration.RESERVE

    @factory.post_generation
    def audiences(self, create, extracted, **kwargs):
        if create and extracted:
            self.audiences.set(extracted)

    @factory.post_generation
    def disciplines(self, create, extracted, **kwargs):
        if create and extracted:
            self.disciplines.set(extracted)

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if create and extracted:
            self.languages.set(extracted)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    activity = factory.SubFactory(ActivityFactory)
    starts_at = factory.LazyFunction(
        lambda: local(EDITION_START + datetime.timedelta(days=1), 19, 30)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=1, minutes=30))
    venue = factory.SubFactory(VenueFactory)
    capacity = 12


class ReservationFactory(factory.django.DjangoModelFactory):
    """A reservation made as a resident makes one: through `reservation_create`.

    So the session's `places_booked` and `places_waiting` always match its reservations, and
    the state (confirmed or waiting) is the one the service gives. The e-mail is queued too.
    """

    class Meta:
        model = Reservation

    session = factory.SubFactory(SessionFactory)
    # Not "Bewoner n" as `reserve` below names them: one address holds one place per session.
    name = factory.Sequence(lambda n: f"Inwoner {n}")
    email = factory.Sequence(lambda n: f"inwoner{n}@example.org")
    party_size = 1
    language = "nl"

    @classmethod
    def _create(cls, model_class, **kwargs):
        return reservation_create(**kwargs)


def reserve(session, n: int, party_size: int = 1, **extra) -> Reservation:
    """Resident number n's reservation: "Bewoner n", bewoner<n>@example.org."""
    return ReservationFactory(
        session=session,
        name=f"Bewoner {n}",
        email=f"bewoner{n}@example.org",
        party_size=party_size,
        **extra,
    )


def sign_up(organisation: str, email: str, kind: str = "association") -> User:
    """An organisation signed up through the portal's service, its address not yet confirmed:
    the new account (its provider is `user.provider`)."""
    provider_sign_up(
        organisation=organisation,
        kind=kind,
        email=email,
        password="a-long-enough-secret-42",
        first_name="Anna",
        last_name="",
    )
    return User.objects.get(email=email)
