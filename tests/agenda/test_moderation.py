"""The moderation state machine, proposed changes to approved activities, and the admin."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from agenda.models import (
    Activity,
    ActivityDecision,
    ActivityRevision,
    ActivityState,
    Decision,
    Reservation,
)
from agenda.services.activities import activity_save
from agenda.services.drafts import activity_data
from agenda.services.editions import edition_create_next
from agenda.services.errors import ModerationError
from agenda.services.moderation import (
    activity_approve,
    activity_reject,
    activity_request_changes,
    activity_submit,
    activity_withdraw,
)
from agenda.services.preview import revision_diff
from agenda.services.venues import venue_merge
from providers.models import Provider, Venue
from tests.factories import (
    EditionFactory,
    ProviderFactory,
    ReservationFactory,
    SessionFactory,
    UserFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(reference_data):
    user = UserFactory(email="redactie@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="redactie"))
    return user


def _submitted(world):
    activity = world["activity"]
    activity_submit(activity=activity, by=world["user"])
    activity.refresh_from_db()
    return activity


def test_submit_then_approve(world_a, moderator, django_capture_on_commit_callbacks):
    activity = _submitted(world_a)
    assert activity.state == "submitted"
    with django_capture_on_commit_callbacks(execute=True):
        activity_approve(activity=activity, by=moderator)
    activity.refresh_from_db()
    assert activity.state == "approved"
    assert [d.action for d in activity.decisions.all()] == ["approve", "submit"]
    assert mail.outbox[-1].to == [world_a["user"].email]


@pytest.mark.parametrize("service", [activity_approve, activity_request_changes, activity_reject])
def test_a_draft_cannot_be_decided(world_a, moderator, service):
    with pytest.raises(ModerationError):
        service(activity=world_a["activity"], by=moderator, message="waarom")
    world_a["activity"].refresh_from_db()
    assert world_a["activity"].state == "draft"
    assert not ActivityDecision.objects.exists()


def test_rejected_cannot_be_submitted_again(world_a, moderator):
    activity = _submitted(world_a)
    activity_reject(activity=activity, by=moderator, message="Geen cultuur.")
    with pytest.raises(ModerationError):
        activity_submit(activity=activity, by=world_a["user"])


def test_request_changes_needs_a_message(world_a, moderator):
    activity = _submitted(world_a)
    with pytest.raises(ModerationError):
        activity_request_changes(activity=activity, by=moderator, message=" ")


def test_submission_window_is_enforced(world_a, edition):
    edition.submissions_open_until = timezone.now() - datetime.timedelta(days=1)
    edition.submissions_open_from = timezone.now() - datetime.timedelta(days=10)
    edition.save()
    # The message is lazy: read it in English, whatever the Dutch catalog says.
    with translation.override("en"), pytest.raises(ModerationError, match="closed"):
        activity_submit(activity=world_a["activity"], by=world_a["user"])


def test_submit_needs_a_session(world_a):
    world_a["session"].delete()
    with pytest.raises(ModerationError):
        activity_submit(activity=world_a["activity"], by=world_a["user"])


def test_withdraw_takes_an_approved_activity_off_the_agenda(world_a, moderator):
    activity = _submitted(world_a)
    activity_approve(activity=activity, by=moderator)
    activity_withdraw(activity=activity, by=world_a["user"])
    activity.refresh_from_db()
    assert activity.state == "withdrawn"
    assert not Activity.objects.public().filter(pk=activity.pk).exists()


def test_changes_to_an_approved_activity_wait_for_approval(world_a, moderator):
    activity = _submitted(world_a)
    activity_approve(activity=activity, by=moderator)
    data = activity_data(activity)
    data["title"] = "Nieuwe titel"
    assert activity_save(activity=activity, data=data, by=world_a["user"]) is True
    activity.refresh_from_db()
    assert activity.title == "Activiteit Aanbieder A" and activity.state == "approved"
    assert Activity.objects.public().filter(pk=activity.pk).exists()
    revision = ActivityRevision.objects.get(activity=activity)
    [row] = revision_diff(activity, revision.data)
    assert (row["old"], row["new"]) == ("Activiteit Aanbieder A", "Nieuwe titel")
    assert Activity.objects.awaiting_moderation().filter(pk=activity.pk).exists()

    activity_request_changes(activity=activity, by=moderator, message="Korter graag.")
    revision.refresh_from_db()
    assert revision.state == "changes_requested"
    data["title"] = "Kort"
    activity_save(activity=activity, data=data, by=world_a["user"])
    revision.refresh_from_db()
    assert revision.state == "submitted"

    activity_approve(activity=activity, by=moderator)
    activity.refresh_from_db()
    assert activity.title == "Kort" and activity.state == "approved"
    assert not Activity.objects.awaiting_moderation().filter(pk=activity.pk).exists()


def test_next_edition_keeps_the_weekdays(edition):
    following = edition_create_next(edition=edition)
    assert following.year == edition.year + 1
    assert following.starts_on.weekday() == edition.starts_on.weekday()
    assert not following.is_published
    with pytest.raises(ModerationError):
        edition_create_next(edition=edition)


def test_merge_venues_moves_sessions(world_a):
    duplicate = VenueFactory(name="Dubbel", street="Andere 1")
    moved = SessionFactory(activity=world_a["activity"], venue=duplicate)
    venue_merge(keep=world_a["venue"], duplicates=[duplicate])
    moved.refresh_from_db()
    assert moved.venue == world_a["venue"]
    assert not Venue.objects.filter(pk=duplicate.pk).exists()


# --- admin ------------------------------------------------------------------------------


def _action(client, model, action, pks, **extra):
    url = reverse(f"admin:{model}_changelist")
    return client.post(url, {"action": action, "_selected_action": pks, **extra}, follow=True)


def test_admin_refuses_approving_a_draft(client, world_a, moderator):
    client.force_login(moderator)
    response = _action(client, "agenda_activity", "approve", [world_a["activity"].pk])
    world_a["activity"].refresh_from_db()
    assert world_a["activity"].state == "draft"
    # The admin (/beheer/, no language prefix) always speaks Dutch: expect the Dutch message.
    with translation.override("nl"):
        expected = f"{world_a['activity']}: " + str(_refusal(ActivityState.DRAFT, Decision.APPROVE))
    assert expected in response.content.decode()


def _refusal(state, action):
    return translation.gettext(
        "An activity with the state “%(state)s” cannot become “%(action)s”."
    ) % {"state": ActivityState(state).label, "action": Decision(action).label}


def test_admin_request_changes_asks_for_a_message(client, world_a, world_b, moderator):
    client.force_login(moderator)
    pks = [_submitted(world_a).pk, _submitted(world_b).pk]
    response = _action(client, "agenda_submittedactivity", "request_changes", pks)
    assert "message" in response.context["form"].fields
    _action(
        client,
        "agenda_submittedactivity",
        "request_changes",
        pks,
        apply="1",
        message="Voeg een foto toe.",
    )
    assert set(Activity.objects.filter(pk__in=pks).values_list("state", flat=True)) == {
        "changes_requested"
    }
    decision = ActivityDecision.objects.filter(action="request_changes").first()
    assert decision.decided_by == moderator and decision.message == "Voeg een foto toe."


def test_admin_queues_and_counts(client, world_a, world_b, moderator):
    ProviderFactory(name="Nieuw", status=Provider.Status.PENDING)
    _submitted(world_b)
    _submitted(world_a)
    client.force_login(moderator)
    response = client.get(reverse("admin:agenda_submittedactivity_changelist"))
    titles = [a.title for a in response.context["cl"].result_list]
    assert titles == ["Activiteit Aanbieder B", "Activiteit Aanbieder A"]
    index = client.get(reverse("admin:index")).content.decode()
    assert "moderation-queues" in index
    response = client.get(reverse("admin:providers_pendingprovider_changelist"))
    assert [p.name for p in response.context["cl"].result_list] == ["Nieuw"]


def test_admin_approves_a_pending_provider(client, moderator):
    provider = ProviderFactory(status=Provider.Status.PENDING)
    client.force_login(moderator)
    _action(client, "providers_pendingprovider", "approve_providers", [provider.pk])
    provider.refresh_from_db()
    assert provider.status == Provider.Status.APPROVED


def test_admin_preview_and_diff(client, world_a, moderator):
    activity = _submitted(world_a)
    activity_approve(activity=activity, by=moderator)
    data = activity_data(activity)
    data["description"] = "Helemaal nieuw."
    activity_save(activity=activity, data=data, by=world_a["user"])
    client.force_login(moderator)
    page = client.get(reverse("admin:agenda_activity_change", args=[activity.pk]))
    assert "Helemaal nieuw." in page.content.decode()
    preview = client.get(reverse("admin:agenda_activity_preview", args=[activity.pk]))
    assert preview.status_code == 200
    assert "Helemaal nieuw." in preview.content.decode()


def test_admin_csv_export(client, world_a, moderator):
    client.force_login(moderator)
    response = _action(client, "agenda_activity", "export_csv", [world_a["activity"].pk])
    body = b"".join(response.streaming_content).decode()
    assert body.startswith("activity_id,title")
    assert "Activiteit Aanbieder A" in body


def test_moderator_can_moderate_but_nothing_else(client, moderator):
    client.force_login(moderator)
    allowed = [
        "admin:agenda_submittedactivity_changelist",
        "admin:providers_pendingprovider_changelist",
        "admin:agenda_activity_changelist",
        "admin:agenda_edition_add",
        "admin:providers_venue_add",
        "admin:providers_district_add",
        "admin:providers_discipline_add",
        "admin:agenda_audience_add",
    ]
    for name in allowed:
        assert client.get(reverse(name)).status_code == 200, name
    forbidden = [
        "admin:providers_user_changelist",
        "admin:providers_user_add",
        "admin:auth_group_changelist",
        "admin:agenda_activity_add",
        "admin:providers_provider_add",
        "admin:agenda_reservation_changelist",
    ]
    for name in forbidden:
        assert client.get(reverse(name)).status_code == 403, name
    assert not moderator.is_superuser


def test_groups_migration_is_idempotent(reference_data):
    import importlib

    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    name = "0010_moderation_groups"
    module = importlib.import_module(f"agenda.migrations.{name}")
    before = set(Group.objects.get(name="redactie").permissions.values_list("codename", flat=True))
    # The models as the migration knows them: it marks their app configs as it goes, which
    # must not touch the site's own (content types would no longer be made after a flush).
    module.create(MigrationLoader(connection).project_state(("agenda", name)).apps, None)
    after = set(Group.objects.get(name="redactie").permissions.values_list("codename", flat=True))
    assert before == after and "change_submittedactivity" in after
    assert Group.objects.filter(name__in=["redactie", "beheer"]).count() == 2


# --- review findings --------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_refused_step_names_state_and_step_as_labelled(world_a, moderator, language):
    with translation.override(language):
        with pytest.raises(ModerationError) as refused:
            activity_approve(activity=world_a["activity"], by=moderator)
        message = str(refused.value.message)
        # Labels as they are (German nouns keep their capital), quoted as the language quotes.
        assert str(ActivityState.DRAFT.label) in message
        assert str(Decision.APPROVE.label) in message
    if language == "en":
        assert message == "An activity with the state “Draft” cannot become “Approved”."


def _approved(world, moderator):
    activity = _submitted(world)
    activity_approve(activity=activity, by=moderator)
    activity.refresh_from_db()
    return activity


def test_changing_a_submitted_activity_takes_it_back_to_draft(world_a, moderator):
    activity = _submitted(world_a)
    data = activity_data(activity)
    assert activity_save(activity=activity, data=data, by=world_a["user"]) is False
    activity.refresh_from_db()
    assert activity.state == "submitted"  # saved unchanged: still in the queue

    data["description"] = "Iets anders dan wat de redactie las."
    activity_save(activity=activity, data=data, by=world_a["user"])
    activity.refresh_from_db()
    assert activity.state == "draft"
    assert activity.description == "Iets anders dan wat de redactie las."
    assert not Activity.objects.awaiting_moderation().filter(pk=activity.pk).exists()
    assert [d.action for d in activity.decisions.all()] == ["retract", "submit"]
    assert activity.decisions.first().decided_by == world_a["user"]
    # The moderator who opened it before the change cannot approve the changed version.
    with pytest.raises(ModerationError):
        activity_approve(activity=activity, by=moderator)
    activity_submit(activity=activity, by=world_a["user"])
    activity_approve(activity=activity, by=moderator)
    activity.refresh_from_db()
    assert activity.state == "approved"


def test_a_submitted_activity_stays_as_sent_once_submissions_closed(world_a, edition):
    activity = _submitted(world_a)
    edition.submissions_open_until = timezone.now() - datetime.timedelta(hours=1)
    edition.save()
    data = activity_data(activity)
    data["title"] = "Te laat"
    with pytest.raises(ModerationError):
        activity_save(activity=activity, data=data, by=world_a["user"])
    activity.refresh_from_db()
    assert (activity.state, activity.title) == ("submitted", "Activiteit Aanbieder A")


def test_withdrawing_an_approved_activity_cancels_its_sessions_and_tells_residents(
    world_a, moderator, django_capture_on_commit_callbacks
):
    activity = _approved(world_a, moderator)
    session = world_a["session"]
    reservation = ReservationFactory(session=session, email="bewoner@example.org", party_size=2)
    past = SessionFactory(
        activity=activity,
        venue=world_a["venue"],
        starts_at=timezone.now() - datetime.timedelta(days=2),
        ends_at=timezone.now() - datetime.timedelta(days=2) + datetime.timedelta(hours=1),
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        activity_withdraw(activity=activity, by=world_a["user"])
    session.refresh_from_db()
    reservation.refresh_from_db()
    past.refresh_from_db()
    assert session.is_cancelled and session.places_booked == 0
    assert reservation.state == Reservation.State.CANCELLED
    assert not past.is_cancelled  # what already happened stays as it was
    assert [message.to for message in mail.outbox] == [["bewoner@example.org"]]
    assert "STATUS:CANCELLED" in str(mail.outbox[0].attachments[0][1])


def test_withdrawing_a_draft_leaves_its_sessions_alone(world_a):
    activity_withdraw(activity=world_a["activity"], by=world_a["user"])
    world_a["session"].refresh_from_db()
    assert not world_a["session"].is_cancelled


@pytest.mark.parametrize(
    ("starts_on", "expected"),
    [
        # 2026 has 53 ISO weeks: 52 weeks later is week 2 of 2027, not week 3.
        (datetime.date(2026, 1, 12), datetime.date(2027, 1, 18)),
        (datetime.date(2020, 1, 13), datetime.date(2021, 1, 18)),
        (datetime.date(2027, 1, 18), datetime.date(2028, 1, 17)),
    ],
)
def test_next_edition_is_the_same_iso_week(reference_data, starts_on, expected):
    edition = EditionFactory(
        year=starts_on.year,
        starts_on=starts_on,
        submissions_open_from=timezone.make_aware(datetime.datetime(starts_on.year - 1, 11, 1)),
        submissions_open_until=timezone.make_aware(
            datetime.datetime.combine(starts_on, datetime.time()) - datetime.timedelta(days=7)
        ),
    )
    following = edition_create_next(edition=edition)
    shift = expected - starts_on
    assert following.starts_on == expected
    assert following.starts_on.isocalendar()[1:] == starts_on.isocalendar()[1:]
    assert following.ends_on == edition.ends_on + shift
    assert following.submissions_open_until == edition.submissions_open_until + shift


def test_admin_says_so_when_next_edition_exists(client, edition, moderator):
    EditionFactory(year=edition.year + 1, starts_on=datetime.date(edition.year + 1, 1, 17))
    client.force_login(moderator)
    response = _action(client, "agenda_edition", "create_next_edition", [edition.pk])
    assert response.status_code == 200
    with translation.override("nl"):
        expected = str(
            translation.gettext("The edition of %(year)s exists already.")
            % {"year": edition.year + 1}
        )
    assert expected in response.content.decode()
    [message] = list(response.context["messages"])
    assert message.level_tag == "error"


def test_merging_venues_moves_open_proposed_changes_along(client, world_a, moderator):
    activity = _approved(world_a, moderator)
    duplicate = VenueFactory(name="Dubbel", street="Andere 1")
    data = activity_data(activity)
    data["sessions"][0]["venue"] = duplicate.pk
    activity_save(activity=activity, data=data, by=world_a["user"])
    venue_merge(keep=world_a["venue"], duplicates=[duplicate])

    revision = ActivityRevision.objects.get(activity=activity, state="submitted")
    assert revision.data["sessions"][0]["venue"] == world_a["venue"].pk
    client.force_login(moderator)
    assert (
        client.get(reverse("admin:agenda_activity_change", args=[activity.pk])).status_code == 200
    )
    assert (
        client.get(reverse("admin:agenda_activity_preview", args=[activity.pk])).status_code == 200
    )
    activity_approve(activity=activity, by=moderator)
    assert activity.sessions.get().venue == world_a["venue"]


def test_merge_message_counts_in_words(client, moderator):
    keep = VenueFactory(name="Houden", street="Straat 1")
    VenueFactory(name="Weg", street="Straat 2")
    user = UserFactory(email="beheer@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="beheer"))
    client.force_login(user)
    response = _action(
        client, "providers_venue", "merge_venues", list(Venue.objects.values_list("pk", flat=True))
    )
    with translation.override("nl"):
        expected = translation.ngettext(
            "%(count)d venue merged into %(venue)s.",
            "%(count)d venues merged into %(venue)s.",
            1,
        ) % {"count": 1, "venue": keep}
    assert expected in response.content.decode()


TRICKY_TITLE = "Rock & Roll voor 't Hof"


def test_decision_mails_show_ampersands_and_apostrophes(
    world_a, moderator, django_capture_on_commit_callbacks
):
    activity = world_a["activity"]
    activity.title = TRICKY_TITLE
    activity.save()
    activity_submit(activity=activity, by=world_a["user"])
    with django_capture_on_commit_callbacks(execute=True):
        activity_approve(activity=activity, by=moderator, message="Top & 'prima'!")
    message = mail.outbox[-1]
    assert TRICKY_TITLE in message.subject and TRICKY_TITLE in message.body
    assert "Top & 'prima'!" in message.body
    assert "&amp;" not in message.body + message.subject
    assert "&#x27;" not in message.body + message.subject


def test_provider_mails_show_ampersands_and_apostrophes(
    client, world_a, django_capture_on_commit_callbacks
):
    from providers.services import provider_approve, user_invite

    provider = world_a["provider"]
    provider.name = TRICKY_TITLE
    provider.save()
    with django_capture_on_commit_callbacks(execute=True):
        provider_approve(provider=provider)
        user_invite(provider=provider, email="collega@example.org", invited_by=world_a["user"])
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert TRICKY_TITLE in message.subject and TRICKY_TITLE in message.body
        assert "&amp;" not in message.body + message.subject
        assert "&#x27;" not in message.body + message.subject


APPROVAL_SENTENCES = {
    "provider_pending": "It is on the agenda once your organisation is approved too.",
    "public": "It is on the agenda now.",
    "edition_unpublished": "It is on the agenda as soon as the agenda of Week 3 2027 is published.",
}


@pytest.mark.parametrize(
    ("provider_approved", "edition_published", "expected"),
    [
        (False, True, "provider_pending"),
        (True, True, "public"),
        (True, False, "edition_unpublished"),
    ],
)
def test_approval_mail_says_when_the_activity_is_on_the_agenda(
    world_a,
    moderator,
    edition,
    django_capture_on_commit_callbacks,
    provider_approved,
    edition_published,
    expected,
):
    world_a["user"].language = "en"
    world_a["user"].save()
    if not provider_approved:
        Provider.objects.filter(pk=world_a["provider"].pk).update(status=Provider.Status.PENDING)
    edition.is_published = edition_published
    edition.save()
    activity = _submitted(world_a)
    with django_capture_on_commit_callbacks(execute=True):
        activity_approve(activity=activity, by=moderator)
    body = mail.outbox[-1].body
    assert [key for key, sentence in APPROVAL_SENTENCES.items() if sentence in body] == [expected]


# --- what the moderators approve is what they saw ----------------------------------------


def _proposed(world, moderator, title):
    activity = _approved(world, moderator)
    data = activity_data(activity)
    data["title"] = title
    activity_save(activity=activity, data=data, by=world["user"])
    return activity, data


def test_approving_a_change_the_provider_replaced_meanwhile_is_refused(world_a, moderator):
    activity, data = _proposed(world_a, moderator, "Gezien")
    seen = ActivityRevision.objects.get(activity=activity, state="submitted").updated_at
    data["title"] = "Niet gezien"
    activity_save(activity=activity, data=data, by=world_a["user"])
    with translation.override("en"), pytest.raises(ModerationError, match="meanwhile"):
        activity_approve(activity=activity, by=moderator, seen_revision_at=seen)
    activity.refresh_from_db()
    assert activity.title == "Activiteit Aanbieder A"
    assert ActivityRevision.objects.get(activity=activity).state == "submitted"
    assert activity.decisions.first().action == "submit"


def test_approving_the_change_as_seen_publishes_it(world_a, moderator):
    activity, _data = _proposed(world_a, moderator, "Gezien")
    seen = ActivityRevision.objects.get(activity=activity, state="submitted").updated_at
    activity_approve(activity=activity, by=moderator, seen_revision_at=seen)
    activity.refresh_from_db()
    assert activity.title == "Gezien"


def test_approving_when_no_change_was_seen_refuses_one_that_appeared(world_a, moderator):
    activity, _data = _proposed(world_a, moderator, "Nooit gezien")
    with pytest.raises(ModerationError):
        activity_approve(activity=activity, by=moderator, seen_revision_at=None)
    activity.refresh_from_db()
    assert activity.title == "Activiteit Aanbieder A"


def test_admin_approve_shows_the_change_and_refuses_an_edit_made_meanwhile(
    client, world_a, moderator
):
    client.force_login(moderator)
    activity, data = _proposed(world_a, moderator, "Gezien")
    # The first step only shows what would be published, with when it was last changed.
    response = _action(client, "agenda_submittedactivity", "approve", [activity.pk])
    page = response.content.decode()
    assert "Gezien" in page
    seen = re.search(rf'name="seen_{activity.pk}" value="([^"]+)"', page).group(1)
    activity.refresh_from_db()
    assert activity.title == "Activiteit Aanbieder A"

    data["title"] = "Niet gezien"
    activity_save(activity=activity, data=data, by=world_a["user"])
    confirm = {"apply": "1", f"seen_{activity.pk}": seen}
    response = _action(client, "agenda_submittedactivity", "approve", [activity.pk], **confirm)
    activity.refresh_from_db()
    assert activity.title == "Activiteit Aanbieder A"
    with translation.override("nl"):
        refusal = translation.gettext(
            "The provider changed this activity meanwhile. Look at it again before you approve it."
        )
    assert refusal in response.content.decode()

    # Looked at again: approved as shown.
    response = _action(client, "agenda_submittedactivity", "approve", [activity.pk])
    seen = re.search(rf'name="seen_{activity.pk}" value="([^"]+)"', response.content.decode())
    confirm = {"apply": "1", f"seen_{activity.pk}": seen.group(1)}
    _action(client, "agenda_submittedactivity", "approve", [activity.pk], **confirm)
    activity.refresh_from_db()
    assert activity.title == "Niet gezien"


def test_diff_dates_follow_the_language(world_a, moderator):
    activity = _approved(world_a, moderator)
    data = activity_data(activity)
    starts = datetime.datetime.fromisoformat(data["sessions"][0]["starts_at"])
    data["sessions"][0]["starts_at"] = (starts + datetime.timedelta(minutes=30)).isoformat()
    with translation.override("de"):
        [row] = revision_diff(activity, data)
    local = timezone.localtime(starts)
    weekday = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"][local.weekday()]
    assert row["old"].startswith(f"{weekday}, {local.day}. ")


def _seen_in_list(client, activity) -> dict:
    """What the moderation list's form sends along for this activity when approving it."""
    page = client.get(reverse("admin:agenda_submittedactivity_changelist")).content.decode()
    form = re.search(r'<form id="changelist-form".*?</form>', page, re.S).group()
    name = f"seen_activity_{activity.pk}"
    return {name: re.search(rf'name="{name}" value="([^"]+)"', form).group(1)}


