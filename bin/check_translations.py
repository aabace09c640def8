#!/usr/bin/env python3
"""Fails when the nl or de catalog misses a translation, has a fuzzy entry or a stale .mo."""

import os
import re
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["nl", "de"]
MAKEMESSAGES = [
    "makemessages",
    *(arg for code in LANGUAGES for arg in ("-l", code)),
    "--no-location",
    "--ignore=.venv",
    "--ignore=tests",
    "--ignore=bench",
]


def run_makemessages() -> list[str]:
    """Brings the catalogs up to date with the source, as a developer would before committing."""
    os.environ.setdefault("DEBUG", "1")  # settings refuse to load without DEBUG or SECRET_KEY
    result = subprocess.run(
        [sys.executable, "manage.py", *MAKEMESSAGES],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()
        return [f"manage.py makemessages failed (exit {result.returncode}):\n{output}"]
    return []


def nplurals(po: polib.POFile) -> int:
    match = re.search(r"nplurals\s*=\s*(\d+)", po.metadata.get("Plural-Forms", ""))
    return int(match.group(1)) if match else 2


def is_translated(entry: polib.POEntry, plural_count: int) -> bool:
    if entry.msgid_plural:
        forms = [entry.msgstr_plural.get(index, "") for index in range(plural_count)]
        return all(forms)
    return bool(entry.msgstr)


def label(entry) -> str:
    text = entry.msgid if not entry.msgid_plural else f"{entry.msgid} | {entry.msgid_plural}"
    text = repr(text)
    return f"[{entry.msgctxt}] {text}" if entry.msgctxt else text


def entry_key(entry) -> tuple:
    if entry.msgid_plural:
        forms = tuple(text for _index, text in sorted(entry.msgstr_plural.items()))
    else:
        forms = (entry.msgstr,)
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "", forms)


def check_catalog(code: str) -> list[str]:
    problems: list[str] = []
    po_path = ROOT / "locale" / code / "LC_MESSAGES" / "django.po"
    mo_path = po_path.with_suffix(".mo")
    rel = po_path.relative_to(ROOT)
    if not po_path.exists():
        return [f"{rel}: missing"]
    po = polib.pofile(str(po_path))

    if po.metadata_is_fuzzy:
        problems.append(f"{rel}: the header is marked fuzzy")
    if po.metadata.get("Language") != code:
        problems.append(f"{rel}: header Language is {po.metadata.get('Language')!r}, not {code!r}")
    if "Plural-Forms" not in po.metadata:
        problems.append(f"{rel}: header has no Plural-Forms")

    plural_count = nplurals(po)
    entries = [entry for entry in po if not entry.obsolete]
    untranslated = [e for e in entries if not is_translated(e, plural_count)]
    fuzzy = [e for e in entries if e.fuzzy]
    for entry in untranslated:
        problems.append(f"{rel}: untranslated {label(entry)}")
    for entry in fuzzy:
        problems.append(f"{rel}: fuzzy {label(entry)}")

    # What msgfmt would compile: translated, not fuzzy. Compared by content, not bytes,
    # because msgfmt versions lay out the same catalog differently.
    expected = {entry_key(e) for e in entries if not e.fuzzy and is_translated(e, plural_count)}
    mo_rel = mo_path.relative_to(ROOT)
    if not mo_path.exists():
        problems.append(f"{mo_rel}: missing; run compilemessages")
        return problems
    compiled = {entry_key(e) for e in polib.mofile(str(mo_path)) if e.msgid}
    stale = sorted(expected - compiled)
    extra = sorted(compiled - expected)
    if stale or extra:
        problems.append(
            f"{mo_rel}: out of date ({len(stale)} entries missing or changed, {len(extra)} "
            "left over); run: DEBUG=1 .venv/bin/python manage.py compilemessages --ignore=.venv"
        )
        problems.extend(f"{mo_rel}:   not compiled: {entry[1]!r}" for entry in stale[:20])
        problems.extend(f"{mo_rel}:   left over: {entry[1]!r}" for entry in extra[:20])
    return problems


def main() -> int:
    problems = run_makemessages()
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    counts = {}
    for code in LANGUAGES:
        found = check_catalog(code)
        counts[code] = len(found)
        problems.extend(found)
    for line in problems:
        print(line)
    summary = ", ".join(f"{code}: {count} problem(s)" for code, count in counts.items())
    if problems:
        print(f"Translations are NOT complete ({summary}).")
        print("Fill every msgstr in locale/*/LC_MESSAGES/django.po, remove fuzzy flags, then")
        print("compile: DEBUG=1 .venv/bin/python manage.py compilemessages --ignore=.venv")
        return 1
    print(f"Translations are complete and compiled ({', '.join(LANGUAGES)}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
