"""The client's address behind proxies: only the X-Forwarded-For entries our proxies wrote count."""

import pytest
from axes.helpers import get_client_ip_address
from django.test import RequestFactory
from django.urls import reverse

from agenda.ratelimit import client_ip
from tests.factories import ProviderFactory, UserFactory

pytestmark = pytest.mark.django_db


def request_from(forwarded_for=None, remote="10.0.0.1"):
    headers = {"REMOTE_ADDR": remote}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize(
    ("count", "forwarded_for", "expected"),
    [
        # One proxy: it appended the address it saw; the first entry is the client's own text.
        (1, "203.0.113.66, 192.0.2.7", "192.0.2.7"),
        (1, "192.0.2.7", "192.0.2.7"),
        # Two proxies: the inner one appended the outer one's address.
        (2, "203.0.113.66, 192.0.2.7, 10.1.1.1", "192.0.2.7"),
        # Fewer entries than proxies: it did not come through them, so no entry is believed.
        (2, "192.0.2.7", "10.0.0.1"),
        (1, "", "10.0.0.1"),
        (1, None, "10.0.0.1"),
    ],
)
def test_the_client_is_the_nth_entry_from_the_right(settings, count, forwarded_for, expected):
    settings.TRUST_X_FORWARDED_FOR = True
    settings.TRUSTED_PROXY_COUNT = count
    assert client_ip(request_from(forwarded_for)) == expected


def test_forwarded_for_is_ignored_without_a_trusted_proxy(settings):
    settings.TRUST_X_FORWARDED_FOR = False
    assert client_ip(request_from("203.0.113.66, 192.0.2.7")) == "10.0.0.1"


def test_login_lockout_uses_the_same_address(settings):
    """django-axes: behind the proxy, each provider has their own address, not the proxy's."""
    settings.TRUST_X_FORWARDED_FOR = True
    settings.TRUSTED_PROXY_COUNT = 1
    assert get_client_ip_address(request_from("203.0.113.66, 192.0.2.7")) == "192.0.2.7"
    settings.TRUST_X_FORWARDED_FOR = False
    assert get_client_ip_address(request_from("203.0.113.66, 192.0.2.7")) == "10.0.0.1"


def test_a_lockout_behind_the_proxy_does_not_lock_out_another_address(client, settings):
    settings.TRUST_X_FORWARDED_FOR = True
    user = UserFactory(provider=ProviderFactory())
    url = reverse("portal:login")
    attacker = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "192.0.2.66"}
    for _attempt in range(5):
        client.post(url, {"username": user.email, "password": "wrong"}, **attacker)
    locked = client.post(url, {"username": user.email, "password": "wrong"}, **attacker)
    assert locked.status_code == 429
    # The real provider comes through the same proxy (same REMOTE_ADDR) from elsewhere.
    response = client.post(
        url,
        {"username": user.email, "password": "week3-test-password"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.5",
    )
    assert response.status_code == 302
