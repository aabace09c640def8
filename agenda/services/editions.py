"""Staff's work on editions: next year's edition, publishing one."""

import datetime

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from agenda.models import Edition
from agenda.services.errors import ModerationError


def _same_week_next_year(day: datetime.date) -> datetime.date:
    """The same ISO week and weekday a year later: Week 3 stays the third week of January.

    Adding 52 weeks is not enough after a year with 53 ISO weeks (2020, 2026): it would land a
    week early. A year without week 53 gets week 52 instead.
    """
    year, week, weekday = day.isocalendar()
    try:
        return datetime.date.fromisocalendar(year + 1, week, weekday)
    except ValueError:
        return datetime.date.fromisocalendar(year + 1, 52, weekday)


@transaction.atomic
def edition_create_next(*, edition: Edition) -> Edition:
    """Next year's edition: same weekdays, submission window moved along, not yet published."""
    if Edition.objects.filter(year=edition.year + 1).exists():
        raise ModerationError(
            _("The edition of %(year)s exists already.") % {"year": edition.year + 1}
        )
    shift = _same_week_next_year(edition.starts_on) - edition.starts_on
    return Edition.objects.create(
        year=edition.year + 1,
        starts_on=edition.starts_on + shift,
        ends_on=edition.ends_on + shift,
        submissions_open_from=edition.submissions_open_from
        and edition.submissions_open_from + shift,
        submissions_open_until=edition.submissions_open_until
        and edition.submissions_open_until + shift,
    )


@transaction.atomic
def edition_publish(*, edition: Edition) -> Edition:
    edition.is_published = True
    edition.save(update_fields=["is_published", "updated_at"])
    return edition
