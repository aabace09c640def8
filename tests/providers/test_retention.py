"""The nightly purge (purge_personal_data) also removes login records, expired login sessions,
sign-ups nobody confirmed and the accounts of rejected organisations, each after its term."""

import datetime
from io import StringIO

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.urls import reverse

from agenda.models import RateCount
from agenda.ratelimit import hit
from providers.models import Provider, User
from providers.services import provider_reject
from tests.factories import ProviderFactory, UserFactory, sign_up

pytestmark = pytest.mark.django_db

LATER = datetime.timedelta(days=31)


def _login_traces(client, email):
    """What logging in leaves: axes' records of failed and good logins, a session."""
    user = UserFactory(email=email)
    client.post(reverse("portal:login"), {"username": email, "password": "wrong"})
    client.post(reverse("portal:login"), {"username": email, "password": "week3-test-password"})
    # With AXES_ENABLE_ACCESS_FAILURE_LOG on, axes writes these too.
    AccessFailureLog.objects.create(username=email, ip_address="192.0.2.1")
    AccessAttempt.objects.create(username=email, ip_address="192.0.2.1", failures_since_start=1)
    return user


def test_after_31_days_the_purge_leaves_no_stale_trace_and_keeps_fresh_ones(
    client, clock, reference_data
):
    _login_traces(client, "oud@example.org")
    old_session = client.session.session_key
    assert AccessLog.objects.filter(username="oud@example.org").exists()
    stale = sign_up("Nooit Bevestigd", "nooit@example.org", kind="artist")
    confirmed = UserFactory(email="wel@example.org")
    deactivated = UserFactory(email="uit@example.org", is_active=False)
    rejected = ProviderFactory(name="Afgewezen")
    rejected_user = UserFactory(email="afgewezen@example.org", provider=rejected)
    provider_reject(provider=rejected)
    hit("reserve-ip", "192.0.2.1", "5/m")  # a rate-limit counter (in the database)
    old_counters = set(RateCount.objects.values_list("key", flat=True))
    assert old_counters

    clock.shift(LATER)
    client.logout()
    _login_traces(client, "nieuw@example.org")
    fresh_session = client.session.session_key
    fresh = sign_up("Vers Aangemeld", "vers@example.org", kind="artist")
    fresh_rejected = UserFactory(email="net@example.org", provider=ProviderFactory())
    provider_reject(provider=fresh_rejected.provider)

    hit("reserve-ip", "192.0.2.1", "5/m")
    fresh_counters = set(RateCount.objects.values_list("key", flat=True)) - old_counters

    call_command("purge_personal_data", stdout=StringIO())
    call_command("purge_personal_data", stdout=StringIO())  # safe to repeat

    for model in (AccessLog, AccessFailureLog, AccessAttempt):
        usernames = set(model.objects.values_list("username", flat=True))
        assert "oud@example.org" not in usernames, model
        assert usernames == {"nieuw@example.org"}, model
    assert not Session.objects.filter(session_key=old_session).exists()
    assert Session.objects.filter(session_key=fresh_session).exists()
    assert not User.objects.filter(pk=stale.pk).exists()
    assert not Provider.objects.filter(name="Nooit Bevestigd").exists()
    assert User.objects.filter(pk__in=[fresh.pk, confirmed.pk, deactivated.pk]).count() == 3
    assert Provider.objects.filter(name="Vers Aangemeld").exists()
    assert not User.objects.filter(pk=rejected_user.pk).exists()
    rejected.refresh_from_db()
    assert rejected.contact_email == ""
    assert User.objects.filter(pk=fresh_rejected.pk).exists()
    assert not RateCount.objects.filter(key__in=old_counters).exists()
    assert RateCount.objects.filter(key__in=fresh_counters).exists()


def test_an_expired_sign_up_frees_the_address(client, clock, reference_data):
    sign_up("Eerste Poging", "anna@example.org", kind="artist")
    clock.shift(datetime.timedelta(days=8))
    call_command("purge_personal_data", stdout=StringIO())
    assert not User.objects.filter(email="anna@example.org").exists()
    user = sign_up("Tweede Poging", "anna@example.org", kind="artist")
    assert user.provider.name == "Tweede Poging"


def test_the_privacy_page_states_each_term(client, settings, reference_data):
    settings.UNVERIFIED_ACCOUNT_DAYS = 6
    settings.PROVIDER_REJECTED_RETENTION_DAYS = 29
    settings.LOGIN_RECORD_RETENTION_DAYS = 28
    settings.SESSION_COOKIE_AGE = 5 * 60 * 60
    html = client.get("/en/privacy/").content.decode()
    assert "30 days after your session" in html
    assert "nobody confirms is deleted after 6 days" in html
    assert "we delete its accounts 29 days later" in html
    assert "We delete these notes after 28 days" in html
    assert "A login lasts at most 5 hours" in html
    assert "never the personal links from our e-mails" in html
