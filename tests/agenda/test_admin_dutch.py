"""The admin speaks Dutch to moderators: no English words in the pages they use, including
the text only screen readers get (headings, titles, labels)."""

import re

import pytest
from django.urls import reverse

from providers.models import Provider
from tests.factories import ActivityFactory, ProviderFactory, UserFactory
from tests.helpers import changelist_action, moved_change, submitted

pytestmark = pytest.mark.django_db

# Common English words that are not Dutch words as well ("of", "model", "is" are).
ENGLISH = re.compile(
    r"\b(the|and|for|with|your|this|to|by|or|from|will|should|what|when|which|choose|"
    r"remove|selected|change|view|add|activity|activities|provider|providers|session|"
    r"reservation|waiting|approved|rejected|proposed|public|message|field|name|since|"
    r"review|application|people|places|gets|changes|yes|no)\b",
    re.IGNORECASE,
)


def _words(html: str) -> str:
    """What a page says, to the eye and to a screen reader: text, titles, labels, values."""
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    said = re.findall(r'(?:title|aria-label|placeholder|alt)="([^"]*)"', html)
    said += re.findall(r'<input[^>]*type="submit"[^>]*value="([^"]*)"', html)
    text = re.sub(r"<[^>]+>", " ", html)
    return " ".join([text, *said])


def _english(html: str) -> set[str]:
    # "Django" in the site's name and e-mail addresses are not English text.
    words = re.sub(r"\S+@\S+|Django", " ", _words(html))
    return {match.group(0) for match in ENGLISH.finditer(words)}


def test_moderation_pages_have_no_english(client, world_a, world_b, moderator, edition):
    activity, _ = moved_change(world_a, moderator)
    new = submitted(world_b)
    provider = ProviderFactory(
        status=Provider.Status.PENDING, contact_name="Els Janssen", contact_email="els@example.org"
    )
    UserFactory(provider=provider, first_name="Els", last_name="Janssen")
    ActivityFactory(provider=provider, edition=edition, state="draft", title="Verhalenavond")
    client.force_login(moderator)
    pages = {
        "index": reverse("admin:index"),
        "queue": reverse("admin:agenda_submittedactivity_changelist"),
        "review of a change": reverse("admin:agenda_submittedactivity_review", args=[activity.pk]),
        "review of a new activity": reverse("admin:agenda_submittedactivity_review", args=[new.pk]),
        "activities": reverse("admin:agenda_activity_changelist"),
        "activity form": reverse("admin:agenda_activity_change", args=[activity.pk]),
        "organisations waiting": reverse("admin:providers_pendingprovider_changelist"),
        "organisation review": reverse(
            "admin:providers_pendingprovider_review", args=[provider.pk]
        ),
        "organisation form": reverse("admin:providers_provider_change", args=[provider.pk]),
        "profile changes": reverse("admin:providers_providerrevision_changelist"),
        "decisions": reverse("admin:agenda_activitydecision_changelist"),
    }
    found = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        if english := _english(response.content.decode()):
            found[name] = english
    for name, action in [("approve step", "approve"), ("message step", "request_changes")]:
        response = changelist_action(client, "agenda_submittedactivity", action, [activity.pk])
        if english := _english(response.content.decode()):
            found[name] = english
    assert not found, found


def test_many_to_many_fields_are_checkboxes_not_the_english_javascript_widget(
    client, world_a, moderator
):
    client.force_login(moderator)
    html = client.get(
        reverse("admin:agenda_activity_change", args=[world_a["activity"].pk])
    ).content.decode()
    assert "selectfilter" not in html
    assert 'type="checkbox" name="disciplines"' in html
