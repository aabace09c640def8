"""The retention purge of the data about accounts and logins (run by purge_personal_data).

Terms in settings: UNVERIFIED_ACCOUNT_DAYS, PROVIDER_REJECTED_RETENTION_DAYS,
LOGIN_RECORD_RETENTION_DAYS; expired login sessions go at once.
"""

import contextlib
import datetime
from importlib import import_module

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from providers.models import Provider, User

USER_LABEL = User._meta.label


def _days_ago(days: int, now: datetime.datetime | None) -> datetime.datetime:
    return (now or timezone.now()) - datetime.timedelta(days=days)


@transaction.atomic
def users_purge_unconfirmed(*, now: datetime.datetime | None = None) -> int:
    """Delete sign-ups and invitations nobody confirmed within UNVERIFIED_ACCOUNT_DAYS (and the
    pending organisation such a sign-up made, when nobody else belongs to it and nothing refers
    to it), so the address is free again. Accounts that staff deactivated stay."""
    cutoff = _days_ago(settings.UNVERIFIED_ACCOUNT_DAYS, now)
    stale = User.objects.filter(
        email_verified_at__isnull=True, is_active=False, date_joined__lt=cutoff
    )
    provider_ids = set(stale.exclude(provider=None).values_list("provider_id", flat=True))
    _total, deleted = stale.delete()
    Provider.objects.filter(
        pk__in=provider_ids,
        status=Provider.Status.PENDING,
        users__isnull=True,
        activities__isnull=True,
    ).delete()
    return deleted.get(USER_LABEL, 0)


@transaction.atomic
def users_purge_rejected(*, now: datetime.datetime | None = None) -> int:
    """Delete the accounts of organisations that staff rejected more than
    PROVIDER_REJECTED_RETENTION_DAYS ago, and blank the organisation's contact details; the
    organisation itself stays, with the record of the decision."""
    cutoff = _days_ago(settings.PROVIDER_REJECTED_RETENTION_DAYS, now)
    rejected = Provider.objects.filter(status=Provider.Status.REJECTED, rejected_at__lt=cutoff)
    _total, deleted = User.objects.filter(provider__in=rejected, is_staff=False).delete()
    rejected.exclude(contact_email="", contact_name="", public_email="", public_phone="").update(
        contact_email="", contact_name="", public_email="", public_phone=""
    )
    return deleted.get(USER_LABEL, 0)


def login_records_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete django-axes' records of logins and failed logins (address, IP address, browser)
    older than LOGIN_RECORD_RETENTION_DAYS."""
    cutoff = _days_ago(settings.LOGIN_RECORD_RETENTION_DAYS, now)
    count = 0
    with transaction.atomic():
        for model in (AccessAttempt, AccessFailureLog, AccessLog):
            count += model.objects.filter(attempt_time__lt=cutoff).delete()[0]
    return count


def sessions_purge() -> None:
    """Delete expired login sessions, as `manage.py clearsessions` does (a session engine that
    cannot list them, like the cache, lets them expire by itself)."""
    engine = import_module(settings.SESSION_ENGINE)
    with contextlib.suppress(NotImplementedError):
        engine.SessionStore.clear_expired()
