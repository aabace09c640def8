"""The app says (once) in its log when X-Forwarded-For does not match the proxy settings."""

import logging

import pytest

from week3 import middleware


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch):
    # Each test as a new worker process: nothing warned yet.
    monkeypatch.setattr(middleware, "_warned", set())


def warnings_in(caplog):
    return [r.getMessage() for r in caplog.records if r.name == "week3.proxy"]


def test_forwarded_for_without_trusting_it_warns_once(client, settings, caplog):
    settings.TRUST_X_FORWARDED_FOR = False
    caplog.set_level(logging.WARNING, logger="week3.proxy")
    client.get("/robots.txt")
    assert warnings_in(caplog) == []
    client.get("/robots.txt", HTTP_X_FORWARDED_FOR="203.0.113.7")
    client.get("/robots.txt", HTTP_X_FORWARDED_FOR="203.0.113.8")
    (warning,) = warnings_in(caplog)
    assert "TRUST_X_FORWARDED_FOR is off" in warning
    assert "TRUSTED_PROXY_COUNT" in warning


def test_the_right_number_of_hops_is_quiet(client, settings, caplog):
    settings.TRUST_X_FORWARDED_FOR = True
    settings.TRUSTED_PROXY_COUNT = 2
    caplog.set_level(logging.WARNING, logger="week3.proxy")
    client.get("/robots.txt", HTTP_X_FORWARDED_FOR="203.0.113.7, 10.0.0.2")
    assert warnings_in(caplog) == []


@pytest.mark.parametrize(
    ("header", "count", "says"),
    [
        ("198.51.100.1, 203.0.113.7, 10.0.0.2", 2, "entries: 3, TRUSTED_PROXY_COUNT: 2"),
        ("203.0.113.7", 2, "entries: 1, TRUSTED_PROXY_COUNT: 2"),
    ],
)
def test_more_or_fewer_hops_than_proxies_warn(client, settings, caplog, header, count, says):
    settings.TRUST_X_FORWARDED_FOR = True
    settings.TRUSTED_PROXY_COUNT = count
    caplog.set_level(logging.WARNING, logger="week3.proxy")
    client.get("/robots.txt", HTTP_X_FORWARDED_FOR=header)
    client.get("/robots.txt", HTTP_X_FORWARDED_FOR=header)
    (warning,) = warnings_in(caplog)
    assert says in warning
