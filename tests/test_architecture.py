"""The code's shape as docs/decisions.md describes it: layers one way down, one job per module.

The layers are the contracts in pyproject.toml, checked by import-linter.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ["week3", "campaign", "portal", "agenda", "providers", "outbox"]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
MAX_LINES = 400
# Generated or data, not logic: migrations and the demo edition's contents.
LONG_ALLOWED = {
    "agenda/management/commands/_demo_data.py",
    "agenda/management/commands/seed_demo.py",
}


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    # The packages in `root`, not the installed ones: PYTHONPATH comes first on sys.path.
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_import_contracts_hold():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"Contracts: [4-9] kept, 0 broken\.", result.stdout), result.stdout


@pytest.fixture
def copy_of_the_code(tmp_path):
    for app in APPS:
        shutil.copytree(ROOT / app, tmp_path / app, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("module", "code", "broken"),
    [
        # The bottom layer reaching up into the agenda.
        (
            "providers/_probe.py",
            "from agenda.models import Activity\n",
            "providers._probe -> agenda",
        ),
        # A model that knows a service.
        (
            "agenda/models/_probe.py",
            "from agenda.services import errors\n",
            "agenda.models._probe -> agenda.services",
        ),
        # A domain module that formats through a template tag.
        (
            "agenda/services/_probe.py",
            "from agenda.templatetags import agenda\n",
            "agenda.services._probe -> agenda.templatetags",
        ),
    ],
)
def test_an_import_against_the_layers_fails_the_check(copy_of_the_code, module, code, broken):
    (copy_of_the_code / module).write_text(f'"""Breaks a contract on purpose."""\n\n{code}')
    result = lint_imports(copy_of_the_code)
    assert result.returncode != 0
    assert broken in result.stdout
    assert "BROKEN" in result.stdout


def python_modules():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith((".venv/", "var/", "build/")) or "/migrations/" in relative:
            continue
        yield relative, path


def test_no_module_is_longer_than_400_lines():
    long = {
        relative: lines
        for relative, path in python_modules()
        if relative not in LONG_ALLOWED
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
