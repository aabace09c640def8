"""Every environment variable the settings and gunicorn read is documented in .env.example."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READERS = re.compile(
    r"""(?:os\.environ\.get|os\.environ\[|env_bool|env_int|env_list|env_float)\(?\s*["']([A-Z][A-Z0-9_]+)["']"""
)


def names_read(path: Path) -> set[str]:
    return set(READERS.findall(path.read_text()))


def test_env_example_documents_every_setting():
    documented = set(
        re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M)
    )
    read = names_read(ROOT / "week3" / "settings.py") | names_read(ROOT / "gunicorn.conf.py")
    assert read, "the pattern found no settings at all"
    assert read - documented == set()