def test_admin_approve_refuses_a_submission_sent_again_after_the_list_was_shown(
    client, world_a, moderator
):
    client.force_login(moderator)
    activity = _submitted(world_a)
    seen = _seen_in_list(client, activity)

    # The provider takes it back, changes it and sends it again while the list is open.
    data = activity_data(activity)
    data["title"] = "Niet gezien"
    activity_save(activity=activity, data=data, by=world_a["user"])
    activity_submit(activity=activity, by=world_a["user"])
    response = _action(client, "agenda_submittedactivity", "approve", [activity.pk], **seen)
    activity.refresh_from_db()
    assert activity.state == ActivityState.SUBMITTED
    with translation.override("nl"):
        refusal = translation.gettext(
            "The provider changed this activity meanwhile. Look at it again before you approve it."
        )
    assert refusal in response.content.decode()

    # Without what the list showed (an old page, a crafted request) nothing is approved either.
    _action(client, "agenda_submittedactivity", "approve", [activity.pk])
    activity.refresh_from_db()
    assert activity.state == ActivityState.SUBMITTED

    # The list shown again: approved as it is now.
    seen = _seen_in_list(client, activity)
    _action(client, "agenda_submittedactivity", "approve", [activity.pk], **seen)
    activity.refresh_from_db()
    assert (activity.state, activity.title) == (ActivityState.APPROVED, "Niet gezien")
