"""The scheduled jobs about reservations: reminders the day before, and the retention purge."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from agenda.models import Activity, Reservation, ReservationState
from agenda.services.reservation_mail import EVENT, reservation_mail_enqueue
from outbox.services import mail_purge


def reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Queue the day-before reminder for every confirmed place in tomorrow's sessions.

    Only for sessions that take place and that the public agenda shows: not cancelled, of an
    approved activity of an approved provider in a published edition. Safe to run any number
    of times, also at once: each reservation is marked in the same transaction that queues its
    e-mail, and rows another run holds are skipped.
    """
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    count = 0
    with transaction.atomic():
        due = (
            # `of`: the reservation rows only; the sessions joined in the filter stay free for
            # bookings, and a session a booking holds is not skipped.
            Reservation.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(
                state=ReservationState.CONFIRMED,
                reminder_sent_at__isnull=True,
                session__is_cancelled=False,
                session__starts_at__date=tomorrow,
                session__activity__in=Activity.objects.public(),
            )
            .exclude(email="")
        )
        for reservation in due:
            reservation_mail_enqueue(reservation, "reservation_reminder", calendar=EVENT)
            reservation.reminder_sent_at = now
            reservation.save(update_fields=["reminder_sent_at"])
            count += 1
    return count


def reservations_purge(*, now: datetime.datetime | None = None) -> int:
    """Remove names, e-mail addresses, postcodes and links from reservations of sessions that
    ended RESERVATION_RETENTION_DAYS ago, older e-mails, and the e-mails sent to those
    addresses (the follow-up question is queued after the session); anonymous counts stay.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.RESERVATION_RETENTION_DAYS)
    with transaction.atomic():
        due = Reservation.objects.filter(session__ends_at__lt=cutoff, anonymised_at__isnull=True)
        addresses = set(due.exclude(email="").values_list("email", flat=True))
        count = due.update(name="", email="", postcode="", token="", client="", anonymised_at=now)
        mail_purge(before=cutoff, to=addresses)
    return count
