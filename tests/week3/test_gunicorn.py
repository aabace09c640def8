"""Gunicorn as configured (gunicorn.conf.py) ends a kept-alive connection after
GUNICORN_KEEPALIVE_REQUESTS requests, so a proxy's or a load test's long-lived connections
spread over the workers again instead of staying with the worker that first accepted them."""

import http.client
import os
import runpy
import socket
import sys
import urllib.request
from types import SimpleNamespace

import pytest

from tests.servers import ROOT, free_port, start_server, stop_server

REQUEST = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
COMMAND = [sys.executable, "-m", "gunicorn", "tests.week3.ok_app:application"]
COMMAND += ["-c", "gunicorn.conf.py", "--access-logfile", "/dev/null"]


@pytest.fixture
def gunicorn(tmp_path):
    """Starts gunicorn with the project's configuration and `environment`; its port."""
    processes = []

    def start(**environment):
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("GUNICORN_")}
        env |= {"BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "1", **environment}
        log = tmp_path / f"gunicorn-{port}.log"

        def ready():  # a worker answers, not only the arbiter's socket
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).close()

        processes.append(start_server(COMMAND, env, log, ready))
        return port

    yield start
    for process in processes:
        stop_server(process)


def on_one_connection(port: int, count: int) -> tuple[list[str], bool]:
    """Sends up to `count` requests one after the other over one connection, until an answer
    says "Connection: close". The Connection header of each answer, and whether the server
    still holds the connection open after the last one."""
    headers = []
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        for _ in range(count):
            sock.sendall(REQUEST)
            response = http.client.HTTPResponse(sock)
            response.begin()
            assert response.status == 200
            response.read()
            headers.append(response.getheader("Connection", "").lower())
            if headers[-1] == "close":
                break
        # A close comes at once, but give a busy machine time; an open connection stays silent
        # (well within gunicorn's 2 s keep-alive timeout).
        sock.settimeout(5 if headers[-1] == "close" else 0.5)
        try:
            still_open = sock.recv(1) != b""  # b"": the server closed its end
        except TimeoutError:
            still_open = True
    return headers, still_open


def test_a_kept_alive_connection_ends_after_the_configured_number_of_requests(gunicorn):
    headers, still_open = on_one_connection(gunicorn(GUNICORN_KEEPALIVE_REQUESTS="3"), 5)

    assert headers == ["keep-alive", "keep-alive", "close"]
    assert not still_open


def test_by_default_a_connection_serves_a_hundred_requests(gunicorn):
    headers, still_open = on_one_connection(gunicorn(), 101)

    assert len(headers) == 100
    assert set(headers[:99]) == {"keep-alive"}
    assert headers[-1] == "close"
    assert not still_open


def test_no_limit_keeps_the_connection_open(gunicorn):
    headers, still_open = on_one_connection(gunicorn(GUNICORN_KEEPALIVE_REQUESTS="0"), 120)

    assert len(headers) == 120
    assert "close" not in headers
    assert still_open


def test_an_http2_request_never_ends_its_connection():
    """HTTP/2 numbers its requests by stream, and one connection carries many at once."""
    pre_request = runpy.run_path(str(ROOT / "gunicorn.conf.py"))["pre_request"]
    http1 = SimpleNamespace(version=(1, 1), req_number=100, must_close=False)
    http2 = SimpleNamespace(version=(2, 0), req_number=101, must_close=False)

    pre_request(None, http1)
    pre_request(None, http2)

    assert http1.must_close
    assert not http2.must_close
