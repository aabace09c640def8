"""What the beheer group may do in the admin, and reservations cancelled there."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import translation

from agenda.models import Reservation
from tests.factories import UserFactory, reserve
from tests.helpers import assert_counters_match, changelist_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(reference_data):
    user = UserFactory(email="beheer@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="beheer"))
    return user


def test_beheer_cannot_change_users_groups_or_permissions(client, beheerder):
    client.force_login(beheerder)
    group = Group.objects.get(name="beheer")
    for name, args in [
        ("admin:providers_user_change", [beheerder.pk]),
        ("admin:providers_user_add", []),
        ("admin:providers_user_delete", [beheerder.pk]),
        ("admin:auth_group_change", [group.pk]),
        ("admin:auth_group_add", []),
    ]:
        url = reverse(name, args=args)
        # A view at most: the change page shows no form to save.
        response = client.get(url)
        assert response.status_code == 403 or "Opslaan" not in response.content.decode(), name
        assert client.post(url, {"is_superuser": "on"}).status_code == 403, name
    beheerder.refresh_from_db()
    assert not beheerder.is_superuser
    granted = group.permissions.filter(
        content_type__app_label__in=["auth", "providers"],
        content_type__model__in=["user", "group", "permission"],
    )
    assert not granted.exclude(codename__startswith="view_").exists()
    assert not group.permissions.filter(content_type__app_label__startswith="otp_").exists()


def test_beheer_still_moderates(client, beheerder, world_a):
    client.force_login(beheerder)
    for name in [
        "admin:agenda_submittedactivity_changelist",
        "admin:providers_pendingprovider_changelist",
        "admin:agenda_reservation_changelist",
        "admin:providers_user_changelist",
    ]:
        assert client.get(reverse(name)).status_code == 200, name
    change = reverse("admin:agenda_activity_change", args=[world_a["activity"].pk])
    assert client.get(change).status_code == 200


def test_a_superuser_still_manages_accounts(client, reference_data, beheerder):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = reverse("admin:providers_user_change", args=[beheerder.pk])
    assert "Opslaan" in client.get(url).content.decode()


def test_admin_cancels_reservations_through_the_service(
    client, beheerder, session, django_capture_on_commit_callbacks
):
    first = reserve(session, 1, party_size=3)
    reserve(session, 2, party_size=2)
    waiting = reserve(session, 3, party_size=2)
    assert waiting.state == Reservation.State.WAITING
    mail.outbox.clear()
    client.force_login(beheerder)
    with django_capture_on_commit_callbacks(execute=True):
        response = changelist_action(
            client, "agenda_reservation", "cancel_reservations", [first.pk]
        )
    with translation.override("nl"):
        done = translation.ngettext(
            "%(count)d reservation cancelled.", "%(count)d reservations cancelled.", 1
        ) % {"count": 1}
    assert done in response.content.decode()
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert first.state == Reservation.State.CANCELLED
    # The freed places went to the one waiting, and the counters match the reservations.
    assert waiting.state == Reservation.State.CONFIRMED
    assert_counters_match(session)
    assert (session.places_booked, session.places_waiting) == (4, 0)
    assert {message.to[0] for message in mail.outbox} == {first.email, waiting.email}


def test_admin_offers_no_delete_for_reservations(client, beheerder, session):
    reservation = reserve(session, 1)
    client.force_login(beheerder)
    page = client.get(reverse("admin:agenda_reservation_changelist"))
    actions = [value for value, _label in page.context["action_form"].fields["action"].choices]
    assert "cancel_reservations" in actions and "delete_selected" not in actions
    delete = reverse("admin:agenda_reservation_delete", args=[reservation.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    changelist_action(client, "agenda_reservation", "delete_selected", [reservation.pk], post="yes")
    assert Reservation.objects.filter(pk=reservation.pk).exists()
    assert_counters_match(session)


def test_staff_see_a_burst_from_one_connection_and_cancel_it_in_one_step(
    client, beheerder, session, settings
):
    session.capacity = 10
    session.save()
    burst = [reserve(session, n, client="c0ffee") for n in range(1, 4)]
    alone = reserve(session, 9, client="beef")
    client.force_login(beheerder)
    url = reverse("admin:agenda_reservation_changelist")
    listed = client.get(url, {"reeks": "ja"}).context["cl"].result_list
    assert sorted(r.pk for r in listed) == sorted(r.pk for r in burst)

    changelist_action(client, "agenda_reservation", "cancel_same_connection", [burst[0].pk])
    states = dict(Reservation.objects.values_list("pk", "state"))
    assert {states[r.pk] for r in burst} == {Reservation.State.CANCELLED}
    assert states[alone.pk] == Reservation.State.CONFIRMED
    assert_counters_match(session)
    assert not client.get(url, {"reeks": "ja"}).context["cl"].result_list
