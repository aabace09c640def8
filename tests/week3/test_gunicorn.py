"""Gunicorn as configured (gunicorn.conf.py) ends a kept-alive connection after
GUNICORN_KEEPALIVE_REQUESTS requests, so a proxy's or a load test's long-lived connections
spread over the workers again instead of staying with the worker that first accepted them."""

import http.client
import os
import socket
import sys

import pytest

from tests.servers import free_port, start_server

REQUEST = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
COMMAND = [sys.executable, "-m", "gunicorn", "tests.week3.pid_app:application"]
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

        def ready():
            socket.create_connection(("127.0.0.1", port), timeout=1).close()

        processes.append(start_server(COMMAND, env, log, ready))
        return port

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=10)


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
        sock.settimeout(0.5)
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
