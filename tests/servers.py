"""App servers in their own processes, for tests of what only separate processes show (several
servers sharing a cache, a restored backup): `manage.py runserver` at the tests' moment."""

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.db import connection
from django.utils import timezone

ROOT = Path(__file__).resolve().parents[1]
# time-machine in the server's process too: argv is the moment, the address, "tick" or not.
SCRIPT = """
import datetime, sys, time_machine
moment = datetime.datetime.fromisoformat(sys.argv[1])
time_machine.travel(moment, tick=sys.argv[3] == "tick").start()
import django
django.setup()
from django.core.management import call_command
call_command("runserver", sys.argv[2], use_reloader=False, use_threading=True, skip_checks=True)
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(name: str | None = None) -> str:
    """The tests' database server; the tests' own database unless `name` says another."""
    database = connection.settings_dict
    name = name or database["NAME"]
    return f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{name}"


def start_server(command: list[str], environment: dict, log: Path, ready) -> subprocess.Popen:
    """Starts `command` in the repository with its output in `log`, and waits until `ready()`
    stops raising OSError (for 15 s, plus what the tries themselves take)."""
    with log.open("w") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, env=environment, stdout=output, stderr=subprocess.STDOUT
        )
    for _ in range(150):
        if process.poll() is not None:  # it ended: no use waiting
            break
        try:
            ready()
            return process
        except OSError:
            time.sleep(0.1)
    stop_server(process)
    raise RuntimeError(log.read_text())


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class AppServer:
    """One server with `environment`, its output in `log`; started and answering /healthz."""

    def __init__(self, environment: dict, log: Path, *, moment: str = "", tick: bool = True):
        self.port = free_port()
        self.log = log
        self.base = f"http://127.0.0.1:{self.port}"
        moment = moment or timezone.now().isoformat()
        address = f"127.0.0.1:{self.port}"
        self.process = start_server(
            [sys.executable, "-c", SCRIPT, moment, address, "tick" if tick else "frozen"],
            environment,
            log,
            lambda: urllib.request.urlopen(f"{self.base}/healthz", timeout=1),
        )

    def stop(self):
        stop_server(self.process)
