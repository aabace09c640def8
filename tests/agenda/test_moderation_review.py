"""The moderation review page: the change word by word, sessions added/moved/removed, what
approving does stated before the click, decisions on the page, and on to the next item."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse

from agenda.models import Activity, ActivityDecision, ActivityState
from agenda.services.activities import activity_save
from agenda.services.drafts import activity_data
from agenda.services.review import word_diff
from providers.models import Provider
from tests.factories import (
    THURSDAY,
    ActivityFactory,
    ProviderFactory,
    SessionFactory,
    UserFactory,
    local,
    reserve,
)
from tests.helpers import approved, changelist_action, moved_change, submitted

pytestmark = pytest.mark.django_db


def _review(pk):
    return reverse("admin:agenda_submittedactivity_review", args=[pk])


def _text(page):
    """The words a page shows (a response, or a piece of HTML)."""
    html = page if isinstance(page, str) else page.content.decode()
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_word_diff_marks_only_the_changed_words():
    assert word_diff("Zing mee met ons.", "Zing mee met het hele koor.") == [
        ("same", "Zing mee met "),
        ("del", "ons."),
        ("ins", "het hele koor."),
    ]


def test_review_page_shows_the_change_and_who_gets_an_email(client, world_a, moderator):
    activity, _ = moved_change(world_a, moderator)
    client.force_login(moderator)
    response = client.get(_review(activity.pk))
    html = response.content.decode()
    assert '<del><span class="review-label">weg:</span> Kom een keer gratis meedoen.</del>' in html
    assert '<ins><span class="review-label">erbij:</span> Zing mee met het hele koor.</ins>' in (
        html
    )
    text = _text(response)
    assert "Verplaatst:" in text and "Erbij:" in text
    assert "9 mensen met 16 plekken krijgen een e-mail over de nieuwe tijd of plek." in text
    # The changes come before the preview.
    assert text.index("Wat er verandert") < text.index("Voorbeeld")


def test_review_page_approves_and_residents_are_told(
    client, world_a, moderator, django_capture_on_commit_callbacks
):
    activity, session = moved_change(world_a, moderator)
    client.force_login(moderator)
    page = client.get(_review(activity.pk)).content.decode()
    seen = dict(re.findall(r'name="(seen_\w+)" value="([^"]*)"', page))
    before = session.starts_at
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_review(activity.pk), {"decision": "approve", **seen})
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.starts_at == before + datetime.timedelta(hours=1)
    assert activity.sessions.count() == 2
    activity.refresh_from_db()
    assert activity.description == "Zing mee met het hele koor."
    told = [m for m in mail.outbox if m.to[0].startswith("bewoner")]
    assert len(told) == 9
    response = client.get(response.url)
    assert f"„{activity.title}” is goedgekeurd" in _text(response)


def test_review_page_refuses_a_change_edited_after_it_was_shown(client, world_a, moderator):
    activity, _ = moved_change(world_a, moderator)
    client.force_login(moderator)
    response = client.post(
        _review(activity.pk), {"decision": "approve", "seen_revision": "2020-01-01T00:00:00+00:00"}
    )
    assert response.status_code == 200
    assert "De aanbieder heeft deze activiteit intussen veranderd" in _text(response)
    assert activity.revisions.get().state == ActivityState.SUBMITTED


@pytest.mark.parametrize(
    ("decision", "state", "said"),
    [
        ("request_changes", ActivityState.CHANGES_REQUESTED, "Je hebt om wijzigingen gevraagd"),
        ("reject", ActivityState.REJECTED, "is afgewezen"),
    ],
)
def test_request_changes_and_reject_need_a_message(
    client, world_a, moderator, decision, state, said
):
    activity = submitted(world_a)
    client.force_login(moderator)
    response = client.post(_review(activity.pk), {"decision": decision, "message": " "})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    activity.refresh_from_db()
    assert activity.state == ActivityState.SUBMITTED
    response = client.post(
        _review(activity.pk), {"decision": decision, "message": "Voeg een foto toe."}, follow=True
    )
    activity.refresh_from_db()
    assert activity.state == state
    assert ActivityDecision.objects.filter(activity=activity).first().message == (
        "Voeg een foto toe."
    )
    assert said in _text(response)


def test_after_a_decision_the_next_item_in_queue_order(client, world_a, world_b, moderator):
    first, second = submitted(world_a), submitted(world_b)
    client.force_login(moderator)
    page = client.get(_review(first.pk)).content.decode()
    assert f'href="{_review(second.pk)}"' in page  # the "next item" link
    seen = dict(re.findall(r'name="(seen_\w+)" value="([^"]*)"', page))
    response = client.post(_review(first.pk), {"decision": "approve", **seen})
    assert response.url == _review(second.pk)
    response = client.post(
        _review(second.pk), {"decision": "reject", "message": "Geen cultuur."}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("admin:agenda_submittedactivity_changelist")
    assert "Er wacht niets meer" in _text(response)


def test_queue_links_to_review_pages_with_true_status_words(client, world_a, world_b, moderator):
    moved_change(world_a, moderator)
    submitted(world_b)
    client.force_login(moderator)
    response = client.get(reverse("admin:agenda_submittedactivity_changelist"))
    html = response.content.decode()
    start = html.index('id="result_list"')
    rows = _text(html[start : html.index("</table>", start)])
    assert "Wijziging wacht" in rows and "Nieuw, wacht" in rows
    assert "Goedgekeurd" not in rows
    assert _review(world_a["activity"].pk) in response.content.decode()


def test_organisation_review_shows_contact_and_prepared_activities(client, moderator, edition):
    provider = ProviderFactory(
        status=Provider.Status.PENDING, contact_name="Els Janssen", contact_email="els@example.org"
    )
    UserFactory(provider=provider, first_name="Els", last_name="Janssen", email="els@example.org")
    ActivityFactory(
        provider=provider, edition=edition, state="draft", title="Open repetitie voor iedereen"
    )
    client.force_login(moderator)
    changelist = client.get(reverse("admin:providers_pendingprovider_changelist"))
    url = reverse("admin:providers_pendingprovider_review", args=[provider.pk])
    assert url in changelist.content.decode()
    text = _text(client.get(url))
    assert "Els Janssen" in text and "els@example.org" in text
    assert "Open repetitie voor iedereen" in text and "Concept" in text
    response = client.post(url, {"decision": "approve"}, follow=True)
    provider.refresh_from_db()
    assert provider.status == Provider.Status.APPROVED
    assert f"{provider.name} is goedgekeurd" in _text(response)


def test_a_moderator_without_change_rights_cannot_decide(client, world_a):
    activity = submitted(world_a)
    viewer = UserFactory(is_staff=True)
    client.force_login(viewer)
    response = client.post(_review(activity.pk), {"decision": "approve"})
    assert response.status_code == 403
    assert Activity.objects.get(pk=activity.pk).state == ActivityState.SUBMITTED


def test_list_actions_say_what_they_did(client, world_a, world_b, moderator):
    activity = submitted(world_a)
    client.force_login(moderator)
    seen = {f"seen_activity_{activity.pk}": activity.updated_at.isoformat()}
    response = changelist_action(
        client, "agenda_submittedactivity", "approve", [activity.pk], apply="1", **seen
    )
    assert "1 activiteit goedgekeurd: ze staat in de agenda." in _text(response)
    other = submitted(world_b)
    response = changelist_action(
        client, "agenda_submittedactivity", "reject", [other.pk], apply="1", message="Nee."
    )
    assert "1 activiteit afgewezen. De aanbieder krijgt je reden per e-mail." in _text(response)


def test_word_diff_ignores_a_new_line_after_an_unchanged_word():
    assert word_diff("Samen kiezen.", "Samen kiezen.\n\nMet koffie.") == [
        ("same", "Samen kiezen.\n\n"),
        ("ins", "Met koffie."),
    ]


def test_review_page_says_who_hears_of_a_removed_session(client, world_a, moderator):
    activity = approved(world_a, moderator)
    kept = SessionFactory(activity=activity, venue=world_a["venue"], starts_at=local(THURSDAY, 19))
    for n in range(3):
        reserve(world_a["session"], n)
    data = activity_data(activity)
    data["sessions"] = [row for row in data["sessions"] if row["id"] == kept.pk]
    activity_save(activity=activity, data=data, by=world_a["user"])
    client.force_login(moderator)
    text = _text(client.get(_review(activity.pk)))
    assert "Vervalt:" in text
    assert "3 mensen met 3 plekken krijgen een e-mail dat hun moment niet doorgaat." in text
