"""A feed is built from events kept ready one by one: after one activity changes, only its
events are built again, and the feed reads exactly as if it were built whole."""

import pytest

from agenda import ical
from agenda.feeds import edition_sessions
from agenda.ical import calendar_for_sessions, feed_ical
from agenda.models import Edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def built(monkeypatch):
    """How many events were built from now on."""
    calls = []
    original = ical.event_for_session

    def counted(session, **kwargs):
        calls.append(session.pk)
        return original(session, **kwargs)

    monkeypatch.setattr(ical, "event_for_session", counted)
    return calls


def full_feed(client, language="") -> str:
    response = client.get(f"{language}/agenda.ics")
    assert response.status_code == 200
    return response.content.decode()


def test_a_feed_from_kept_events_reads_exactly_like_one_built_whole(agenda):
    sessions = edition_sessions(Edition.objects.current())
    whole = calendar_for_sessions(sessions, name="Week 3", url="https://week3.example.org/")
    first = feed_ical(sessions, name="Week 3", url="https://week3.example.org/")
    again = feed_ical(sessions, name="Week 3", url="https://week3.example.org/")
    assert first == whole.to_ical()
    assert again == first


def test_after_an_edit_only_that_activitys_events_are_built_again(client, agenda, built):
    sessions = sum(len(a.sessions.all()) for a in (agenda["choir"], agenda["studio"]))
    assert "Kinderkoor De Merel zingt" in full_feed(client)
    assert len(built) >= sessions

    built.clear()
    choir = agenda["choir"]
    choir.title = "Kinderkoor De Merel zingt voor iedereen"
    choir.save()
    body = full_feed(client)

    assert "Kinderkoor De Merel zingt voor iedereen" in body.replace("\r\n ", "")
    assert sorted(built) == sorted(choir.sessions.values_list("pk", flat=True))


def test_the_providers_new_name_and_each_language_show(client, agenda, built):
    full_feed(client)
    provider = agenda["choir"].provider
    provider.name = "Muziekschool Noord-Limburg"
    provider.save()
    assert "Muziekschool Noord-Limburg" in full_feed(client).replace("\r\n ", "")
    # Each language has its own events ("By:" / "Door:" in the description).
    assert "By: Muziekschool Noord-Limburg" in full_feed(client, "/en").replace("\r\n ", "")
