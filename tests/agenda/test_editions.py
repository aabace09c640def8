"""The next edition: made from the last one in the same ISO week, once, from the admin too."""

import datetime

import pytest
from django.utils import timezone, translation

from agenda.services.editions import edition_create_next
from agenda.services.errors import ModerationError
from tests.factories import EditionFactory
from tests.helpers import changelist_action

pytestmark = pytest.mark.django_db


def test_next_edition_keeps_the_weekdays(edition):
    following = edition_create_next(edition=edition)
    assert following.year == edition.year + 1
    assert following.starts_on.weekday() == edition.starts_on.weekday()
    assert not following.is_published
    with pytest.raises(ModerationError):
        edition_create_next(edition=edition)


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
    response = changelist_action(client, "agenda_edition", "create_next_edition", [edition.pk])
    assert response.status_code == 200
    with translation.override("nl"):
        expected = str(
            translation.gettext("The edition of %(year)s exists already.")
            % {"year": edition.year + 1}
        )
    assert expected in response.content.decode()
    [message] = list(response.context["messages"])
    assert message.level_tag == "error"
