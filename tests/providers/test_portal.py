"""The portal's pages: sign-up, verification, invitations, venues, the activity form, copies."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from agenda.models import Activity, Audience, Session
from providers.models import Discipline, Provider, User, Venue
from tests.factories import TUESDAY, WEDNESDAY, VenueFactory

pytestmark = pytest.mark.django_db


def _link(message):
    return re.search(r"https?://\S+", message.body).group(0).split("week3.example.org")[1]


def test_sign_up_verify_and_log_in(client, django_capture_on_commit_callbacks, reference_data):
    data = {
        "organisation": "Harmonie Blerick",
        "kind": "association",
        "first_name": "Anna",
        "email": "Anna@Example.org",
        "password": "a-long-enough-secret-42",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("portal:sign_up"), data)
    assert response.status_code == 200
    user = User.objects.get(email="anna@example.org")
    assert not user.is_active
    assert user.provider.status == Provider.Status.PENDING
    assert len(mail.outbox) == 1
    response = client.get(_link(mail.outbox[0]))
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.is_active
    assert client.get(reverse("portal:dashboard")).status_code == 200


def test_sign_up_refuses_weak_password_and_known_address(client, world_a):
    response = client.post(
        reverse("portal:sign_up"),
        {
            "organisation": "X",
            "kind": "artist",
            "first_name": "X",
            "email": world_a["user"].email,
            "password": "1234",
        },
    )
    form = response.context["form"]
    assert "email" in form.errors and "password" in form.errors


def test_invite_a_colleague(client_a, world_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client_a.post(reverse("portal:colleagues"), {"email": "bob@example.org"})
    bob = User.objects.get(email="bob@example.org")
    assert bob.provider == world_a["provider"] and not bob.is_active
    client_a.logout()
    link = _link(mail.outbox[-1])
    response = client_a.post(
        link, {"new_password1": "another-long-secret-7", "new_password2": "another-long-secret-7"}
    )
    assert response.status_code == 302
    bob.refresh_from_db()
    assert bob.is_active and bob.check_password("another-long-secret-7")
    # The link works once.
    assert client_a.get(link).status_code == 400


def test_add_venue_finds_district_and_refuses_duplicates(client_a, world_a):
    data = {
        "name": "Zaal Nieuw",
        "street": "Kloosterstraat 9",
        "postcode": "5921 aa",
        "city": "Venlo",
    }
    response = client_a.post(reverse("portal:venue_create"), data)
    assert response.status_code == 302
    venue = Venue.objects.get(name="Zaal Nieuw")
    assert venue.district.slug == "blerick" and venue.added_by == world_a["provider"]
    response = client_a.post(reverse("portal:venue_create"), {**data, "street": "KLOOSTERSTRAAT 9"})
    assert response.status_code == 200
    with translation.override("en"):  # the message is lazy: read it in English
        assert "already in the list" in str(response.context["form"].errors["street"])
    response = client_a.get(reverse("portal:venue_list"), {"q": "kloosterstraat"})
    assert venue in response.context["results"]


def _activity_post(venue, **extra):
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


def test_create_activity_with_sessions_and_submit(client_a, world_a):
    response = client_a.post(
        reverse("portal:activity_create"), _activity_post(world_a["venue"], submit="1")
    )
    assert response.status_code == 302
    activity = Activity.objects.get(title="Open repetitie")
    assert activity.state == "submitted"
    assert activity.provider == world_a["provider"]
    assert activity.sessions.count() == 2


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"sessions-0-end": "18:00"}, "end"),
        ({"sessions-0-capacity": ""}, "capacity"),
        ({"sessions-0-day": "2027-03-01"}, "day"),
    ],
)
def test_session_validation_next_to_the_field(client_a, world_a, change, field):
    response = client_a.post(
        reverse("portal:activity_create"), _activity_post(world_a["venue"], **change)
    )
    assert response.status_code == 200
    assert field in response.context["formset"].forms[0].errors
    assert not Activity.objects.filter(title="Open repetitie").exists()


def test_age_range_must_make_sense(client_a, world_a):
    response = client_a.post(
        reverse("portal:activity_create"), _activity_post(world_a["venue"], min_age="90")
    )
    assert "max_age" in response.context["form"].errors


def test_more_rows_adds_empty_rows_without_saving(client_a, world_a):
    response = client_a.post(
        reverse("portal:activity_create"), _activity_post(world_a["venue"], more_rows="1")
    )
    assert response.status_code == 200
    assert len(response.context["formset"].forms) == 5
    assert not Activity.objects.filter(title="Open repetitie").exists()


def test_delete_a_session_row(client_a, world_a):
    activity, session = world_a["activity"], world_a["session"]
    data = _activity_post(
        world_a["venue"],
        **{
            "sessions-TOTAL_FORMS": "1",
            "sessions-INITIAL_FORMS": "1",
            "sessions-0-id": str(session.pk),
            "sessions-0-DELETE": "on",
        },
    )
    client_a.post(reverse("portal:activity_edit", args=[activity.pk]), data)
    assert not Session.objects.filter(pk=session.pk).exists()


def test_preview_uses_the_public_template_and_is_not_cached(client_a, world_a):
    response = client_a.get(reverse("portal:activity_preview", args=[world_a["activity"].pk]))
    assert response.status_code == 200
    assert "agenda/activity_detail.html" in [t.name for t in response.templates]
    assert response.context["preview"] is True
    assert "no-cache" in response["Cache-Control"]


def test_copy_moves_sessions_to_the_current_edition(client_a, world_a, edition):
    from tests.factories import EditionFactory

    EditionFactory(year=2028, starts_on=TUESDAY.replace(year=2028, day=17))
    response = client_a.post(reverse("portal:activity_copy", args=[world_a["activity"].pk]))
    copy = Activity.objects.exclude(pk=world_a["activity"].pk).get(provider=world_a["provider"])
    assert response.status_code == 302
    assert copy.edition.year == 2028 and copy.state == "draft"
    original = world_a["session"]
    moved = copy.sessions.get()
    assert moved.starts_at.date() != original.starts_at.date()
    assert moved.starts_at.astimezone(original.starts_at.tzinfo).weekday() == (
        original.starts_at.weekday()
    )
    assert moved.ends_at - moved.starts_at == original.ends_at - original.starts_at


def test_cancel_session_is_immediate(client_a, world_a):
    client_a.post(reverse("portal:session_cancel", args=[world_a["session"].pk]))
    world_a["session"].refresh_from_db()
    assert world_a["session"].is_cancelled


def test_every_portal_page_renders(client_a, world_a):
    VenueFactory(name="Extra")
    for name in (
        "dashboard",
        "provider_edit",
        "provider_preview",
        "colleagues",
        "venue_list",
        "venue_create",
        "activity_create",
        "password_change",
    ):
        assert client_a.get(reverse(f"portal:{name}")).status_code == 200, name
    for name in ("login", "sign_up", "password_reset"):
        assert client_a.get(reverse(f"portal:{name}")).status_code in (200, 302), name


def test_login_is_locked_after_repeated_failures(client, world_a):
    url = reverse("portal:login")
    for _attempt in range(5):
        client.post(url, {"username": world_a["user"].email, "password": "wrong"})
    response = client.post(
        url, {"username": world_a["user"].email, "password": "week3-test-password"}
    )
    assert response.status_code == 429
