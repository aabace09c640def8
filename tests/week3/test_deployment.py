"""One image, one entrypoint for every role: docker-compose.yml runs the roles bin/entrypoint
knows, and `bin/entrypoint worker` is the worker."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from outbox.models import WorkerHeartbeat

ROOT = Path(__file__).resolve().parents[2]


def docker_compose_works() -> bool:
    try:
        return subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not docker_compose_works(), reason="docker compose not installed")
def test_docker_compose_config_is_valid():
    env = {**os.environ, "SECRET_KEY": "only-for-the-config-check"}
    result = subprocess.run(
        ["docker", "compose", "-f", "docker-compose.yml", "config", "--quiet"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_compose_runs_the_entrypoints_roles_from_one_image():
    compose = (ROOT / "docker-compose.yml").read_text()
    entrypoint = (ROOT / "bin" / "entrypoint").read_text()
    roles = re.findall(r'command: \["(\w+)"\]', compose)
    assert sorted(roles) == ["migrate", "web", "worker"]
    for role in roles:
        assert re.search(rf"^{role}\)$", entrypoint, re.MULTILINE), role
    assert compose.count("build: .") == 1  # web, worker and migrate share the anchor's image
    for service in ("postgres:", "redis:", "web:", "worker:"):
        assert f"\n  {service}" in compose


@pytest.mark.django_db(transaction=True)
def test_bin_entrypoint_worker_runs_the_worker():
    database = connection.settings_dict
    url = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "week3.settings",
    }
    result = subprocess.run(
        ["bin/entrypoint", "worker", "--once"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert WorkerHeartbeat.objects.exists()
    unknown = subprocess.run(["bin/entrypoint", "cron"], cwd=ROOT, env=env, capture_output=True)
    assert unknown.returncode == 2
