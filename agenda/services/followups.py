"""The one question after a session, to participants who opted in: sending it, answering it,
and forgetting its link.

Who is asked: reservations with `consent_followup` and an e-mail address, of a session that
was not cancelled and ended FOLLOWUP_AFTER_HOURS ago (but not more than a week: a late worker
does not ask about last month), in the state "attended", or still "confirmed" because the
provider did not mark attendance (most do not; whoever did not come can ignore the e-mail).
No-shows, cancelled and waiting reservations are not asked.

The answer (FollowUp) points at the session only, never at the reservation: once the
reservation's personal data is removed, nothing links the answer to a person. The questions of
one session are created in one run, with one `sent_at`, in random order, so neither their time
nor their ids tell whose is whose. Its one-time link is blanked by the nightly purge once
answered or expired.
"""

import datetime
import re
import secrets

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation

from agenda.models import FollowUp, Reservation, ReservationState, public_condition
from outbox.services import mail_enqueue

# What a participant may type by mistake into the anonymous comment: removed before it is kept.
EMAIL = re.compile(r"[\w.!#$%&*+/=?^`~-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"\+?\d[\d \-()./]{7,}\d")
REMOVED = "[…]"


def without_contact_details(text: str) -> str:
    """The comment without e-mail addresses and phone numbers (9 digits or more: a date or a
    year stays)."""
    text = EMAIL.sub(REMOVED, text)
    return PHONE.sub(
        lambda found: REMOVED if sum(c.isdigit() for c in found.group()) >= 9 else found.group(),
        text,
    )


# Sessions that ended longer ago than this are not asked about any more.
LATEST = datetime.timedelta(days=7)
ASKED_STATES = [ReservationState.ATTENDED, ReservationState.CONFIRMED]


class FollowUpError(Exception):
    """The question cannot be answered (any more): `code` is "answered" or "expired"."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def followups_send(*, now: datetime.datetime | None = None) -> int:
    """Queue the question for every participant who opted in and whose session ended
    FOLLOWUP_AFTER_HOURS ago; once per reservation. Each FollowUp is created, and the
    reservation marked, in the transaction that queues its e-mail; rows another run holds are
    skipped. The number of e-mails queued."""
    now = now or timezone.now()
    ended_before = now - datetime.timedelta(hours=settings.FOLLOWUP_AFTER_HOURS)
    count = 0
    with transaction.atomic():
        due = (
            Reservation.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(
                consent_followup=True,
                followup_sent_at__isnull=True,
                anonymised_at__isnull=True,
                state__in=ASKED_STATES,
                session__is_cancelled=False,
                session__ends_at__lte=ended_before,
                session__ends_at__gt=now - LATEST,
            )
            .filter(public_condition("session__activity__"))
            .exclude(email="")
            .select_related("session__activity")
        )
        # In no particular order: the answers' ids must not follow the reservations' order.
        due = list(due)
        secrets.SystemRandom().shuffle(due)
        for reservation in due:
            _ask(reservation, now)
            count += 1
    return count


def _ask(reservation: Reservation, now: datetime.datetime) -> None:
    language = reservation.language or settings.LANGUAGE_CODE
    followup = FollowUp.objects.create(
        session=reservation.session,
        token=secrets.token_urlsafe(32),
        language=language,
        sent_at=now,
        expires_at=now + datetime.timedelta(days=settings.FOLLOWUP_VALID_DAYS),
    )
    with translation.override(language):
        url = settings.SITE_URL + followup.personal_path()
        privacy_url = settings.SITE_URL + reverse("agenda:privacy")
    mail_enqueue(
        to=reservation.email,
        template="agenda/email/followup_question",
        context={
            "reservation": reservation,
            "session": reservation.session,
            "activity": reservation.session.activity,
            "url": url,
            "days": settings.FOLLOWUP_VALID_DAYS,
            "privacy_url": privacy_url,
        },
        language=language,
    )
    reservation.followup_sent_at = now
    reservation.save(update_fields=["followup_sent_at"])


def followup_answer(
    *,
    followup: FollowUp,
    rating: int,
    wants_to_continue: str,
    signed_up: bool,
    comment: str = "",
) -> FollowUp:
    """Record the answer, once; FollowUpError when it was answered already or has expired."""
    with transaction.atomic():
        followup = FollowUp.objects.select_for_update().get(pk=followup.pk)
        if followup.is_answered:
            raise FollowUpError("answered")
        if followup.is_expired:
            raise FollowUpError("expired")
        followup.rating = rating
        followup.wants_to_continue = wants_to_continue
        followup.signed_up = signed_up
        followup.comment = without_contact_details(comment.strip())
        followup.answered_at = timezone.now()
        followup.save()
    return followup


def followup_links_purge(*, now: datetime.datetime | None = None) -> int:
    """Blank the link code of every question answered or expired (the nightly purge): the
    answers stay, and the e-mailed link no longer leads to them."""
    now = now or timezone.now()
    return (
        FollowUp.objects.exclude(token="")
        .filter(Q(answered_at__isnull=False) | Q(expires_at__lte=now))
        .update(token="")
    )


def followup_comment_remove(*, followups) -> int:
    """Staff remove the free comment of these answers (the rest of each answer stays)."""
    with transaction.atomic():
        return followups.exclude(comment="").update(comment="")
